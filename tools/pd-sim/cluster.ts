// The simulated cluster: PD's store records and what PD does to them over time, per PD version.
// Offline stores hand their regions to other stores only while enough of them can take them; PD's
// background job (every 10 s) buries an Offline store once it holds no region.

import { parseSize } from './goFormat';
import { StoreLimits } from './limits';
import { PROFILE_FACTS, type Profile } from './profile';

export interface RawLabel {
  key: string;
  value: string;
}

/** metapb.StoreState: Up 0, Offline 1, Tombstone 2. */
export type StoreStateCode = 0 | 1 | 2;

export interface SimStore {
  /** Exact decimal text of the uint64 id. */
  id: string;
  address: string;
  state: StoreStateCode;
  labels: RawLabel[];
  version: string;
  peer_address?: string;
  status_address: string;
  git_hash: string;
  start_timestamp: number;
  deploy_path: string;
  /**
   * ms since epoch of the last heartbeat PD knows of, for a store that is silent (`heartbeating` false) or
   * has not heartbeated since a leader change; undefined: none since this PD became leader (3.1).
   */
  lastHeartbeatMs: number | undefined;
  /** The store process sends heartbeats, every 10 s (a stopped TiFlash does not). */
  heartbeating: boolean;
  /** A new PD leader has not heard from it yet (until the next tick). */
  awaitingHeartbeat?: boolean;
  /** When the store last became Tombstone (ms since epoch), for tests that check what ran after. */
  tombstoneAt?: number;
  /** Bytes. */
  capacity: number;
  available: number;
  used_size: number;
  leader_count: number;
  leader_size: number;
  leader_weight: number;
  region_count: number;
  region_size: number;
  region_weight: number;
}

export interface SimRule {
  group_id: string;
  id: string;
  role: string;
  count: number;
  [k: string]: unknown;
}

/** A rule's text field (a hex key, an id) as Go holds it: '' when unset (requests are type-checked first). */
export function ruleText(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** GET /config/replicate as PD sends it: the booleans are the strings "true" / "false". */
export interface ReplicateConfig {
  'max-replicas': number;
  'location-labels': string;
  'strictly-match-label': 'true' | 'false';
  'enable-placement-rules': 'true' | 'false';
}

/** A table TiDB knows, for the TiDB status-port stand-in (`table-<id>-r` rules name it). */
export interface SimTable {
  id: number;
  db: string;
  name: string;
  partitions?: { id: number; name: string }[];
  tiflashReplica?: number;
}

export type StoreEntry = { store: Record<string, unknown>; status: Record<string, unknown> };

/**
 * A cluster file (tools/pd-sim/clusters/*.json). Store entries use PD's own field names; `id` is a
 * number, or a decimal string for ids beyond 2^53. Sizes are strings like "1.745TiB".
 */
export interface ClusterFile {
  stores: StoreEntry[];
  rules?: SimRule[];
  /** Regions a draining store hands off per tick. */
  regionsPerTick?: number;
  /** PD's max-store-down-time in ms (default 30 min). */
  maxStoreDownMs?: number;
  /** What GET /version answers, e.g. "4.0.9" (default: the profile's release). */
  version?: string;
  replicate?: Partial<ReplicateConfig>;
  tables?: SimTable[];
}

const DISCONNECTED_MS = 20_000;
const U64_MAX = (1n << 64n) - 1n;

/** The canonical decimal text of a uint64 written as digits ("053" -> "53"), or undefined. */
export function canonicalId(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const v = BigInt(text);
  return v <= U64_MAX ? v.toString() : undefined;
}

export const isTiFlashStore = (s: { labels: RawLabel[] }): boolean => s.labels.some((l) => l.key === 'engine' && l.value === 'tiflash');

const appliesToTiFlash = (r: SimRule): boolean =>
  r.group_id === 'tiflash' ||
  (Array.isArray(r.label_constraints) &&
    r.label_constraints.some((c: { key?: unknown; values?: unknown }) => c.key === 'engine' && Array.isArray(c.values) && c.values.includes('tiflash')));

export interface ClusterOptions {
  profile: Profile;
  now?: () => number;
}

export type RegisterResult = { ok: true; id: string } | { ok: false; code: string; message: string };

export class Cluster {
  readonly profile: Profile;
  stores: SimStore[];
  rules: SimRule[];
  regionsPerTick: number;
  maxStoreDownMs: number;
  /** What GET /version and /status answer. */
  version: string;
  replicate: ReplicateConfig;
  /** PD's low-space-ratio: a store with less than 1 - ratio of its capacity available takes no regions. */
  lowSpaceRatio = 0.8;
  highSpaceRatio: number;
  /** The rule manager has run once (it creates the default rule only then, when there is no rule). */
  rulesInitialized: boolean;
  readonly limits: StoreLimits;
  tables: SimTable[];
  /** The background job runs every this many ticks (PD: every 10 s). */
  checkEveryTicks = 1;
  private ticks = 0;
  private readonly now: () => number;

  constructor(file: ClusterFile, opts: ClusterOptions) {
    this.profile = opts.profile;
    this.now = opts.now ?? Date.now;
    const facts = PROFILE_FACTS[opts.profile];
    this.stores = file.stores.map((e) => fromEntry(e, this.now(), facts.release));
    const ids = new Set<string>();
    for (const s of this.stores) {
      if (ids.has(s.id)) throw new Error(`cluster file lists store ${s.id} twice`);
      ids.add(s.id);
    }
    this.rules = file.rules ?? [];
    this.regionsPerTick = file.regionsPerTick ?? 50;
    this.maxStoreDownMs = file.maxStoreDownMs ?? 30 * 60_000;
    this.version = versionFor(opts.profile, file.version);
    this.replicate = {
      'max-replicas': 3,
      'location-labels': '',
      'strictly-match-label': 'false',
      'enable-placement-rules': 'false',
      ...file.replicate,
    };
    this.highSpaceRatio = facts.highSpaceRatio;
    this.rulesInitialized = this.placementRules;
    this.tables = file.tables ?? [];
    this.limits = new StoreLimits(opts.profile);
    for (const s of this.stores) if (s.state !== 2) this.limits.addStore(s.id, isTiFlashStore(s));
  }

  get placementRules(): boolean {
    return this.replicate['enable-placement-rules'] === 'true';
  }

  find(id: number | string): SimStore | undefined {
    const key = typeof id === 'number' ? String(id) : canonicalId(id);
    return this.stores.find((s) => s.id === key);
  }

  stateName(s: SimStore): 'Up' | 'Offline' | 'Tombstone' | 'Disconnected' | 'Down' {
    if (s.state === 1) return 'Offline';
    if (s.state === 2) return 'Tombstone';
    // 3.1 after a leader change knows no heartbeat: time.Since(zero time) is longer than any limit
    const heartbeat = this.heartbeatMs(s);
    const silent = heartbeat === undefined ? Infinity : this.now() - heartbeat;
    if (silent > this.maxStoreDownMs) return 'Down';
    if (silent > DISCONNECTED_MS) return 'Disconnected';
    return 'Up';
  }

  /**
   * When PD last heard from a store. A live store heartbeats every 10 s (TiKV's interval, at a phase of its
   * own), whatever the tick length; a silent one, or one a new leader has not heard from, at lastHeartbeatMs.
   */
  heartbeatMs(s: SimStore): number | undefined {
    if (!s.heartbeating || s.state === 2 || s.awaitingHeartbeat) return s.lastHeartbeatMs;
    const now = this.now();
    const phase = Number(BigInt(s.id) % 10_000n);
    return now - ((((now - phase) % 10_000) + 10_000) % 10_000);
  }

  /** The fewest TiFlash stores the placement rules need (largest count of a rule for TiFlash). */
  neededTiFlash(): number {
    return this.placementRules ? Math.max(0, ...this.rules.filter(appliesToTiFlash).map((r) => r.count)) : 0;
  }

  /** The fewest TiKV stores a region needs: the default rule's count, or max-replicas. */
  neededTiKV(): number {
    const counts = this.rules.filter((r) => !appliesToTiFlash(r)).map((r) => r.count);
    return this.placementRules && counts.length ? Math.max(...counts) : this.replicate['max-replicas'];
  }

  /** A store PD would not move regions to: less than 1 - low-space-ratio of its capacity available. */
  isLowSpace(s: SimStore): boolean {
    return s.capacity === 0 || s.available / s.capacity < 1 - this.lowSpaceRatio;
  }

  /** Up, heartbeating stores of the same engine that can take one more region from `from`. */
  targetsFor(from: SimStore): SimStore[] {
    const tiflash = isTiFlashStore(from);
    return this.stores.filter(
      (o) =>
        o !== from && o.state === 0 && isTiFlashStore(o) === tiflash && this.stateName(o) === 'Up' && !this.isLowSpace(o) && this.limits.rate(o.id, 'add') > 0,
    );
  }

  /** Whether PD moves regions off a store that is not Up: enough targets, and its remove limit above zero. */
  canDrain(s: SimStore): boolean {
    const needed = isTiFlashStore(s) ? this.neededTiFlash() : this.neededTiKV();
    return this.targetsFor(s).length >= needed && this.limits.rate(s.id, 'remove') > 0;
  }

  /** One step of time: heartbeats, regions leaving stores that are not Up, and PD's background job on its cadence. */
  tick(): void {
    for (const s of this.stores) {
      if (!s.heartbeating || s.state === 2) continue;
      s.awaitingHeartbeat = false;
      s.lastHeartbeatMs = this.heartbeatMs(s);
    }
    for (const s of this.stores.filter((x) => x.state !== 0 && x.region_count > 0)) {
      if (this.canDrain(s)) this.moveRegions(s, Math.min(this.regionsPerTick, s.region_count));
    }
    this.ticks++;
    if (this.ticks % this.checkEveryTicks === 0) this.checkStores();
  }

  /** PD's checkStores: an Offline store that holds no region becomes Tombstone. */
  checkStores(): void {
    for (const s of this.stores) if (s.state === 1 && s.region_count === 0) this.bury(s);
  }

  private moveRegions(from: SimStore, n: number): void {
    const targets = this.targetsFor(from).sort((a, b) => a.region_count - b.region_count);
    const avgSize = from.region_count ? from.region_size / from.region_count : 0;
    for (let k = 0; k < n && targets.length; k++) {
      targets[k % targets.length].region_count++;
      targets[k % targets.length].region_size += Math.round(avgSize);
    }
    const left = from.region_count - n;
    from.leader_count = Math.min(from.leader_count, left);
    from.region_size = Math.round(avgSize * left);
    from.region_count = left;
  }

  private bury(s: SimStore): void {
    s.state = 2;
    s.tombstoneAt = this.now();
    this.limits.removeStore(s.id);
  }

  /** DELETE /store/{id}: Up -> Offline; 4.0 also lifts the store's remove-peer limit. */
  removeStore(id: string): 'ok' | 'not-found' | 'tombstone' {
    const s = this.find(id);
    if (!s) return 'not-found';
    if (s.state === 1) return 'ok';
    if (s.state === 2) return 'tombstone';
    s.state = 1;
    if (this.profile === '4.0') this.limits.set(s.id, 'remove', PROFILE_FACTS['4.0'].unlimitedRate);
    return 'ok';
  }

  /** DELETE /store/{id}?force: Up or Offline -> Tombstone at once. */
  forceBury(id: string): 'ok' | 'not-found' {
    const s = this.find(id);
    if (!s) return 'not-found';
    if (s.state !== 2) this.bury(s);
    return 'ok';
  }

  /** POST /store/{id}/state: only the state changes (regions stay, limits stay). */
  setState(id: string, state: StoreStateCode): 'ok' | 'not-found' {
    const s = this.find(id);
    if (!s) return 'not-found';
    if (state === 2 && s.state !== 2) s.tombstoneAt = this.now();
    s.state = state;
    return 'ok';
  }

  /** DELETE /stores/remove-tombstone: 4.0 keeps Tombstone stores that still hold regions. */
  removeTombstones(): void {
    const gone = this.stores.filter((s) => s.state === 2 && !(this.profile === '4.0' && s.region_count > 0));
    for (const s of gone) this.limits.removeStore(s.id);
    this.stores = this.stores.filter((s) => !gone.includes(s));
  }

  /** What a starting TiKV/TiFlash does (gRPC PutStore): PD's checks, in PD's order. */
  register(entry: StoreEntry): RegisterResult {
    const s = fromEntry(entry, this.now(), PROFILE_FACTS[this.profile].release);
    if (!entry.store.id) s.id = (this.stores.reduce((max, o) => (BigInt(o.id) > max ? BigInt(o.id) : max), 0n) + 1n).toString();
    const existing = this.find(s.id);
    if (existing?.state === 2) return { ok: false, code: 'STORE_TOMBSTONE', message: 'store is tombstone' };
    if (!this.placementRules && isTiFlashStore(s)) return { ok: false, code: 'FailedPrecondition', message: 'placement rules is disabled' };
    const clash = this.stores.find((o) => o.state !== 2 && o.id !== s.id && o.address === s.address);
    if (clash)
      return {
        ok: false,
        code: 'Unknown',
        message: `duplicated store address: id:${s.id} address:"${s.address}" , already registered by id:${clash.id} address:"${clash.address}"`,
      };
    if (existing) Object.assign(existing, { address: s.address, labels: s.labels, version: s.version, heartbeating: true, lastHeartbeatMs: this.now() });
    else {
      this.stores.push(s);
      this.limits.addStore(s.id, isTiFlashStore(s));
    }
    return { ok: true, id: s.id };
  }

  /** 3.1 right after a leader change knows no heartbeat; 4.0 reads the one it persisted (up to 5 minutes old). */
  leaderChange(persistedAgeMs: number): void {
    for (const s of this.stores) {
      if (s.state === 2) continue;
      s.lastHeartbeatMs = this.profile === '3.1' ? undefined : this.now() - persistedAgeMs;
      s.awaitingHeartbeat = true;
    }
  }
}

/** The reported version: the file's when it is a release of this profile, else the profile's own. */
function versionFor(profile: Profile, fileVersion: string | undefined): string {
  const v = fileVersion?.replace(/^v/, '');
  return v && v.startsWith(`${profile}.`) ? v : PROFILE_FACTS[profile].release.replace(/^v/, '');
}

function idOf(raw: unknown): string {
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw : undefined;
  const id = text === undefined ? undefined : canonicalId(text);
  if (id === undefined || id === '0') throw new Error(`store id ${String(raw)} is not an exact uint64 above 0: write ids beyond 2^53 as decimal strings`);
  return id;
}

function fromEntry(e: StoreEntry, now: number, release: string): SimStore {
  const { store, status } = e;
  const n = (v: unknown, d = 0) => (typeof v === 'number' ? v : d);
  const t = (v: unknown, d = '') => (typeof v === 'string' ? v : d);
  const size = (v: unknown, d: number) => (typeof v === 'string' ? (parseSize(v) ?? d) : d);
  const state = n(store.state) as StoreStateCode;
  const capacity = size(status.capacity, 2 ** 40);
  // a file written at some past heartbeat: keep its uptime by moving the start as far as the clock moved
  const fileHeartbeatMs =
    typeof store.last_heartbeat === 'number'
      ? store.last_heartbeat / 1e6
      : typeof status.last_heartbeat_ts === 'string'
        ? Date.parse(status.last_heartbeat_ts)
        : NaN;
  const shift = Number.isFinite(fileHeartbeatMs) ? Math.round((now - fileHeartbeatMs) / 1000) : 0;
  return {
    id: store.id === undefined ? '0' : idOf(store.id),
    address: t(store.address),
    state,
    labels: Array.isArray(store.labels) ? (store.labels as RawLabel[]) : [],
    version: t(store.version, release),
    peer_address: t(store.peer_address) || undefined,
    status_address: t(store.status_address),
    git_hash: t(store.git_hash),
    start_timestamp: typeof store.start_timestamp === 'number' ? store.start_timestamp + shift : Math.floor(now / 1000) - 3600,
    deploy_path: t(store.deploy_path),
    lastHeartbeatMs: now,
    heartbeating: state !== 2,
    capacity,
    available: size(status.available, capacity),
    used_size: size(status.used_size, 0),
    leader_count: n(status.leader_count),
    leader_size: n(status.leader_size),
    leader_weight: n(status.leader_weight, 1),
    region_count: n(status.region_count),
    region_size: n(status.region_size),
    region_weight: n(status.region_weight, 1),
  };
}
