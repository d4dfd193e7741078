// PD's store endpoints per version (server/api/store.go and server/cluster.go at v3.1.2 / v4.0.16).

import { type Answer, type JsonObject, atoi, errcode, parseBool, parseUint64, pdJson, readJsonObject } from './answers';
import type { Cluster, SimStore, StoreStateCode } from './cluster';
import { type GoValue, u64 } from './goJson';
import type { LimitKind } from './limits';
import { PROFILE_FACTS } from './profile';
import { renderStore, renderStores } from './render';
import { type Outcome, type Request, type Route, route } from './router';

export interface PdContext {
  cluster: Cluster;
  /** The order PD lists stores in: Go map iteration, different on every request. */
  order: <T>(items: T[]) => T[];
  /** PD's time zone, minutes east of UTC. */
  tzMinutes: number;
  /** Extra made-up stores for GET /stores (the body-size fault). */
  padding: () => SimStore[];
}

const P = '/pd/api/v1';
const STATE_CODES: Record<string, StoreStateCode> = { Up: 0, Offline: 1, Tombstone: 2 };

/** A `{id}` path variable: Go's ParseUint, answered 400 errcode "input" when it fails (both versions). */
function withStoreId(handle: (id: string, req: Request) => Outcome): Route['handle'] {
  return (req, [raw]) => {
    const id = parseUint64(raw);
    return id.ok ? handle(id.value, req) : errcode('input', id.error, {});
  };
}

/** `?state=` values: strconv.Atoi, then metapb.StoreState (an int32) must be Up, Offline or Tombstone. */
function stateFilter(url: URL): { ok: true; states: number[] } | { ok: false; error: string } {
  if (!url.searchParams.has('state')) return { ok: true, states: [0, 1] };
  const states: number[] = [];
  for (const text of url.searchParams.getAll('state')) {
    const n = atoi(text);
    if (!n.ok) return { ok: false, error: n.error };
    const code = Number(BigInt.asIntN(32, n.value));
    if (code < 0 || code > 2) return { ok: false, error: `unknown StoreState: ${code}` };
    states.push(code);
  }
  return { ok: true, states };
}

export function storeRoutes(ctx: PdContext): Route[] {
  const c = ctx.cluster;
  const v40 = c.profile === '4.0';
  const [addName, removeName] = PROFILE_FACTS[c.profile].limitTypes;
  const notFoundText = (id: string) => (v40 ? `[PD:core:ErrStoreNotFound]store ${id} not found` : `store ${id} not found`);

  const listStores = (req: Request): Answer => {
    const f = stateFilter(req.url);
    if (!f.ok) return pdJson(500, f.error);
    return pdJson(200, renderStores(c, ctx.order([...c.stores.filter((s) => f.states.includes(s.state)), ...ctx.padding()]), ctx.tzMinutes));
  };

  const getStore = withStoreId((id) => {
    const s = c.find(id);
    // 3.1 renders the error value itself, whose fields are unexported: {}
    if (!s) return pdJson(500, v40 ? `store ${id} not found` : {});
    return pdJson(200, renderStore(c, s, ctx.tzMinutes));
  });

  const deleteStore = withStoreId((id, req) => {
    if (req.url.searchParams.has('force')) {
      if (c.forceBury(id) === 'ok') return pdJson(200, null);
      return v40 ? pdJson(404, notFoundText(id)) : errcode('missing', `store ${id} not found`, {});
    }
    const result = c.removeStore(id);
    if (result === 'ok') return pdJson(200, null);
    if (result === 'not-found') return v40 ? pdJson(404, notFoundText(id)) : errcode('missing', `store.remove: store ${id} not found`, {}, 'store.remove');
    return v40
      ? pdJson(410, `[PD:core:ErrStoreTombstone]store ${id} has been removed`)
      : errcode('state.store.tombstoned', `store.remove: The store ${id.padStart(20, '0')} has been removed`, { storeId: u64(id) }, 'store.remove');
  });

  const setState = withStoreId((id, req) => {
    const state = STATE_CODES[req.url.searchParams.get('state') ?? ''];
    if (state === undefined) return pdJson(400, 'invalid state');
    return c.setState(id, state) === 'ok' ? pdJson(200, null) : pdJson(500, notFoundText(id));
  });

  /** The "type" of a limit request: 4.0 without one means both kinds; 3.1 means region-add. */
  const limitKinds = (input: JsonObject): { ok: true; kinds: LimitKind[] } | { ok: false; error: string } => {
    if (!('type' in input)) return { ok: true, kinds: v40 ? ['add', 'remove'] : ['add'] };
    if (typeof input.type !== 'string') return { ok: false, error: 'bad format type' };
    if (input.type === '' || input.type === addName) return { ok: true, kinds: ['add'] };
    return input.type === removeName ? { ok: true, kinds: ['remove'] } : { ok: false, error: 'unknown type' };
  };

  /** Reads `{"rate": n, "type": …}`; 4.0 wants rate > 0, 3.1 rate >= 0. */
  const limitInput = (req: Request): { ok: true; rate: number; kinds: LimitKind[]; input: JsonObject } | { ok: false; answer: Answer } => {
    const body = readJsonObject(req.body);
    if (!body.ok) return body;
    const rate = body.value.rate;
    if (rate === undefined) return { ok: false, answer: pdJson(400, 'rate unset') };
    if (typeof rate !== 'number' || (v40 ? rate <= 0 : rate < 0))
      return { ok: false, answer: pdJson(400, v40 ? 'invalid rate which should be larger than 0' : 'badformat rate') };
    const kinds = limitKinds(body.value);
    if (!kinds.ok) return { ok: false, answer: pdJson(400, kinds.error) };
    if (v40 && req.url.searchParams.has('ttlSecond')) {
      const ttl = atoi(req.url.searchParams.get('ttlSecond') ?? '');
      if (!ttl.ok) return { ok: false, answer: pdJson(400, ttl.error) };
    }
    return { ok: true, rate, kinds: kinds.kinds, input: body.value };
  };

  const setLimit = withStoreId((id, req) => {
    if (v40 && !c.find(id)) return pdJson(500, `store ${id} not found`); // 3.1 does not look the store up
    const input = limitInput(req);
    if (!input.ok) return input.answer;
    for (const kind of input.kinds) c.limits.set(id, kind, input.rate);
    return pdJson(200, null);
  });

  const setAllLimits = (req: Request): Answer => {
    const input = limitInput(req);
    if (!input.ok) return input.answer;
    // 4.0 with "labels" only validates them; 3.1 sets every store it knows, Tombstone included
    if (v40 && 'labels' in input.input) return pdJson(200, null);
    const ids = v40 ? c.limits.ids() : c.stores.map((s) => s.id);
    for (const kind of input.kinds) for (const id of ids) c.limits.set(id, kind, input.rate);
    return pdJson(200, null);
  };

  const getAllLimits = (req: Request): Outcome => {
    const limits: Record<string, GoValue> = {};
    const ids = c.limits.ids().sort(); // encoding/json sorts map keys as strings
    if (v40) {
      const text = req.url.searchParams.get('include_tombstone') ?? '';
      const include = text ? parseBool(text) : { ok: true as const, value: false };
      if (!include.ok) return pdJson(400, include.error);
      for (const id of ids) {
        const s = c.find(id);
        if (!include.value && (!s || s.state === 2)) continue;
        limits[id] = { 'add-peer': c.limits.rate(id, 'add'), 'remove-peer': c.limits.rate(id, 'remove') };
      }
      return pdJson(200, limits);
    }
    const type = req.url.searchParams.get('type') ?? '';
    const kind = limitKinds(type ? { type } : {});
    if (!kind.ok) return pdJson(400, kind.error);
    for (const id of ids) {
      const s = c.find(id);
      if (!s) return 'drop'; // 3.1 calls IsTombstone on a nil store for a limit set on an unknown id: a panic
      if (s.state === 2) continue;
      // kept per second, shown per minute: PD's own float round trip
      limits[id] = { rate: (c.limits.rate(id, kind.kinds[0]) / 60) * 60, mode: c.limits.isManual(id, kind.kinds[0]) ? 'manual' : 'auto' };
    }
    return pdJson(200, limits);
  };

  return [
    route('GET', `${P}/stores`, listStores),
    route('DELETE', `${P}/stores/remove-tombstone`, () => {
      c.removeTombstones();
      return pdJson(200, null);
    }),
    route('GET', `${P}/stores/limit`, getAllLimits),
    route('POST', `${P}/stores/limit`, setAllLimits),
    route('GET', `${P}/store/{id}`, getStore),
    route('DELETE', `${P}/store/{id}`, deleteStore),
    route('POST', `${P}/store/{id}/state`, setState),
    route('POST', `${P}/store/{id}/limit`, setLimit),
  ];
}
