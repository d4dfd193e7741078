// PD's JSON for stores, rules and regions, per version. 3.1 marks every status field omitempty; 4.0
// always sends counts, sizes and scores, adds deploy_path / last_heartbeat to the store, and always
// sends last_heartbeat_ts (server/api/store.go at both tags).

import { type Cluster, type SimRule, type SimStore, isTiFlashStore, ruleText } from './cluster';
import { type GoValue, u64 } from './goJson';
import { formatSize, goDuration, rfc3339Nano } from './goFormat';

const MB = 1 << 20;
const MAX_SCORE = 1024 * 1024 * 1024;
const MIN_WEIGHT = 1e-6;

/** `undefined` (left out) where Go's omitempty would drop the value. */
const omitZero = <T>(v: T): T | undefined => (v === 0 || v === '' || v === false ? undefined : v);

/** The heartbeat in ns: ms plus a fixed sub-millisecond part per store, as real heartbeats have. */
function heartbeatNs(s: SimStore, ms: number | undefined): bigint {
  return ms === undefined ? 0n : BigInt(ms) * 1_000_000n + ((BigInt(s.id) * 7919n) % 1_000_000n);
}

/** core.StoreInfo.RegionScore: region size while space is plenty, near maxScore when short of it. */
function regionScore(s: SimStore, highSpaceRatio: number, lowSpaceRatio: number): number {
  const available = s.available / MB;
  const used = s.used_size / MB;
  const capacity = s.capacity / MB;
  const amplification = s.region_size === 0 || used === 0 ? 1 : s.region_size / used;
  const high = (1 - highSpaceRatio) * capacity;
  const low = (1 - lowSpaceRatio) * capacity;
  let score: number;
  if (available >= high) score = s.region_size;
  else if (available <= low) score = MAX_SCORE - available;
  else {
    const [x1, y1] = [(used + available - high) * amplification, (used + available - high) * amplification];
    const [x2, y2] = [(used + available - low) * amplification, MAX_SCORE - low];
    const k = (y2 - y1) / (x2 - x1);
    score = k * s.region_size + (y1 - k * x1);
  }
  return score / Math.max(s.region_weight, MIN_WEIGHT);
}

export function renderStore(c: Cluster, s: SimStore, tzMinutes: number): GoValue {
  const v40 = c.profile === '4.0';
  const heartbeat = c.heartbeatMs(s);
  const hbNs = heartbeatNs(s, heartbeat);
  const startNs = BigInt(s.start_timestamp) * 1_000_000_000n;
  const known = heartbeat !== undefined;
  const store: GoValue = {
    id: u64(s.id),
    address: omitZero(s.address),
    state: omitZero(s.state),
    labels: s.labels.length ? s.labels.map((l) => ({ key: omitZero(l.key), value: omitZero(l.value) })) : undefined,
    version: omitZero(s.version),
    peer_address: omitZero(s.peer_address ?? ''),
    status_address: omitZero(s.status_address),
    git_hash: omitZero(s.git_hash),
    start_timestamp: omitZero(s.start_timestamp),
    deploy_path: v40 ? omitZero(s.deploy_path) : undefined,
    last_heartbeat: v40 && hbNs ? u64(hbNs) : undefined,
    state_name: c.stateName(s),
  };
  const keep = v40 ? <T>(x: T) => x : omitZero;
  const size = (bytes: number) => (v40 || bytes ? formatSize(bytes) : undefined);
  const uptimeNs = hbNs - startNs;
  const status: GoValue = {
    capacity: size(s.capacity),
    available: size(s.available),
    used_size: size(s.used_size),
    leader_count: keep(s.leader_count),
    leader_weight: keep(s.leader_weight),
    leader_score: keep(s.leader_count / Math.max(s.leader_weight, MIN_WEIGHT)),
    leader_size: keep(s.leader_size),
    region_count: keep(s.region_count),
    region_weight: keep(s.region_weight),
    region_score: keep(regionScore(s, c.highSpaceRatio, c.lowSpaceRatio)),
    region_size: keep(s.region_size),
    // PD has statistics only from a store that heartbeated to this leader
    start_ts: known ? rfc3339Nano(startNs, tzMinutes) : undefined,
    last_heartbeat_ts: v40 || known ? rfc3339Nano(hbNs, tzMinutes) : undefined,
    uptime: uptimeNs > 0n ? goDuration(uptimeNs) : undefined,
  };
  return { store, status };
}

export function renderStores(c: Cluster, stores: SimStore[], tzMinutes: number): GoValue {
  return { count: stores.length, stores: stores.map((s) => renderStore(c, s, tzMinutes)) };
}

/** placement.Rule in its field order; unknown keys of a cluster file's rule are not PD's and are dropped. */
export function renderRule(r: SimRule): GoValue {
  return {
    group_id: r.group_id,
    id: r.id,
    index: omitZero(Number(r.index ?? 0)),
    override: omitZero(r.override === true),
    start_key: ruleText(r.start_key),
    end_key: ruleText(r.end_key),
    role: r.role,
    count: r.count,
    label_constraints: Array.isArray(r.label_constraints) && r.label_constraints.length ? (r.label_constraints as GoValue[]) : undefined,
    location_labels: Array.isArray(r.location_labels) && r.location_labels.length ? (r.location_labels as GoValue[]) : undefined,
  };
}

/** placement's compareRule: group, index, id; `null` for none (a nil slice). */
export function renderRules(rules: SimRule[]): GoValue {
  if (!rules.length) return null;
  const key = (r: SimRule): [string, number, string] => [r.group_id, Number(r.index ?? 0), r.id];
  const sorted = [...rules].sort((a, b) => {
    const [ga, ia, da] = key(a);
    const [gb, ib, db] = key(b);
    return ga < gb ? -1 : ga > gb ? 1 : ia - ib || (da < db ? -1 : da > db ? 1 : 0);
  });
  return sorted.map(renderRule);
}

/**
 * The regions a store holds. The simulator keeps counts, not regions, so these are made up from the
 * count: ids, keys and the other peers are illustrative, the shape is PD's RegionInfo.
 */
export function renderRegionsOf(c: Cluster, stores: SimStore[]): GoValue {
  const tikv = c.stores.filter((s) => !isTiFlashStore(s) && s.state !== 2).slice(0, 3);
  const regions: GoValue[] = [];
  for (const s of stores) {
    const learner = isTiFlashStore(s);
    for (let i = 0; i < s.region_count; i++) {
      const regionId = BigInt(s.id) * 1_000_000n + BigInt(i) + 1n;
      const voters = (learner ? tikv : [s, ...tikv.filter((t) => t !== s)].slice(0, 3)).map((t, k) => ({
        id: u64(regionId * 10n + BigInt(k)),
        store_id: u64(t.id),
      }));
      const peers: GoValue[] = learner ? [...voters, { id: u64(regionId * 10n + 9n), store_id: u64(s.id), is_learner: true }] : voters;
      regions.push({
        id: u64(regionId),
        start_key: `7480000000000000FF${i.toString(16).toUpperCase().padStart(4, '0')}5F72`,
        end_key: `7480000000000000FF${(i + 1).toString(16).toUpperCase().padStart(4, '0')}5F72`,
        epoch: { conf_ver: 5, version: 3 },
        peers,
        leader: voters[0],
        written_bytes: 0,
        read_bytes: 0,
        written_keys: 0,
        read_keys: 0,
        approximate_size: s.region_count ? Math.max(1, Math.round(s.region_size / s.region_count)) : 0,
        approximate_keys: 0,
      });
    }
  }
  return { count: regions.length, regions };
}
