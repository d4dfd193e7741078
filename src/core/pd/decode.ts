// Turns PD's JSON into the typed model. Unknown fields are ignored; a malformed body is an
// error value, never an exception.

import { parseStoreId, type Decoded, type PlacementRule, type Store, type StoreState } from './types';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function decodeStore(v: unknown): Decoded<Store> {
  const wrapper = obj(v);
  const s = obj(wrapper?.store);
  if (!s) return { ok: false, error: 'store entry has no "store" object' };
  const rawId = typeof s.id === 'number' && Number.isSafeInteger(s.id) ? String(s.id) : str(s.id);
  const id = rawId === undefined ? undefined : parseStoreId(rawId);
  const address = str(s.address);
  if (id === undefined || address === undefined) return { ok: false, error: 'store entry lacks a valid id or address' };
  const rawState = s.state === undefined ? 0 : num(s.state); // Up is omitted
  if (rawState !== 0 && rawState !== 1 && rawState !== 2) return { ok: false, error: `store ${id} has unknown state ${String(s.state)}` };
  const stateName = str(s.state_name);
  const status = obj(wrapper?.status) ?? {};
  const labels: Record<string, string> = {};
  if (Array.isArray(s.labels)) {
    for (const l of s.labels) {
      const key = str(obj(l)?.key);
      const value = str(obj(l)?.value);
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
  }
  return {
    ok: true,
    value: {
      id, address, labels,
      state: reconcileState(rawState, stateName),
      stateName: stateName ?? reconcileState(rawState, undefined),
      version: str(s.version),
      peerAddress: str(s.peer_address),
      statusAddress: str(s.status_address),
      deployPath: str(s.deploy_path),
      nodeState: num(s.node_state) ?? (s.node_state === undefined ? undefined : 0),
      physicallyDestroyed: s.physically_destroyed === true ? true : undefined,
      // PD v3.1 omits zero fields
      regionCount: num(status.region_count) ?? 0,
      leaderCount: num(status.leader_count) ?? 0,
      capacity: str(status.capacity),
      available: str(status.available),
      usedSize: str(status.used_size),
      startTs: str(status.start_ts),
      lastHeartbeatTs: str(status.last_heartbeat_ts),
      uptime: str(status.uptime),
    },
  };
}

/** The numeric state and the name agree on PD; where they do not, the later stage of a store's life wins. */
function reconcileState(code: 0 | 1 | 2, name: string | undefined): StoreState {
  if (code === 2 || name === 'Tombstone') return 'Tombstone';
  if (code === 1 || name === 'Offline') return 'Offline';
  return name === 'Disconnected' || name === 'Down' ? name : 'Up';
}

export function decodeStores(v: unknown): Decoded<Store[]> {
  const body = obj(v);
  if (!body) return { ok: false, error: 'stores response is not a JSON object' };
  if (body.stores === undefined || body.stores === null) return { ok: true, value: [] }; // an empty cluster omits the list
  if (!Array.isArray(body.stores)) return { ok: false, error: '"stores" is not a list' };
  const out: Store[] = [];
  for (const entry of body.stores) {
    const d = decodeStore(entry);
    if (!d.ok) return d;
    out.push(d.value);
  }
  return { ok: true, value: out };
}

export function decodeRules(v: unknown): Decoded<PlacementRule[]> {
  if (v === null) return { ok: true, value: [] }; // no rules in the group
  if (!Array.isArray(v)) return { ok: false, error: 'placement rules response is not a list' };
  const out: PlacementRule[] = [];
  for (const r of v) {
    const o = obj(r);
    const count = num(o?.count);
    if (!o || count === undefined) return { ok: false, error: 'placement rule lacks count' };
    out.push({
      groupId: str(o.group_id) ?? '',
      id: str(o.id) ?? '',
      role: str(o.role) ?? '',
      count,
      labelConstraints: Array.isArray(o.label_constraints)
        ? o.label_constraints.map((c) => ({ key: str(obj(c)?.key) ?? '', op: str(obj(c)?.op) ?? '', values: (obj(c)?.values as string[] | undefined) ?? [] }))
        : [],
    });
  }
  return { ok: true, value: out };
}

/** Parses a body, catching JSON errors into an error value. */
export function parseJson(text: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, error: `PD answered with something that is not JSON: ${text.slice(0, 80)}` };
  }
}
