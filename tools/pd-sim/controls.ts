// /sim/* controls: faults, time and cluster changes for tests and the demo (any method; query
// parameters as below, bodies where noted). They answer even while PD is "down" or a "follower".

import { type Answer, readJsonObject } from './answers';
import type { StoreEntry } from './cluster';
import { parseSize } from './goFormat';
import type { Request } from './router';
import type { PdSim } from './server';

const reply = (status: number, value: unknown): Answer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
const ok = (): Answer => reply(200, 'ok');

/** Every control, for the help text and the 404 answer. */
export const CONTROLS: Record<string, string> = {
  '/sim/state': 'the cluster as the simulator holds it',
  '/sim/requests': 'the request log (DELETE clears it)',
  '/sim/reset-faults': 'every fault off',
  '/sim/fail-next': '?status=500&body=text&count=1: answers with a JSON string',
  '/sim/next-body': '?status=200&count=1&content-type=…: the request body is the exact answer',
  '/sim/malformed-next': '?count=1: cut-off JSON',
  '/sim/delay': '?ms=N: every answer waits',
  '/sim/down': 'reset every PD connection until /sim/up',
  '/sim/up': 'answer again',
  '/sim/follower': '?answer=no-leader|not-leader|off: 503 "no leader" / 500 "redirect to not leader"',
  '/sim/big-body': '?mb=N: store lists padded to N MB (0: off)',
  '/sim/drain': '?regionsPerTick=N',
  '/sim/tick': '?count=N: move time on N ticks',
  '/sim/check-stores': "run PD's background job now (bury empty Offline stores)",
  '/sim/heartbeat': '?store=ID&on=false&silentMs=N',
  '/sim/space': '?store=ID&available=10GiB&capacity=1TiB',
  '/sim/register': 'body {"store":{…},"status":{…}}: a store starts and registers (gRPC PutStore)',
  '/sim/leader-change': '?persistedAgeMs=60000: a new PD leader (3.1 forgets heartbeats, 4.0 reads persisted ones)',
};

export function simControls(sim: PdSim, req: Request, dropOthers: () => void): Answer {
  const q = req.url.searchParams;
  const num = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
  const c = sim.cluster;
  const store = () => c.find(q.get('store') ?? '');
  switch (req.url.pathname) {
    case '/sim/state':
      return reply(200, {
        profile: sim.profile,
        version: c.version,
        replicate: c.replicate,
        rules: c.rules,
        faults: sim.faults,
        stores: c.stores.map((s) => ({
          id: s.id,
          address: s.address,
          state: s.state,
          stateName: c.stateName(s),
          regionCount: s.region_count,
          removePeerLimit: c.limits.rate(s.id, 'remove'),
        })),
      });
    case '/sim/requests':
      if (req.method === 'DELETE') sim.requests.length = 0;
      return reply(200, sim.requests);
    case '/sim/reset-faults':
      sim.resetFaults();
      return ok();
    case '/sim/fail-next':
      sim.faults.failNext = { status: num('status', 500), body: q.get('body') ?? 'simulated failure', count: num('count', 1) };
      return ok();
    case '/sim/next-body':
      for (let i = num('count', 1); i > 0; i--)
        sim.faults.nextBodies.push({ status: num('status', 200), body: req.body, contentType: q.get('content-type') ?? 'application/json; charset=UTF-8' });
      return ok();
    case '/sim/malformed-next':
      sim.faults.malformedNext = num('count', 1);
      return ok();
    case '/sim/delay':
      sim.faults.delayMs = num('ms', 0);
      return ok();
    case '/sim/down':
      sim.faults.down = true;
      dropOthers(); // kept-alive connections end now; new requests on any connection are reset
      return ok();
    case '/sim/up':
      sim.faults.down = false;
      return ok();
    case '/sim/follower': {
      const answer = q.get('answer');
      if (answer !== 'no-leader' && answer !== 'not-leader' && answer !== 'off') return reply(400, 'answer must be no-leader, not-leader or off');
      sim.faults.follower = answer === 'off' ? undefined : answer;
      return ok();
    }
    case '/sim/big-body':
      sim.faults.storesPaddingMb = num('mb', 0);
      return ok();
    case '/sim/drain':
      c.regionsPerTick = num('regionsPerTick', c.regionsPerTick);
      return ok();
    case '/sim/tick':
      for (let i = num('count', 1); i > 0; i--) c.tick();
      return ok();
    case '/sim/check-stores':
      c.checkStores();
      return ok();
    case '/sim/heartbeat': {
      const s = store();
      if (!s) return reply(404, 'no such store');
      // silent since its last heartbeat, or for silentMs already
      if (q.get('on') === 'false') s.lastHeartbeatMs = q.has('silentMs') ? Date.now() - num('silentMs', 0) : c.heartbeatMs(s);
      s.heartbeating = q.get('on') !== 'false';
      return ok();
    }
    case '/sim/space': {
      const s = store();
      if (!s) return reply(404, 'no such store');
      const size = (k: string) => (q.has(k) ? parseSize(q.get(k) ?? '') : undefined);
      const [available, capacity] = [size('available'), size('capacity')];
      if ((q.has('available') && available === undefined) || (q.has('capacity') && capacity === undefined)) return reply(400, 'sizes look like 10GiB');
      s.available = available ?? s.available;
      s.capacity = capacity ?? s.capacity;
      return ok();
    }
    case '/sim/register': {
      const body = readJsonObject(req.body);
      if (!body.ok || typeof body.value.store !== 'object' || body.value.store === null) return reply(400, 'body must be {"store":{…},"status":{…}}');
      const r = c.register({ store: body.value.store, status: body.value.status ?? {} } as StoreEntry);
      return r.ok ? reply(200, { id: r.id }) : reply(409, { code: r.code, error: r.message });
    }
    case '/sim/leader-change':
      c.leaderChange(num('persistedAgeMs', 60_000));
      return ok();
    default:
      return reply(404, { error: 'unknown control', controls: CONTROLS });
  }
}
