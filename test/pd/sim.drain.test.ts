// The simulator's cluster over time: PD's background job, when regions can leave a store, stores
// registering, leader changes and uint64 ids. Time moves only when a test ticks it.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cluster, type ClusterFile, type StoreEntry } from '../../tools/pd-sim/cluster';
import { startPdSim } from '../../tools/pd-sim/server';
import { call, clusterFile, demoCluster, withPdSim } from '../support/pdFixtures';

type Obj = Record<string, unknown>;
const P = '/pd/api/v1';
const ticks = (sim: { cluster: { tick(): void } }, n: number) => {
  for (let i = 0; i < n; i++) sim.cluster.tick();
};
const tiflashEntry = (id: number | string, address: string): StoreEntry => ({
  store: { id, address, labels: [{ key: 'engine', value: 'tiflash' }], version: 'v4.0.16' },
  status: { capacity: '3.491TiB', available: '3.395TiB' },
});
/** The demo cluster with TiFlash placement rules needing `count` stores. */
const withRuleCount = (count: number): ClusterFile => {
  const c = demoCluster();
  c.rules = c.rules!.map((r) => (r.group_id === 'tiflash' ? { ...r, count } : r));
  return c;
};

describe('PD simulator over time', () => {
  it("buries an empty Offline store only when PD's background job runs (every 10 s of ticks)", async () => {
    const c = { ...demoCluster(), regionsPerTick: 5000 };
    // one tick an hour, the job every ten ticks: the test moves time itself
    await withPdSim({ cluster: c, tickMs: 3_600_000, storeCheckMs: 36_000_000 }, async (sim) => {
      assert.equal(sim.cluster.checkEveryTicks, 10);
      assert.equal((await call(sim, 'DELETE', `${P}/store/53`)).status, 200);
      ticks(sim, 1);
      assert.equal(sim.cluster.find(53)!.region_count, 0);
      ticks(sim, 8);
      assert.equal(sim.cluster.find(53)!.state, 1, 'no region left, yet Offline until the job runs');
      ticks(sim, 1);
      assert.equal(sim.cluster.find(53)!.state, 2);
      assert.ok(sim.cluster.find(53)!.tombstoneAt);
    });
    for (const [tickMs, every] of [
      [undefined, 10],
      [200, 10],
      [3_600_000, 1],
    ] as const) {
      const sim = await startPdSim({ cluster: demoCluster(), tickMs });
      try {
        assert.equal(sim.cluster.checkEveryTicks, every, `ticks of ${tickMs ?? 'the default 1000'} ms`);
      } finally {
        await sim.close();
      }
    }
  });

  it('hands regions to other Up TiFlash stores only while there are as many as the placement rules need', () =>
    withPdSim({ cluster: { ...withRuleCount(2), regionsPerTick: 100 } }, async (sim) => {
      const total = () => [53, 54, 55].reduce((n, id) => n + sim.cluster.find(id)!.region_count, 0);
      const before = total();
      await call(sim, 'DELETE', `${P}/store/54`);
      ticks(sim, 1);
      assert.equal(sim.cluster.find(54)!.region_count, 1083, 'two other TiFlash stores for two replicas: it drains');
      assert.equal(total(), before, 'the regions moved to the other TiFlash stores');
      assert.equal(sim.cluster.find(1)!.region_count, 3917, 'not to TiKV');
      await call(sim, 'DELETE', `${P}/store/55`);
      ticks(sim, 3);
      assert.equal(sim.cluster.find(54)!.region_count, 1083, 'one Up TiFlash store left for two replicas: stuck');
      const reg = await call(sim, 'POST', '/sim/register', tiflashEntry(62, '192.168.0.20:3930'));
      assert.deepEqual([reg.status, reg.json()], [200, { id: '62' }]);
      ticks(sim, 1);
      assert.equal(sim.cluster.find(54)!.region_count, 983, 'a new TiFlash store unblocks it');
    }));

  it('moves no region to a store short of space (low-space-ratio 0.8), and none while a 3.1 remove limit is 0', async () => {
    await withPdSim({ cluster: { ...withRuleCount(2), regionsPerTick: 100 } }, async (sim) => {
      await call(sim, 'DELETE', `${P}/store/54`);
      assert.equal((await call(sim, 'POST', '/sim/space?store=55&available=600GiB&capacity=3.491TiB')).status, 200);
      ticks(sim, 2);
      assert.equal(sim.cluster.find(54)!.region_count, 1183, '600GiB of 3.491TiB is under 20 %: store 55 takes nothing, store 53 alone is too few');
      await call(sim, 'POST', `${P}/config/schedule`, { 'low-space-ratio': 0.9 });
      ticks(sim, 1);
      assert.equal(sim.cluster.find(54)!.region_count, 1083, 'with low-space-ratio 0.9 it has room again');
    });
    const c31 = clusterFile('demo-3.1');
    await withPdSim({ cluster: { ...c31, regionsPerTick: 100 }, profile: '3.1' }, async (sim) => {
      await call(sim, 'POST', `${P}/store/53/limit`, { rate: 0, type: 'region-remove' });
      await call(sim, 'DELETE', `${P}/store/53`);
      ticks(sim, 2);
      assert.equal(sim.cluster.find(53)!.region_count, 1204, 'stuck on its region-remove limit');
      await call(sim, 'POST', `${P}/store/53/limit`, { rate: 15, type: 'region-remove' });
      ticks(sim, 1);
      assert.equal(sim.cluster.find(53)!.region_count, 1104);
    });
  });

  it('keeps a TiKV store Offline while fewer than max-replicas other TiKV stores are Up', () =>
    withPdSim({ cluster: { ...demoCluster(), regionsPerTick: 1000 } }, async (sim) => {
      await call(sim, 'DELETE', `${P}/store/1`);
      ticks(sim, 2);
      assert.equal(sim.cluster.find(1)!.region_count, 3917, 'two TiKV stores remain for three replicas');
    }));

  it('lets the regions of a forced Tombstone go over time, and 4.0 removes it only once they are gone', () =>
    withPdSim({ cluster: { ...withRuleCount(1), regionsPerTick: 600 } }, async (sim) => {
      await call(sim, 'POST', `${P}/store/54/state?state=Tombstone`);
      await call(sim, 'DELETE', `${P}/stores/remove-tombstone`);
      assert.ok(sim.cluster.find(54), 'skipped: it still holds regions');
      ticks(sim, 2);
      assert.equal(sim.cluster.find(54)!.region_count, 0, 'PD replaces peers on a store that is not Up');
      await call(sim, 'DELETE', `${P}/stores/remove-tombstone`);
      assert.equal(sim.cluster.find(54), undefined);
    }));

  it('refuses a TiFlash store while placement rules are off, and a second live store on one address', () =>
    withPdSim({ cluster: clusterFile('no-placement-rules') }, async (sim) => {
      const refused = await call(sim, 'POST', '/sim/register', tiflashEntry(70, '192.168.0.11:3930'));
      assert.deepEqual([refused.status, refused.json()], [409, { code: 'FailedPrecondition', error: 'placement rules is disabled' }]);
      assert.equal(sim.cluster.find(70), undefined);
      await call(sim, 'POST', `${P}/config/replicate`, { 'enable-placement-rules': 'true' });
      assert.equal((await call(sim, 'POST', '/sim/register', tiflashEntry(70, '192.168.0.11:3930'))).status, 200);
      const twice = await call(sim, 'POST', '/sim/register', tiflashEntry(71, '192.168.0.11:3930'));
      assert.equal(twice.status, 409);
      assert.match(String((twice.json() as Obj).error), /^duplicated store address/);
      await call(sim, 'DELETE', `${P}/store/70`);
      assert.equal((await call(sim, 'POST', '/sim/register', tiflashEntry(71, '192.168.0.11:3930'))).status, 409, 'an Offline store still holds the address');
      await call(sim, 'DELETE', `${P}/store/70?force`);
      assert.equal((await call(sim, 'POST', '/sim/register', tiflashEntry(71, '192.168.0.11:3930'))).status, 200, 'a Tombstone store does not');
      const back = await call(sim, 'POST', '/sim/register', tiflashEntry(70, '192.168.0.12:3930'));
      assert.deepEqual(back.json(), { code: 'STORE_TOMBSTONE', error: 'store is tombstone' });
      assert.equal(
        (await call(sim, 'POST', `${P}/config/replicate`, { 'enable-placement-rules': 'false' })).status,
        500,
        'nor can they be turned off with TiFlash stores',
      );
    }));

  it('keeps a heartbeating store Up however long a tick is (heartbeats every 10 s), and a silent one goes Disconnected, then Down', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const c = new Cluster(demoCluster(), { profile: '4.0', now: () => now });
    now += 3_600_000; // an hour without a tick
    const s = c.find(53)!;
    assert.equal(c.stateName(s), 'Up');
    assert.ok(now - c.heartbeatMs(s)! < 10_000, 'its last heartbeat is less than 10 s old');
    s.lastHeartbeatMs = c.heartbeatMs(s);
    s.heartbeating = false;
    now += 21_000;
    assert.equal(c.stateName(s), 'Disconnected');
    now += 30 * 60_000;
    assert.equal(c.stateName(s), 'Down');
  });

  it('shows every Up store as Down after a 3.1 leader change until it heartbeats; 4.0 reads an older heartbeat', async () => {
    await withPdSim({ cluster: clusterFile('demo-3.1'), profile: '3.1' }, async (sim) => {
      await call(sim, 'POST', '/sim/leader-change');
      const s = (await call(sim, 'GET', `${P}/store/1`)).json() as { store: Obj; status: Obj };
      assert.equal(s.store.state_name, 'Down');
      assert.equal('last_heartbeat_ts' in s.status, false);
      ticks(sim, 1);
      assert.equal(((await call(sim, 'GET', `${P}/store/1`)).json() as { store: Obj }).store.state_name, 'Up');
    });
    await withPdSim({ cluster: demoCluster() }, async (sim) => {
      await call(sim, 'POST', '/sim/leader-change?persistedAgeMs=60000');
      assert.equal(((await call(sim, 'GET', `${P}/store/1`)).json() as { store: Obj }).store.state_name, 'Disconnected');
    });
  });

  it('keeps store ids beyond 2^53 exact: written as numbers, found, and refused when a file rounds them', async () => {
    const big = '18446744073709551615';
    const c = demoCluster();
    c.stores.push(tiflashEntry(big, '192.168.0.30:3930'));
    await withPdSim({ cluster: c }, async (sim) => {
      assert.match((await call(sim, 'GET', `${P}/stores`)).text, new RegExp(`"id": ${big},`));
      const one = await call(sim, 'GET', `${P}/store/${big}`);
      assert.equal(one.status, 200);
      assert.match(one.text, new RegExp(`^\\{\\n  "store": \\{\\n    "id": ${big},`));
      assert.equal((await call(sim, 'DELETE', `${P}/store/${big}`)).status, 200);
      assert.equal(sim.cluster.find(big)!.state, 1);
      assert.equal(sim.cluster.find('018446744073709551615'), sim.cluster.find(big), 'PD parses leading zeros away');
      const over = await call(sim, 'GET', `${P}/store/18446744073709551616`);
      assert.deepEqual([over.status, (over.json() as Obj).msg], [400, 'strconv.ParseUint: parsing "18446744073709551616": value out of range']);
      const regions = await call(sim, 'GET', `${P}/regions/store/${big}`);
      assert.deepEqual([regions.status, regions.json()], [400, `strconv.Atoi: parsing "${big}": value out of range`], 'this endpoint reads ids as int64');
    });
    const rounded = demoCluster();
    rounded.stores.push(tiflashEntry(2 ** 53 + 2, '192.168.0.31:3930'));
    await assert.rejects(startPdSim({ cluster: rounded }), /write ids beyond 2\^53 as decimal strings/);
  });
});
