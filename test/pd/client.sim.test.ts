// The PD module against the PD simulator in both profiles (PD v3.1.2 and v4.0.16 answers), real HTTP on
// 127.0.0.1, one simulator per test (time moves only when a test ticks it).

import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { render } from '../../src/core/l10n/message';
import { PdApi, type PdApiOptions } from '../../src/core/pd/api';
import type { PdError, PdResult } from '../../src/core/pd/http';
import { matchStores } from '../../src/core/pd/match';
import { checkDrain } from '../../src/core/pd/stuckDrain';
import { TidbStatus } from '../../src/core/pd/tidb';
import { parseStoreId, type StoreId } from '../../src/core/pd/types';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import type { Profile } from '../../tools/pd-sim/profile';
import type { PdSim } from '../../tools/pd-sim/server';
import { startTidbSim } from '../../tools/pd-sim/tidb';
import { makeCerts, type TestCerts } from '../support/certs';
import { call, demoClusterOf, clusterFile, withPdSim } from '../support/pdFixtures';

const id = (text: string): StoreId => parseStoreId(text)!;
const text = (e: PdError) => render(e.message, 'en');
const ok = <T>(r: PdResult<T>): T => {
  assert.ok(r.ok, r.ok ? '' : text(r.error));
  return r.value;
};
const failed = <T>(r: PdResult<T>): PdError => {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
};
const HOSTS = tiflashHosts(parseInventory('[tiflash_servers]\n192.168.0.11\nt12 ansible_host=192.168.0.12\n192.168.0.13\n'));

/** A simulator of `profile` and a PD module on it, both closed afterwards. */
function withApi<T>(profile: Profile, fn: (api: PdApi, sim: PdSim) => Promise<T>, cluster?: ClusterFile, opts: Partial<PdApiOptions> = {}): Promise<T> {
  return withPdSim({ cluster: cluster ?? demoClusterOf(profile), profile }, async (sim) => {
    const api = new PdApi({ endpoints: [sim.url], timeoutMs: 2000, ...opts });
    try {
      return await fn(api, sim);
    } finally {
      api.dispose();
    }
  });
}

const writes = (sim: PdSim) => sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}${r.body ? ` ${r.body}` : ''}`);

/** A port on which nothing listens: bind, note it, close. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

for (const profile of ['3.1', '4.0'] as const) {
  describe(`PD module against the simulator, PD ${profile}`, () => {
    it('reads the version and the complete store list, the same whatever order PD lists stores in', () =>
      withApi(profile, async (api, sim) => {
        const v = ok(await api.version());
        assert.equal(v.series, profile);
        const first = ok(await api.stores());
        assert.deepEqual(first.stores.map((s) => s.id).sort(), ['1', '4', '5', '53', '54', '55', '61']);
        assert.equal(first.stores.find((s) => s.id === '61')?.state, 'Tombstone');
        assert.equal(sim.requests.find((r) => r.path.startsWith('/pd/api/v1/stores'))?.path, '/pd/api/v1/stores?state=0&state=1&state=2');
        const expected = matchStores(HOSTS, { ok: true, value: first });
        assert.deepEqual(
          expected.map((m) => [m.kind, m.store?.id]),
          [
            ['store', '53'],
            ['store', '54'],
            ['absent', undefined],
            ['orphan', '55'],
            ['orphan', '61'],
          ],
        );
        for (let k = 0; k < 5; k++) assert.deepEqual(matchStores(HOSTS, await api.stores()), expected);
      }));

    it('deletes a TiFlash store (counted once it reads Offline), then cancels the scale-in from Offline', () =>
      withApi(profile, async (api, sim) => {
        const del = ok(await api.deleteStore(id('53')));
        assert.equal(del.store.state, 'Offline');
        assert.equal(del.removePeerBefore, profile === '4.0' ? 30 : undefined, 'the 4.0 limit before the delete');
        if (profile === '4.0') assert.equal(ok(await api.storeLimits()).remove.get(id('53')), 100000000, '4.0 raised it');
        const cancel = ok(await api.cancelScaleIn(id('53'), del.removePeerBefore));
        assert.equal(cancel.store.state, 'Up');
        assert.equal(sim.cluster.find(53)!.state, 0);
        if (profile === '4.0') {
          assert.ok(cancel.limitRestore?.ok);
          assert.equal(ok(await api.storeLimits()).remove.get(id('53')), 30, 'restored');
        }
        assert.deepEqual(writes(sim), [
          'DELETE /pd/api/v1/store/53',
          'POST /pd/api/v1/store/53/state?state=Up',
          ...(profile === '4.0' ? ['POST /pd/api/v1/store/53/limit {"rate":30,"type":"remove-peer"}'] : []),
        ]);
      }));

    it('refuses what must not be done, sending nothing: a TiKV store, a Tombstone, a cancel from Up or Tombstone', () =>
      withApi(profile, async (api, sim) => {
        assert.equal(failed(await api.deleteStore(id('1'))).kind, 'refused');
        assert.equal(failed(await api.forceTombstone(id('1'))).kind, 'refused');
        assert.match(text(failed(await api.deleteStore(id('61')))), /already Tombstone/);
        assert.match(text(failed(await api.cancelScaleIn(id('53')))), /store 53 is Up: only a scale-in whose store is Offline/);
        assert.equal(failed(await api.cancelScaleIn(id('61'))).kind, 'refused');
        const unknown = failed(await api.deleteStore(id('99')));
        assert.equal(unknown.status, 500);
        assert.equal(text(unknown), profile === '3.1' ? 'PD answered 500: {}' : 'PD answered 500: store 99 not found');
        assert.deepEqual(writes(sim), []);
      }));

    it('does not count a DELETE that PD answers 200 while the store stays Up', () =>
      withApi(profile, async (api, sim) => {
        ok(await api.version());
        // PD 4.0 swallows errors into 200: the answers are replayed so that the real delete never happens
        const store = await call(sim, 'GET', '/pd/api/v1/store/53');
        const limits = await call(sim, 'GET', '/pd/api/v1/stores/limit');
        const replay = (t: string) => ({ status: 200, body: t, contentType: 'application/json; charset=UTF-8' });
        sim.faults.nextBodies = [replay(store.text), ...(profile === '4.0' ? [replay(limits.text)] : []), replay('null'), replay(store.text)];
        const e = failed(await api.deleteStore(id('53')));
        assert.equal(e.kind, 'not-applied');
        assert.match(text(e), /store 53 still reads Up/);
        assert.equal(sim.cluster.find(53)!.state, 0);
      }));

    it('forces an Offline TiFlash store to Tombstone and removes the record', () =>
      withApi(profile, async (api, sim) => {
        ok(await api.deleteStore(id('54')));
        assert.equal(ok(await api.forceTombstone(id('54'))).state, 'Tombstone');
        const removed = ok(await api.removeTombstones());
        // 4.0 keeps a Tombstone that still holds Regions (only the state changed)
        assert.deepEqual(removed.remaining, profile === '4.0' ? ['54'] : []);
        assert.equal(sim.cluster.find(61), undefined);
      }));

    it('reads placement rules, 412 as disabled, enables them and reads them back', () =>
      withApi(
        profile,
        async (api, sim) => {
          assert.deepEqual(ok(await api.tiflashRules()), { enabled: false });
          const before = ok(await api.replicateConfig());
          assert.deepEqual([before.enablePlacementRules, before.maxReplicas], [false, 3]);
          assert.equal(ok(await api.enablePlacementRules()).enablePlacementRules, true);
          assert.deepEqual(ok(await api.tiflashRules()), { enabled: true, rules: [] });
          assert.deepEqual(writes(sim), ['POST /pd/api/v1/config/replicate {"enable-placement-rules":"true"}']);
        },
        { ...clusterFile('no-placement-rules'), ...(profile === '3.1' ? { version: '3.1.2' } : {}) },
      ));

    it("reads the schedule and store limits by the version's names, and raises a limit", () =>
      withApi(profile, async (api, sim) => {
        const s = ok(await api.scheduleConfig());
        assert.deepEqual(s, { lowSpaceRatio: 0.8, maxStoreDownTimeMs: 1_800_000 });
        const before = ok(await api.storeLimits());
        assert.equal(before.remove.get(id('53')), profile === '4.0' ? 30 : 15);
        ok(await api.setStoreLimit(id('53'), 'remove', 200));
        assert.equal(ok(await api.storeLimits()).remove.get(id('53')), 200);
        assert.deepEqual(writes(sim), [`POST /pd/api/v1/store/53/limit {"rate":200,"type":"${profile === '4.0' ? 'remove-peer' : 'region-remove'}"}`]);
      }));

    it('explains a stuck drain from live answers: placement rules that need more TiFlash stores than remain Up', () =>
      withApi(profile, async (api, sim) => {
        sim.cluster.rules = [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 3 }];
        ok(await api.deleteStore(id('53')));
        const samples = [];
        for (let k = 0; k < 4; k++) {
          sim.cluster.tick();
          const store = ok(await api.stores()).stores.find((s) => s.id === '53')!;
          samples.push({ at: k * 60_000, regions: store.regionCount });
        }
        const list = ok(await api.stores());
        const caps = ok(await api.capabilities()).caps;
        const verdict = checkDrain({
          store: list.stores.find((s) => s.id === '53')!,
          samples,
          now: 3 * 60_000,
          stores: list.stores,
          rules: ok(await api.tiflashRules()),
          schedule: ok(await api.scheduleConfig()),
          limits: ok(await api.storeLimits()),
          limitTypes: caps.storeLimit,
        });
        assert.ok(verdict.stuck);
        const blocking = verdict.findings.filter((f) => f.blocking).map((f) => render(f.message, 'en'));
        assert.deepEqual(blocking, [
          'placement rules need 3 TiFlash stores but only 2 others are Up (table-45-r (3)): ' +
            'the store stays Offline until replicas are lowered or a TiFlash store is added',
        ]);
      }));

    it('names the tables behind rules through the TiDB stand-in, a partition as its table', async () => {
      const tidb = await startTidbSim({ tables: [{ id: 45, db: 'sales', name: 'orders', tiflashReplica: 2, partitions: [{ id: 46, name: 'p0' }] }], profile });
      const client = new TidbStatus({ endpoints: [tidb.url], timeoutMs: 2000 });
      try {
        const names = await client.tableNames(['table-45-r', 'table-46-r', 'table-47-r']);
        assert.deepEqual(
          [...names],
          [
            ['table-45-r', { db: 'sales', table: 'orders' }],
            ['table-46-r', { db: 'sales', table: 'orders' }],
          ],
        );
      } finally {
        client.dispose();
        await tidb.close();
      }
    });
  });
}

describe('PD module: endpoints, size cap, timeouts (simulator 4.0)', () => {
  it('moves on from a follower without a leader and from a dead endpoint, and remembers the leader', () =>
    withPdSim({ cluster: demoClusterOf('4.0') }, async (follower) => {
      await call(follower, 'POST', '/sim/follower?answer=no-leader');
      await withPdSim({ cluster: demoClusterOf('4.0') }, async (leader) => {
        const logs: string[] = [];
        const api = new PdApi({ endpoints: [follower.url, `127.0.0.1:${await deadPort()}`, leader.url], timeoutMs: 1000, log: (l) => logs.push(l) });
        try {
          ok(await api.stores());
          assert.equal(api.endpoint, leader.url);
          logs.length = 0;
          ok(await api.stores());
          assert.equal(logs.length, 1, 'the second request goes straight to the leader');
        } finally {
          api.dispose();
        }
      });
    }));

  it('stops at a redirect loop (500): an answer from PD, not a dead endpoint', () =>
    withPdSim({ cluster: demoClusterOf('4.0') }, async (sim) => {
      await call(sim, 'POST', '/sim/follower?answer=not-leader');
      const api = new PdApi({ endpoints: [sim.url], timeoutMs: 1000 });
      try {
        assert.equal(text(failed(await api.stores())), 'PD answered 500: redirect to not leader');
      } finally {
        api.dispose();
      }
    }));

  it('refuses a store list over the size cap', () =>
    withApi(
      '4.0',
      async (api, sim) => {
        await call(sim, 'POST', '/sim/big-body?mb=3');
        assert.equal(failed(await api.stores()).kind, 'too-large');
      },
      undefined,
      { maxBodyBytes: 1024 * 1024 },
    ));

  it('times out a slow PD, reports one that went down, recovers, and aborts on dispose', () =>
    withApi('4.0', async (api, sim) => {
      await call(sim, 'POST', '/sim/delay?ms=1500');
      const slow = new PdApi({ endpoints: [sim.url], timeoutMs: 500 });
      try {
        assert.match(text(failed(await slow.stores())), /no answer within 500 ms/);
        const pending = slow.stores();
        setTimeout(() => slow.dispose(), 50);
        assert.equal(failed(await pending).kind, 'aborted');
      } finally {
        slow.dispose();
      }
      await call(sim, 'POST', '/sim/delay?ms=0');
      await call(sim, 'POST', '/sim/down');
      assert.equal(failed(await api.stores()).kind, 'unreachable');
      await call(sim, 'POST', '/sim/up');
      ok(await api.stores());
    }));

  it('keeps ids beyond 2^53 exact, down to the DELETE path', () => {
    const cluster = demoClusterOf('4.0');
    const tiflash = cluster.stores.find((s) => String(s.store.id) === '53')!;
    tiflash.store.id = '18446744073709551615';
    return withApi(
      '4.0',
      async (api, sim) => {
        assert.ok(ok(await api.stores()).stores.some((s) => s.id === '18446744073709551615'));
        ok(await api.deleteStore(id('18446744073709551615')));
        assert.deepEqual(writes(sim), ['DELETE /pd/api/v1/store/18446744073709551615']);
      },
      cluster,
    );
  });
});

describe('PD module over TLS (enable_tls = True)', () => {
  let certs: TestCerts;
  before(async () => (certs = await makeCerts()));
  after(() => certs.cleanup());
  const client = () => ({ ca: certs.ca, cert: certs.client.cert, key: certs.client.key });

  it('reads PD with the CA and client certificate', () =>
    withPdSim({ cluster: demoClusterOf('4.0'), tls: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca } }, async (sim) => {
      const api = new PdApi({ endpoints: [sim.url], timeoutMs: 2000, tls: client() });
      try {
        assert.equal(ok(await api.stores()).stores.length, 7);
      } finally {
        api.dispose();
      }
      const noCert = new PdApi({ endpoints: [sim.url], timeoutMs: 2000, tls: { ca: certs.ca } });
      try {
        assert.equal(failed(await noCert.stores()).kind, 'unreachable', 'PD requires a client certificate');
      } finally {
        noCert.dispose();
      }
    }));

  it('refuses a server the CA did not sign, before sending anything', () =>
    withPdSim({ cluster: demoClusterOf('4.0'), tls: { key: certs.otherServer.key, cert: certs.otherServer.cert, ca: certs.ca } }, async (sim) => {
      const api = new PdApi({ endpoints: [sim.url], timeoutMs: 2000, tls: client() });
      try {
        const e = failed(await api.stores());
        assert.equal(e.kind, 'unreachable');
        assert.match(text(e), /CERT|SIGN|SELF/i);
        assert.equal(sim.requests.length, 0);
      } finally {
        api.dispose();
      }
    }));
});
