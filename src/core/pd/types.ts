// One typed model for PD v3.1 (zero fields omitted), v4.0 and newer store JSON.

/** PD's state_name values; Disconnected and Down are Up stores that stopped heartbeating. */
export const STORE_STATE_NAMES = ['Up', 'Offline', 'Tombstone', 'Disconnected', 'Down'] as const;
export type StoreStateName = (typeof STORE_STATE_NAMES)[number];
/** The name of each numeric `state` (0, 1, 2). */
export const STATE_BY_CODE = ['Up', 'Offline', 'Tombstone'] as const;

export interface Store {
  id: number;
  address: string;
  /** 0 Up, 1 Offline, 2 Tombstone (the field is omitted for Up). */
  state: 0 | 1 | 2;
  stateName: StoreStateName | string;
  labels: Record<string, string>;
  version?: string;
  peerAddress?: string;
  statusAddress?: string;
  deployPath?: string;
  /** Newer PD: Preparing 0, Serving 1, Removing 2, Removed 3. */
  nodeState?: number;
  physicallyDestroyed?: boolean;
  regionCount: number;
  leaderCount: number;
  capacity?: string;
  available?: string;
  usedSize?: string;
  startTs?: string;
  lastHeartbeatTs?: string;
  uptime?: string;
}

export interface PlacementRule {
  groupId: string;
  id: string;
  role: string;
  count: number;
  labelConstraints: { key: string; op: string; values: string[] }[];
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

export const isTiFlash = (s: Store) => s.labels.engine === 'tiflash';
