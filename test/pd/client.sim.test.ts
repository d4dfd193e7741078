// The undici client against the PD simulator: real HTTP on 127.0.0.1.

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { PdClient } from '../../src/core/pd/client';
import { parseStoreId, type StoreId } from '../../src/core/pd/types';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { demoCluster } from '../support/pdFixtures';

/** The demo cluster with TiFlash store 54 already Offline (1183 regions to move) and one placement rule of count 1. */
function offlineCluster(overrides: Partial<ClusterFile> = {}): ClusterFile {
  const c = demoCluster();
  c.stores.find((s) => s.store.id === 54)!.store.state = 1;
  return { ...c, rules: [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 1 }], ...overrides };
}

const id = (text: string): StoreId => parseStoreId(text)!;

/** A port on which nothing listens: bind, note it, close. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('PD client against the simulator', () => {
  let sim: PdSim;
  let client: PdClient;
  before(async () => {
    sim = await startPdSim({ cluster: offlineCluster({ regionsPerTick: 600 }), tickMs: 3_600_000 });
    client = new PdClient({ endpoints: [sim.url], timeoutMs: 1000 });
  });
  after(async () => {
    client.dispose();
    await sim.close();
  });
  const control = (path: string) => fetch(`${sim.url}/sim/${path}`, { method: 'POST' });

  it('lists every state with ?state=0&state=1&state=2, and only Up+Offline by default', async () => {
    const all = await client.stores();
    assert.ok(all.ok);
    // PD lists stores in Go map order: a different order on every request
    assert.deepEqual(all.value.map((s) => s.id).sort(), ['1', '4', '5', '53', '54', '55', '61']);
    await control('tick?count=2');
    const def = await client.defaultStores();
    const full = await client.stores();
    assert.ok(def.ok && full.ok);
    assert.equal(def.value.some((s) => s.id === '54'), false, 'a Tombstone store disappears from the default list');
    assert.equal(full.value.find((s) => s.id === '54')?.stateName, 'Tombstone');
  });

  it('follows PD status codes: delete Up -> Offline, 410 for Tombstone, 404 and 500 for unknown ids', async () => {
    assert.deepEqual(await client.deleteStore(id('53')), { ok: true, value: undefined });
    assert.deepEqual(await client.deleteStore(id('53')), { ok: true, value: undefined }, 'deleting an Offline store again is a no-op');
    const s = await client.store(id('53'));
    assert.ok(s.ok && s.value.stateName === 'Offline');
    const gone = await client.deleteStore(id('54'));
    assert.ok(!gone.ok && gone.error.status === 410 && /has been removed/.test(gone.error.message));
    const unknown = await client.deleteStore(id('99'));
    assert.ok(!unknown.ok && unknown.error.status === 404);
    const missing = await client.store(id('99'));
    assert.ok(!missing.ok && missing.error.status === 500 && /store 99 not found/.test(missing.error.message));
  });

  it('reads placement rules and the version, and removes tombstones', async () => {
    const rules = await client.tiflashRules();
    assert.ok(rules.ok && rules.value[0].count === 1);
    const v = await client.version();
    assert.ok(v.ok && v.value === 'v4.0.9');
    assert.ok((await client.removeTombstones()).ok);
    const all = await client.stores();
    assert.ok(all.ok && !all.value.some((s) => s.state === 'Tombstone'));
  });

  it('turns a 500 and a malformed body into error values', async () => {
    await control('fail-next?status=500&body=boom');
    const r = await client.stores();
    assert.ok(!r.ok && r.error.kind === 'http' && r.error.status === 500);
    await control('malformed-next');
    const m = await client.stores();
    assert.ok(!m.ok && m.error.kind === 'decode');
    assert.ok((await client.stores()).ok, 'the next request works again');
  });

  it('times out a slow PD', async () => {
    await control('delay?ms=1500');
    const started = Date.now();
    const r = await client.stores();
    assert.ok(!r.ok && r.error.kind === 'unreachable' && /1000 ms/.test(r.error.message));
    assert.ok(Date.now() - started < 1400);
    await control('delay?ms=0');
  });

  it('reports a PD that went down, and recovers when it is back', async () => {
    await control('down');
    const r = await client.stores();
    assert.ok(!r.ok && r.error.kind === 'unreachable');
    await control('up');
    assert.ok((await client.stores()).ok);
  });

  it('tries the next endpoint when one of three is dead, and remembers the one that answered', async () => {
    const dead1 = await deadPort();
    const dead2 = await deadPort();
    const logs: string[] = [];
    const c = new PdClient({ endpoints: [`127.0.0.1:${dead1}`, sim.url, `http://127.0.0.1:${dead2}`], timeoutMs: 1000, log: (l) => logs.push(l) });
    try {
      assert.ok((await c.stores()).ok);
      assert.equal(c.endpoint, sim.url);
      logs.length = 0;
      assert.ok((await c.stores()).ok);
      assert.equal(logs.length, 1, 'the second request goes straight to the live endpoint');
    } finally {
      c.dispose();
    }
  });

  it('aborts requests under way on dispose', async () => {
    await control('delay?ms=800');
    const c = new PdClient({ endpoints: [sim.url], timeoutMs: 5000 });
    const pending = c.stores();
    setTimeout(() => c.dispose(), 50);
    const r = await pending;
    assert.ok(!r.ok && r.error.kind === 'aborted');
    await control('delay?ms=0');
  });
});

describe('PD simulator behaviour', () => {
  it('keeps a TiFlash store Offline while the placement rules need it, and flags silent stores', async () => {
    const sim = await startPdSim({ cluster: offlineCluster({ rules: [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 3 }] }), tickMs: 3_600_000 });
    try {
      sim.cluster.tick();
      assert.equal(sim.cluster.find(54)!.state, 1, 'stuck: only two other TiFlash stores for three replicas');
      const s1 = sim.cluster.find(1)!;
      s1.heartbeating = false;
      s1.lastHeartbeatMs = Date.now() - 60_000;
      assert.equal(sim.cluster.stateName(s1), 'Disconnected');
      s1.lastHeartbeatMs = Date.now() - 3_600_000;
      assert.equal(sim.cluster.stateName(s1), 'Down');
      const bad = await fetch(`${sim.url}/pd/api/v1/stores?state=7`);
      assert.equal(bad.status, 500);
    } finally {
      await sim.close();
    }
  });
});
