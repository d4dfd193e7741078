// The simulated cluster: PD's store records and their behaviour over time.
// Offline stores drain their regions and become Tombstone, unless the placement rules need them.

export interface RawLabel {
  key: string;
  value: string;
}

export interface SimStore {
  id: number;
  address: string;
  state: 0 | 1 | 2;
  labels: RawLabel[];
  version: string;
  peer_address?: string;
  status_address: string;
  git_hash: string;
  start_timestamp: number;
  deploy_path: string;
  /** ms since epoch of the last heartbeat; the store stops heartbeating when `heartbeating` is false. */
  lastHeartbeatMs: number;
  heartbeating: boolean;
  /** When the store became Tombstone (ms since epoch), for tests that check what ran after. */
  tombstoneAt?: number;
  capacity: string;
  available: string;
  used_size: string;
  leader_count: number;
  region_count: number;
  region_size: number;
}

export interface SimRule {
  group_id: string;
  id: string;
  role: string;
  count: number;
  [k: string]: unknown;
}

export interface ClusterFile {
  stores: { store: Record<string, unknown>; status: Record<string, unknown> }[];
  rules?: SimRule[];
  /** Regions an Offline store hands off per tick. */
  regionsPerTick?: number;
  /** PD's max-store-down-time in ms (default 30 min). */
  maxStoreDownMs?: number;
  version?: string;
}

const DISCONNECTED_MS = 20_000;

export class Cluster {
  stores: SimStore[];
  rules: SimRule[];
  regionsPerTick: number;
  maxStoreDownMs: number;
  version: string;

  constructor(file: ClusterFile, private readonly now: () => number = Date.now) {
    this.stores = file.stores.map((e) => fromRaw(e.store, e.status, now()));
    this.rules = file.rules ?? [];
    this.regionsPerTick = file.regionsPerTick ?? 50;
    this.maxStoreDownMs = file.maxStoreDownMs ?? 30 * 60_000;
    this.version = file.version ?? '4.0.9';
  }

  find(id: number): SimStore | undefined {
    return this.stores.find((s) => s.id === id);
  }

  stateName(s: SimStore): string {
    if (s.state === 1) return 'Offline';
    if (s.state === 2) return 'Tombstone';
    const silent = this.now() - s.lastHeartbeatMs;
    if (silent > this.maxStoreDownMs) return 'Down';
    if (silent > DISCONNECTED_MS) return 'Disconnected';
    return 'Up';
  }

  /** The fewest TiFlash stores the placement rules need (largest rule count). */
  neededTiFlash(): number {
    return Math.max(0, ...this.rules.map((r) => r.count));
  }

  private isTiFlash(s: SimStore): boolean {
    return s.labels.some((l) => l.key === 'engine' && l.value === 'tiflash');
  }

  /** One step of time: heartbeats, and draining of Offline stores whose peers have somewhere to go. */
  tick(): void {
    const now = this.now();
    for (const s of this.stores) if (s.heartbeating && s.state !== 2) s.lastHeartbeatMs = now;
    for (const s of this.stores.filter((x) => x.state === 1)) {
      const peers = this.stores.filter((o) => o.state === 0 && o.id !== s.id && this.isTiFlash(o) === this.isTiFlash(s));
      const needed = this.isTiFlash(s) ? this.neededTiFlash() : 3;
      if (s.region_count > 0 && peers.length < needed) continue; // stuck Offline: nowhere to move the replicas
      s.region_count = Math.max(0, s.region_count - this.regionsPerTick);
      s.region_size = Math.round(s.region_size * (s.region_count / (s.region_count + this.regionsPerTick || 1)));
      if (s.region_count === 0) {
        s.state = 2;
        s.tombstoneAt = now;
        s.leader_count = 0;
      }
    }
  }

  /** A store as PD v4.0 renders it: `state` omitted for Up. */
  render(s: SimStore, omitZero: boolean): { store: Record<string, unknown>; status: Record<string, unknown> } {
    const store: Record<string, unknown> = {
      id: s.id, address: s.address, ...(s.state ? { state: s.state } : {}), ...(s.labels.length ? { labels: s.labels } : {}),
      version: s.version, ...(s.peer_address ? { peer_address: s.peer_address } : {}), status_address: s.status_address,
      git_hash: s.git_hash, start_timestamp: s.start_timestamp, deploy_path: s.deploy_path,
      last_heartbeat: s.lastHeartbeatMs * 1_000_000, state_name: this.stateName(s),
    };
    const startMs = s.start_timestamp * 1000;
    const status: Record<string, unknown> = {
      capacity: s.capacity, available: s.available, used_size: s.used_size,
      leader_count: s.leader_count, leader_weight: 1, leader_score: s.leader_count, leader_size: s.leader_count * 100,
      region_count: s.region_count, region_weight: 1, region_score: s.region_size, region_size: s.region_size,
      start_ts: new Date(startMs).toISOString().replace('.000Z', 'Z'), last_heartbeat_ts: new Date(s.lastHeartbeatMs).toISOString(),
      uptime: goDuration(Math.max(0, s.lastHeartbeatMs - startMs)),
    };
    if (omitZero) for (const k of Object.keys(status)) if (status[k] === 0) delete status[k];
    return { store, status };
  }
}

function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

function fromRaw(store: Record<string, unknown>, status: Record<string, unknown>, now: number): SimStore {
  const n = (v: unknown, d = 0) => (typeof v === 'number' ? v : d);
  const t = (v: unknown, d = '') => (typeof v === 'string' ? v : d);
  const state = n(store.state) as 0 | 1 | 2;
  return {
    id: n(store.id), address: t(store.address), state,
    labels: Array.isArray(store.labels) ? (store.labels as RawLabel[]) : [],
    version: t(store.version, '4.0.9'), peer_address: t(store.peer_address) || undefined, status_address: t(store.status_address),
    git_hash: t(store.git_hash), start_timestamp: n(store.start_timestamp, Math.floor(now / 1000) - 3600), deploy_path: t(store.deploy_path),
    lastHeartbeatMs: now, heartbeating: state !== 2,
    capacity: t(status.capacity, '1TiB'), available: t(status.available, '1TiB'), used_size: t(status.used_size, '0B'),
    leader_count: n(status.leader_count), region_count: n(status.region_count), region_size: n(status.region_size),
  };
}
