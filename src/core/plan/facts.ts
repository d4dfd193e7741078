// What a plan knows about PD when it is made. Absence of a store is a fact only when PD gave a complete,
// well-formed list (Tombstones included): anything else leaves it unknown, and a plan that needs it stops.

import type { Msg } from '../l10n/message';
import { matchStores, storeAddress } from '../pd/match';
import type { PlacementRule, Store } from '../pd/types';
import type { TiFlashHost } from '../inventory/tiflash';

export type PdSeries = '3.1' | '4.0' | 'newer' | 'older' | 'unknown';

export type PlacementFacts = { enabled: false } | { enabled: true; rules: PlacementRule[] };

export interface PdFacts {
  /** Every store PD knows, Tombstones included, from a well-formed answer; undefined when that could not be had. */
  stores?: Store[];
  /** Why `stores` is unknown (PD's answer or error, quoted). */
  storesError?: Msg;
  /** TiFlash placement rules; `enabled: false` when PD says placement rules are off (412). */
  placement?: PlacementFacts;
  placementError?: Msg;
  /** PD's version series (`/pd/api/v1/version`). */
  series?: PdSeries;
  version?: string;
}

export type StoreOfHost =
  | { kind: 'store'; store: Store }
  /** PD's complete list has no TiFlash store at the host's address. */
  | { kind: 'absent' }
  /** Two live stores claim the address. */
  | { kind: 'ambiguous'; stores: Store[] }
  /** No usable answer. */
  | { kind: 'unknown'; why?: Msg }
  /** A store at the address is not a TiFlash store (never acted on from here). */
  | { kind: 'not-tiflash'; store: Store };

export function storeOfHost(host: TiFlashHost, pd: PdFacts): StoreOfHost {
  if (!pd.stores) return { kind: 'unknown', why: pd.storesError };
  const address = storeAddress(host);
  const other = pd.stores.find((s) => s.address === address && s.labels.engine !== 'tiflash' && s.state !== 'Tombstone');
  if (other) return { kind: 'not-tiflash', store: other };
  const [m] = matchStores([host], pd.stores);
  if (m.ambiguous) return { kind: 'ambiguous', stores: m.ambiguous };
  return m.store ? { kind: 'store', store: m.store } : { kind: 'absent' };
}
