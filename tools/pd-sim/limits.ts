// Store limits (how fast PD adds/removes peers on a store, per minute). 4.0 keeps them in its schedule
// configuration (add-peer / remove-peer, TiKV 15, TiFlash 30); 3.1 keeps them in the operator controller
// (region-add / region-remove, store-balance-rate 15, mode auto until set by hand).

import { PROFILE_FACTS, type Profile } from './profile';

export type LimitKind = 'add' | 'remove';

interface Entry {
  add: number;
  remove: number;
  addManual: boolean;
  removeManual: boolean;
}

export class StoreLimits {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly profile: Profile) {}

  private get defaults() {
    return PROFILE_FACTS[this.profile].defaultRate;
  }

  /** A store joined (4.0 AddStoreLimit; 3.1 creates them on first scheduling): defaults unless it has some. */
  addStore(id: string, tiflash: boolean): void {
    if (this.entries.has(id)) return;
    const rate = tiflash ? this.defaults.tiflash : this.defaults.tikv;
    this.entries.set(id, { add: rate, remove: rate, addManual: false, removeManual: false });
  }

  removeStore(id: string): void {
    this.entries.delete(id);
  }

  /** The rate in force for a store (a store without an entry gets the TiKV default, as PD does). */
  rate(id: string, kind: LimitKind): number {
    return this.entries.get(id)?.[kind] ?? this.defaults.tikv;
  }

  isManual(id: string, kind: LimitKind): boolean {
    const e = this.entries.get(id);
    return !!e && (kind === 'add' ? e.addManual : e.removeManual);
  }

  /** Sets one kind; a new entry takes the TiKV default for the other kind (4.0 PersistOptions.SetStoreLimit). */
  set(id: string, kind: LimitKind, ratePerMin: number): void {
    const e = this.entries.get(id) ?? { add: this.defaults.tikv, remove: this.defaults.tikv, addManual: false, removeManual: false };
    e[kind] = ratePerMin;
    if (kind === 'add') e.addManual = true;
    else e.removeManual = true;
    this.entries.set(id, e);
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }
}
