// Which PD store is which TiFlash host: address `<ip>:<flash_service_port>` and label engine=tiflash.

import type { TiFlashHost } from '../inventory/tiflash';
import { isTiFlash, STATE_BY_CODE, STORE_STATE_NAMES, type Store, type StoreStateName } from './types';

export interface HostState {
  host?: TiFlashHost;
  store?: Store;
}

/** One address can have an old Tombstone record and a new store: prefer the live one, else the newest id. */
export function pickStore(candidates: Store[]): Store | undefined {
  return [...candidates].sort((a, b) => Number(a.state === 2) - Number(b.state === 2) || b.id - a.id)[0];
}

export function storeAddress(host: TiFlashHost): string {
  const ip = host.address.includes(':') && !host.address.startsWith('[') ? `[${host.address}]` : host.address;
  return `${ip}:${host.ports.flash_service_port}`;
}

/** Every inventory host with its store (if any), then the TiFlash stores the inventory lacks. */
export function matchStores(hosts: TiFlashHost[], stores: Store[]): HostState[] {
  const tiflash = stores.filter(isTiFlash);
  const byAddress = new Map<string, Store[]>();
  for (const s of tiflash) byAddress.set(s.address, [...(byAddress.get(s.address) ?? []), s]);
  const used = new Set<string>();
  const out: HostState[] = hosts.map((host) => {
    const address = storeAddress(host);
    used.add(address);
    return { host, store: pickStore(byAddress.get(address) ?? []) };
  });
  for (const [address, list] of byAddress) if (!used.has(address)) out.push({ store: pickStore(list) });
  return out;
}

export type HostStateLabel = StoreStateName | 'NotInPd';

/** The one word shown for a host: PD's state_name, or NotInPd. */
export function stateLabel(s: HostState): HostStateLabel {
  if (!s.store) return 'NotInPd';
  const name = s.store.stateName;
  return STORE_STATE_NAMES.find((n) => n === name) ?? STATE_BY_CODE[s.store.state];
}
