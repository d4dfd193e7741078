// What a plan knows about PD when it is made, as the PD module read it. Absence of a store is a fact only
// when PD gave a complete, well-formed list (Tombstones included): anything else leaves it unknown, and a
// plan that needs it stops.

import type { TiflashRules } from '../pd/api';
import type { PdResult } from '../pd/http';
import { matchHost, type HostMatch } from '../pd/match';
import { isTiFlash, tombstoneReached, type Store, type StoreList } from '../pd/types';
import type { PdVersion } from '../pd/version';
import type { TiFlashHost } from '../inventory/tiflash';

export interface PdFacts {
  /** Every store PD knows, Tombstones included, or why that could not be had. */
  stores: PdResult<StoreList>;
  /** TiFlash placement rules; `enabled: false` when PD says placement rules are off (412). */
  rules: PdResult<TiflashRules>;
  /** PD's version (`/pd/api/v1/version`), when it could be read. */
  version?: PdVersion;
}

/** The host's store as PD's answer tells it, or a store at its address that is not TiFlash (never acted on from here). */
export type StoreOfHost = HostMatch | { kind: 'not-tiflash'; store: Store };

export function storeOfHost(host: TiFlashHost, pd: PdFacts): StoreOfHost {
  const m = matchHost(host, pd.stores);
  if (m.kind === 'store' && !isTiFlash(m.store) && !tombstoneReached(m.store)) return { kind: 'not-tiflash', store: m.store };
  return m;
}

/** The stores of a complete list (empty when PD could not be read: callers check `needStores` first). */
export const storesOf = (pd: PdFacts): readonly Store[] => (pd.stores.ok ? pd.stores.value.stores : []);
