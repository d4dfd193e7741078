// The read model of one cluster (a tidb-ansible folder): what its views show, computed from the inventory's
// TiFlash hosts, PD's last answers, the drain samples and the time, once per change.

import type { TiFlashHost } from '../inventory/tiflash';
import type { Msg } from '../l10n/message';
import type { StoreLimitsByType, TiflashRules } from '../pd/api';
import type { ScheduleConfig } from '../pd/decode';
import type { PdError } from '../pd/http';
import type { HostState, HostStateLabel } from '../pd/match';
import type { DrainFinding } from '../pd/stuckDrain';
import type { Store, StoreId, StoreList } from '../pd/types';
import type { PdCapabilities, PdVersion } from '../pd/version';
import type { DrainSample } from '../poll/drain';

export type { HostStateLabel };

/** What PD said, as the monitor keeps it. */
export interface PdAnswers {
  /** The last complete store list and when it came. */
  stores?: { list: StoreList; at: number };
  /** Polls fail: the last error, and when the first failure after the last success happened. */
  failing?: { error: PdError; since: number };
  /** PD is not asked at all (an untrusted workspace): why. */
  off?: Msg;
  /** `GET /version`, read once per cluster. */
  version?: PdVersion;
  /** Read only while a drain has stopped falling: what the stuck-drain check needs. */
  drainFacts?: DrainFacts;
}

/** Undefined members could not be read (the finding then says "not checked"). */
export interface DrainFacts {
  at: number;
  rules?: TiflashRules;
  schedule?: ScheduleConfig;
  limits?: StoreLimitsByType;
}

export interface ModelInput {
  hosts: readonly TiFlashHost[];
  pd: PdAnswers;
  /** Region counts of Offline stores over time. */
  drains: ReadonlyMap<StoreId, readonly DrainSample[]>;
  now: number;
  /** The stuck-drain setting: no fall for this long. */
  stuckAfterMs: number;
}

export type PdStatus =
  | { kind: 'off'; reason: Msg }
  | { kind: 'unread' }
  | { kind: 'ok'; readAt: number }
  /** `readAt`: the last good list, when there was one. */
  | { kind: 'failing'; error: PdError; since: number; readAt?: number };

/** Where a drain is stuck: the verdict, and whether PD's rules, space and limits were read for it yet. */
export interface StuckDrain {
  stalledMs: number;
  summary: Msg;
  /** Empty while they are being read. */
  findings: DrainFinding[];
  checkedAt?: number;
}

export interface DrainView {
  storeId: StoreId;
  /** The inventory host of the store, if any. */
  hostName?: string;
  regions: number;
  /** Regions per second; absent while PD fails (never a frozen estimate). */
  rate?: number;
  etaSeconds?: number;
  /** How long the count has not fallen, as of the last list. */
  stalledMs: number;
  stuck?: StuckDrain;
  /** When the counts were read; `staleMs` is set while PD fails. */
  readAt: number;
  staleMs?: number;
}

/** What may be done to a row (the tree's context menu and the CodeLens follow it). */
export interface HostActions {
  scaleOut: boolean;
  scaleIn: boolean;
  cancelScaleIn: boolean;
  forceTombstone: boolean;
}

export interface HostRow {
  /** Stable within the cluster: the inventory name, or `store-<id>` for a store the inventory lacks. */
  id: string;
  /** The PD module's match (store / absent / ambiguous / unknown) or a store the inventory lacks (orphan). */
  match: HostState;
  host?: TiFlashHost;
  store?: Store;
  state: HostStateLabel;
  /** Why the state is unknown or ambiguous (PD quoted). */
  reason?: Msg;
  /** How old the state is, set once PD has failed since it was read. */
  staleMs?: number;
  drain?: DrainView;
  actions: HostActions;
}

export interface ClusterModel {
  now: number;
  /** The hosts it was computed from: views check it against the inventory they show. */
  hosts: readonly TiFlashHost[];
  rows: HostRow[];
  pd: PdStatus;
  version?: PdVersion;
  /** A version outside what tidb-ansible deploys. */
  versionNote?: Msg;
  capabilities?: PdCapabilities;
  drains: DrainView[];
  counts: ReadonlyMap<HostStateLabel, number>;
  /** A drain has stopped falling and PD's rules, space and limits should be read (again) for it. */
  wantsDrainFacts: boolean;
}
