// The simulator's faults and its request log: what tests use to make PD fail in the ways it really does.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { call, demoCluster, withPdSim } from '../support/pdFixtures';

const P = '/pd/api/v1';

describe('PD simulator faults', () => {
  it('answers as a follower without a leader (503 "no leader") or in a redirect loop (500), in plain text', () =>
    withPdSim({ cluster: demoCluster() }, async (sim) => {
      await call(sim, 'POST', '/sim/follower?answer=no-leader');
      const r = await call(sim, 'GET', `${P}/stores`);
      assert.deepEqual([r.status, r.text, r.headers.get('content-type')], [503, 'no leader\n', 'text/plain; charset=utf-8']);
      await call(sim, 'POST', '/sim/follower?answer=not-leader');
      const loop = await call(sim, 'DELETE', `${P}/store/53`);
      assert.deepEqual([loop.status, loop.text], [500, 'redirect to not leader\n']);
      assert.equal(sim.cluster.find(53)!.state, 0, 'a follower changed nothing');
      await call(sim, 'POST', '/sim/follower?answer=off');
      assert.equal((await call(sim, 'GET', `${P}/stores`)).status, 200);
    }));

  it('sends crafted answers in order, then answers normally again', () =>
    withPdSim({ cluster: demoCluster() }, async (sim) => {
      await call(sim, 'POST', '/sim/next-body?status=200&content-type=text/html', '<html>proxy login</html>');
      await call(sim, 'POST', '/sim/next-body?status=502&count=2', '');
      const first = await call(sim, 'GET', `${P}/stores`);
      assert.deepEqual([first.status, first.text, first.headers.get('content-type')], [200, '<html>proxy login</html>', 'text/html']);
      assert.equal((await call(sim, 'GET', `${P}/version`)).status, 502);
      assert.equal((await call(sim, 'GET', `${P}/version`)).status, 502);
      assert.equal((await call(sim, 'GET', `${P}/version`)).status, 200);
    }));

  it('pads store lists to a size in MB, still valid JSON', () =>
    withPdSim({ cluster: demoCluster() }, async (sim) => {
      await call(sim, 'POST', '/sim/big-body?mb=3');
      const r = await call(sim, 'GET', `${P}/stores?state=0&state=1&state=2`);
      assert.ok(Buffer.byteLength(r.text) >= 3 * 1024 * 1024);
      const body = r.json() as { count: number; stores: unknown[] };
      assert.equal(body.count, body.stores.length);
      sim.resetFaults();
      assert.ok(Buffer.byteLength((await call(sim, 'GET', `${P}/stores`)).text) < 100_000, 'reset: back to the real list');
    }));

  it('clears a delayed answer when it closes (no timer keeps the process alive)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    let pending: Promise<unknown> | undefined;
    await withPdSim({ cluster: demoCluster() }, async (sim) => {
      sim.faults.delayMs = 600_000;
      pending = fetch(`${sim.url}${P}/stores`).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 100)); // the request is in, its answer waiting
      assert.equal(sim.requests.length, 1);
    });
    assert.ok((await pending) instanceof Error, 'the waiting request ends with the server');
    assert.equal(timers(), before);
  });

  it('resets every PD connection while down, kept-alive ones included, and answers again when up', async () => {
    await withPdSim({ cluster: demoCluster() }, async (sim) => {
      // one connection for everything: the PD request after /sim/down reuses the socket that asked for it
      const agent = new Agent({ connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });
      const get = (path: string, method: 'GET' | 'POST' = 'GET') =>
        request(sim.url + path, { method, dispatcher: agent }).then(async (r) => [r.statusCode, await r.body.text()] as const);
      try {
        assert.equal((await get(`${P}/version`))[0], 200);
        const connectionsBefore = sim.connections();
        assert.equal((await get('/sim/down', 'POST'))[0], 200);
        assert.equal(sim.connections(), connectionsBefore, 'the control came over the same kept-alive connection');
        await assert.rejects(get(`${P}/version`));
        await assert.rejects(get(`${P}/stores`));
        assert.equal((await get('/sim/up', 'POST'))[0], 200);
        assert.equal((await get(`${P}/version`))[0], 200);
      } finally {
        await agent.close();
      }
    });
  });

  it('logs each PD request with method, path and query, body and time, and no control request', () =>
    withPdSim({ cluster: demoCluster() }, async (sim) => {
      const start = Date.now();
      await call(sim, 'POST', '/sim/tick');
      await call(sim, 'GET', `${P}/stores?state=0&state=1`);
      await call(sim, 'POST', `${P}/store/54/limit`, { rate: 60, type: 'remove-peer' });
      assert.deepEqual(
        sim.requests.map((r) => [r.method, r.path, r.body]),
        [
          ['GET', `${P}/stores?state=0&state=1`, ''],
          ['POST', `${P}/store/54/limit`, '{"rate":60,"type":"remove-peer"}'],
        ],
      );
      assert.ok(sim.requests.every((r) => r.at >= start && r.at <= Date.now()));
      const logged = (await call(sim, 'GET', '/sim/requests')).json() as unknown[];
      assert.equal(logged.length, 2);
    }));

  it('binds a free port of its own and reports it', async () => {
    await withPdSim({ cluster: demoCluster() }, (a) =>
      withPdSim({ cluster: demoCluster() }, async (b) => {
        assert.notEqual(a.port, b.port);
        for (const s of [a, b]) {
          assert.equal(s.url, `http://127.0.0.1:${s.port}`);
          assert.equal((await call(s, 'GET', `${P}/version`)).status, 200);
        }
      }),
    );
  });

  it('turns every fault off with /sim/reset-faults', () =>
    withPdSim({ cluster: demoCluster() }, async (sim) => {
      await call(sim, 'POST', '/sim/follower?answer=no-leader');
      await call(sim, 'POST', '/sim/fail-next?status=500&count=5');
      await call(sim, 'POST', '/sim/delay?ms=50');
      await call(sim, 'POST', '/sim/reset-faults');
      assert.deepEqual(sim.faults, { failNext: undefined, malformedNext: 0, delayMs: 0, down: false, follower: undefined, nextBodies: [], storesPaddingMb: 0 });
      assert.equal((await call(sim, 'GET', `${P}/stores`)).status, 200);
      assert.equal((await call(sim, 'GET', '/sim/nope')).status, 404);
    }));
});
