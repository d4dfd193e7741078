// One typed model for PD v3.1 (zero fields omitted), v4.0 and newer store JSON.

import type { Msg } from '../l10n/message';

/**
 * A store id exactly as PD sent it: the decimal text of an unsigned 64-bit integer in 1..2^64-1.
 * Never a JavaScript number (ids above 2^53 would collide); only `parseStoreId` makes one.
 */
export type StoreId = string & { readonly __brand: 'StoreId' };

const U64_MAX = (1n << 64n) - 1n;

/** The id PD could have allocated: decimal digits, no sign, fraction, exponent or leading zero, 1..2^64-1. */
export function parseStoreId(text: string): StoreId | undefined {
  if (!/^[1-9][0-9]{0,19}$/.test(text)) return undefined;
  return BigInt(text) <= U64_MAX ? (text as StoreId) : undefined;
}

/** Ids in numeric order (as PD allocates them: a larger id is a newer store). */
export function compareStoreIds(a: StoreId, b: StoreId): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A store's state, one enum for every decision and view: PD's numeric `state` and its `state_name`
 * reconciled. Disconnected and Down are Up stores whose heartbeats stopped (20 s, max-store-down-time).
 */
export const STORE_STATES = ['Up', 'Disconnected', 'Down', 'Offline', 'Tombstone'] as const;
export type StoreState = (typeof STORE_STATES)[number];

/** Where a store is in its life: Up (heartbeating or not), Offline (draining), Tombstone (gone). */
export type Lifecycle = 'Up' | 'Offline' | 'Tombstone';

export function lifecycleOf(state: StoreState): Lifecycle {
  return state === 'Offline' || state === 'Tombstone' ? state : 'Up';
}

export interface Store {
  id: StoreId;
  /** `host:port` as PD sent it (compared only through `parseHostPort`). */
  address: string;
  state: StoreState;
  /** PD's state_name as sent, for display only: decisions use `state`. */
  stateName: string;
  labels: Readonly<Record<string, string>>;
  version?: string;
  peerAddress?: string;
  statusAddress?: string;
  deployPath?: string;
  /** Newer PD: Preparing 0, Serving 1, Removing 2, Removed 3. */
  nodeState?: number;
  /** Newer PD: the store is gone for good (as final as Tombstone). */
  physicallyDestroyed?: boolean;
  /** PD v3.1 omits zero fields: a missing count is 0. */
  regionCount: number;
  leaderCount: number;
  /** As PD prints them (`"1.745TiB"`), and in bytes where they parse. */
  capacity?: string;
  available?: string;
  capacityBytes?: number;
  availableBytes?: number;
  usedSize?: string;
  startTs?: string;
  lastHeartbeatTs?: string;
  uptime?: string;
}

/**
 * A store list as PD sent it, and whether it was asked for every state. Only a list read with
 * `?state=0&state=1&state=2` can prove that a store is absent: PD's default list hides Tombstones.
 */
export interface StoreList {
  readonly stores: readonly Store[];
  readonly includesTombstones: boolean;
}

export interface PlacementRule {
  groupId: string;
  id: string;
  role: string;
  count: number;
  labelConstraints: { key: string; op: string; values: string[] }[];
}

/** A decoder's answer: the value, or what is wrong with PD's answer (quoting it). */
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: Msg };

export const isTiFlash = (s: Store) => s.labels.engine === 'tiflash';

/** The end of a scale-in: an explicit Tombstone or a store PD reports as physically destroyed. Never "missing from a list". */
export const tombstoneReached = (s: Store): boolean => s.state === 'Tombstone' || s.physicallyDestroyed === true;
