// Which PD store is which TiFlash host: address `<ip>:<flash_service_port>` and label engine=tiflash.

import type { TiFlashHost } from '../inventory/tiflash';
import { compareStoreIds, isTiFlash, type Store, type StoreState } from './types';

export interface HostState {
  host?: TiFlashHost;
  /** The host's store: the live one, else the newest Tombstone record. */
  store?: Store;
  /** Two or more live stores claim the host's address: nothing may act on it until an operator looks. */
  ambiguous?: Store[];
}

/** One address can have an old Tombstone record and a new store: prefer the live one, else the newest id. */
export function pickStore(candidates: Store[]): Store | undefined {
  let best: Store | undefined;
  for (const s of candidates) {
    if (!best) best = s;
    else {
      const liveS = s.state !== 'Tombstone';
      const liveB = best.state !== 'Tombstone';
      if (liveS !== liveB ? liveS : compareStoreIds(s.id, best.id) > 0) best = s;
    }
  }
  return best;
}

export function storeAddress(host: TiFlashHost): string {
  const ip = host.address.includes(':') && !host.address.startsWith('[') ? `[${host.address}]` : host.address;
  return `${ip}:${host.ports.flash_service_port}`;
}

/** Every inventory host with its store (if any), then the TiFlash stores the inventory lacks. */
export function matchStores(hosts: TiFlashHost[], stores: Store[]): HostState[] {
  const byAddress = new Map<string, Store[]>();
  for (const s of stores) {
    if (!isTiFlash(s)) continue;
    const list = byAddress.get(s.address);
    if (list) list.push(s);
    else byAddress.set(s.address, [s]);
  }
  const used = new Set<string>();
  const out: HostState[] = hosts.map((host) => {
    const address = storeAddress(host);
    used.add(address);
    const list = byAddress.get(address) ?? [];
    const live = list.filter((s) => s.state !== 'Tombstone');
    return live.length > 1 ? { host, ambiguous: live } : { host, store: pickStore(list) };
  });
  for (const [address, list] of byAddress) if (!used.has(address)) out.push({ store: pickStore(list) });
  return out;
}

export type HostStateLabel = StoreState | 'NotInPd';

/** The one word shown for a host: its store's state, or NotInPd. */
export function stateLabel(s: HostState): HostStateLabel {
  return s.store ? s.store.state : 'NotInPd';
}
