// Which PD store is which TiFlash host: the store at `<address>:<flash_service_port>`, compared as parsed
// host and port. A host is "absent" only when PD said so: a complete list (Tombstones included) in which
// every store's address parses and no TiFlash store hides behind a host name. Linear in the number of
// stores, and independent of the order PD lists them in.

import type { TiFlashHost } from '../inventory/tiflash';
import { msg, type Msg } from '../l10n/message';
import { hostPortKey, parseHost, parseHostPort, type Host } from './address';
import { shorten } from './decode';
import type { PdResult } from './http';
import { compareStoreIds, isTiFlash, tombstoneReached, type Store, type StoreList, type StoreState } from './types';

/**
 * One inventory host against PD. The unused `store?: undefined` members let a view read `s.store`
 * on any variant.
 */
export type HostMatch =
  /** Its store: the live one, else the newest Tombstone record at the address. */
  | { kind: 'store'; host: TiFlashHost; store: Store }
  /** PD said so: a complete, well-formed list with no store at the address. */
  | { kind: 'absent'; host: TiFlashHost; store?: undefined }
  /** Two or more live stores at the address (sorted by id): nothing may act on it. */
  | { kind: 'ambiguous'; host: TiFlashHost; stores: readonly Store[]; reason: Msg; store?: undefined }
  /** PD's answer cannot tell: why, quoting PD. Plans and steps treat this as "stop". */
  | { kind: 'unknown'; host: TiFlashHost; reason: Msg; store?: undefined };

/** A TiFlash store the inventory lacks. */
export interface OrphanStore {
  kind: 'orphan';
  store: Store;
  host?: undefined;
}

export type HostState = HostMatch | OrphanStore;

interface AtAddress {
  /** Every store at the address, by id. */
  all: Store[];
  /** Those not yet Tombstone, by id. */
  live: Store[];
  /** The address's store (`pickStore`), chosen once for every host that asks. */
  picked?: Store;
}

const byId = (a: Store, b: Store) => compareStoreIds(a.id, b.id);

/** One address can have an old Tombstone record and a new store: prefer the live one, else the newest id. */
export function pickStore(candidates: readonly Store[]): Store | undefined {
  let best: Store | undefined;
  for (const s of candidates) {
    const liveS = !tombstoneReached(s);
    const liveB = best && !tombstoneReached(best);
    if (!best || (liveS !== liveB ? liveS : compareStoreIds(s.id, best.id) > 0)) best = s;
  }
  return best;
}

/** A store list indexed by parsed address, with the reason (if any) that a missing store proves nothing. */
export class StoreIndex {
  private readonly byKey = new Map<string, AtAddress>();
  /** Stores whose address does not parse, by id. */
  readonly unparsed: Store[] = [];
  /** Why absence cannot be concluded from this list (the doubt of the lowest store id, so not order-dependent). */
  readonly absenceDoubt?: Msg;

  private constructor(list: StoreList) {
    let doubt: { id?: Store['id']; reason: Msg } | undefined = list.includesTombstones ? undefined : { reason: msg('pd.match.listIncomplete') };
    const note = (s: Store, reason: Msg) => {
      if (!doubt || (doubt.id !== undefined && compareStoreIds(s.id, doubt.id) < 0)) doubt = { id: s.id, reason };
    };
    for (const s of list.stores) {
      const hp = parseHostPort(s.address);
      if (!hp) {
        this.unparsed.push(s);
        note(s, msg('pd.match.badAddress', { id: s.id, address: JSON.stringify(shorten(s.address, 80)) }));
        continue;
      }
      if (hp.host.kind === 'name' && isTiFlash(s)) note(s, msg('pd.match.storeNamesHost', { id: s.id, address: shorten(s.address, 80) }));
      const key = hostPortKey(hp.host, hp.port);
      const at = this.byKey.get(key);
      if (at) at.all.push(s);
      else this.byKey.set(key, { all: [s], live: [] });
    }
    for (const at of this.byKey.values()) {
      at.all.sort(byId);
      at.live = at.all.filter((s) => !tombstoneReached(s));
      at.picked = pickStore(at.all);
    }
    this.unparsed.sort(byId);
    this.absenceDoubt = doubt?.reason;
  }

  private static readonly cache = new WeakMap<StoreList, StoreIndex>();

  /** Built once per list. */
  static of(list: StoreList): StoreIndex {
    let index = StoreIndex.cache.get(list);
    if (!index) StoreIndex.cache.set(list, (index = new StoreIndex(list)));
    return index;
  }

  /** Every store at a host and port, live ones apart (both sorted by id). */
  at(host: Host, port: number): Readonly<AtAddress> {
    return this.byKey.get(hostPortKey(host, port)) ?? { all: [], live: [] };
  }

  keys(): IterableIterator<[string, Readonly<AtAddress>]> {
    return this.byKey.entries();
  }
}

/** `<ip>:<flash_service_port>` as PD writes a TiFlash store's address (IPv6 in brackets). */
export function storeAddress(host: TiFlashHost): string {
  const ip = host.address.includes(':') && !host.address.startsWith('[') ? `[${host.address}]` : host.address;
  return `${ip}:${host.ports.flash_service_port}`;
}

export type StoresAnswer = PdResult<StoreList>;

/** One host against PD's answer (a store list, or why PD could not be read). */
export function matchHost(host: TiFlashHost, answer: StoresAnswer): HostMatch {
  if (!answer.ok) return { kind: 'unknown', host, reason: answer.error.message };
  const index = StoreIndex.of(answer.value);
  const parsed = parseHost(host.address);
  if (!parsed) return { kind: 'unknown', host, reason: msg('pd.match.hostUnparsable', { host: host.name, address: shorten(host.address, 80) }) };
  const at = index.at(parsed, host.ports.flash_service_port);
  if (at.live.length > 1) {
    return {
      kind: 'ambiguous',
      host,
      stores: at.live,
      reason: msg('pd.match.ambiguous', { address: storeAddress(host), ids: at.live.slice(0, 10).map((s) => s.id) }),
    };
  }
  if (at.picked) return { kind: 'store', host, store: at.picked };
  if (parsed.kind === 'name') return { kind: 'unknown', host, reason: msg('pd.match.hostNotIp', { host: host.name, address: shorten(host.address, 80) }) };
  if (index.absenceDoubt) return { kind: 'unknown', host, reason: index.absenceDoubt };
  return { kind: 'absent', host };
}

/** Every inventory host with its match, then the TiFlash stores the inventory lacks (one per address, by id). */
export function matchStores(hosts: readonly TiFlashHost[], answer: StoresAnswer): HostState[] {
  const out: HostState[] = hosts.map((h) => matchHost(h, answer));
  if (!answer.ok) return out;
  const index = StoreIndex.of(answer.value);
  const used = new Set<string>();
  for (const h of hosts) {
    const parsed = parseHost(h.address);
    if (parsed) used.add(hostPortKey(parsed, h.ports.flash_service_port));
  }
  const orphans: Store[] = [];
  for (const [key, at] of index.keys()) {
    const store = used.has(key) ? undefined : pickStore(at.all.filter(isTiFlash));
    if (store) orphans.push(store);
  }
  orphans.push(...index.unparsed.filter(isTiFlash));
  return [...out, ...orphans.sort(byId).map((store): OrphanStore => ({ kind: 'orphan', store }))];
}

export type HostStateLabel = StoreState | 'NotInPd' | 'Unknown';

/** The one word shown for a host: its store's state, NotInPd only when PD said so, else Unknown. */
export function stateLabel(s: HostState): HostStateLabel {
  if (s.kind === 'store' || s.kind === 'orphan') return tombstoneReached(s.store) ? 'Tombstone' : s.store.state;
  return s.kind === 'absent' ? 'NotInPd' : 'Unknown';
}

/** The state word as a catalog message (`state.Up` … `state.NotInPd`, `state.Unknown`). */
export const stateMsg = (label: HostStateLabel): Msg => msg(`state.${label}`);
