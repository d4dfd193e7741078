// The PD module over real HTTP on 127.0.0.1 against scripted answers copied from PD 3.1 and 4.0
// (../shared/PD-API.md): what it sends, what it concludes, and what it refuses.

import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { PdApi } from '../../src/core/pd/api';
import type { PdError, PdResult } from '../../src/core/pd/http';
import { parseStoreId, type StoreId } from '../../src/core/pd/types';
import { storesBody, type StoreSpec } from '../support/pdBodies';
import { becomes, json, pd, VERSION, withPd } from '../support/scriptedPd';
import { serve } from '../support/scriptedHttp';

const id = (text: string): StoreId => parseStoreId(text)!;
const text = (e: PdError) => render(e.message, 'en');
const failed = <T>(r: PdResult<T>): PdError => {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
};

describe('PD module: reading', () => {
  it('asks for every state and decodes a complete list with exact ids', async () => {
    await withPd(
      (req) =>
        req.path.startsWith('/pd/api/v1/stores')
          ? json(
              storesBody([
                { id: '18446744073709551615', address: '10.0.0.1:3930' },
                { id: '9007199254740993', address: '10.0.0.2:3930' },
              ]),
            )
          : { status: 404 },
      async (api, server) => {
        const r = await api.stores();
        assert.ok(r.ok && r.value.includesTombstones);
        assert.deepEqual(
          r.value.stores.map((s) => s.id),
          ['18446744073709551615', '9007199254740993'],
        );
        assert.equal(server.seen[0].path, '/pd/api/v1/stores?state=0&state=1&state=2');
      },
    );
  });

  it('turns {}, a null list and a truncated body into decode errors quoting PD', async () => {
    for (const body of ['{}', '{"count": 0, "stores": null}', '{"count": 3, "stores": [']) {
      await withPd(
        () => json(body),
        async (api) => {
          const e = failed(await api.stores());
          assert.equal(e.kind, 'decode');
          assert.ok(text(e).replace(/\s/g, '').includes(body.replace(/\s/g, '').slice(0, 12)), text(e));
        },
      );
    }
  });

  it('reads 412 on the rules route as "placement rules disabled", not an error', async () => {
    await withPd(
      () => ({ status: 412, body: '"placement rules feature is disabled"' }),
      async (api) => {
        assert.deepEqual(await api.tiflashRules(), { ok: true, value: { enabled: false } });
      },
    );
    await withPd(
      () => json('null'),
      async (api) => assert.deepEqual(await api.tiflashRules(), { ok: true, value: { enabled: true, rules: [] } }),
    );
  });

  it('decodes /config/replicate string booleans and /config/schedule', async () => {
    await withPd(
      (req) =>
        json(
          req.path.endsWith('replicate')
            ? '{"max-replicas":3,"location-labels":"","strictly-match-label":"false","enable-placement-rules":"false"}'
            : '{"max-store-down-time":"30m0s","low-space-ratio":0.8}',
        ),
      async (api) => {
        const r = await api.replicateConfig();
        assert.ok(r.ok && r.value.enablePlacementRules === false && r.value.strictlyMatchLabel === false);
        const s = await api.scheduleConfig();
        assert.deepEqual(s, { ok: true, value: { lowSpaceRatio: 0.8, maxStoreDownTimeMs: 1_800_000 } });
      },
    );
  });

  it('reads /version once per client', async () => {
    await withPd(
      () => VERSION('v4.0.16'),
      async (api, server) => {
        const a = await api.capabilities();
        const b = await api.capabilities();
        assert.ok(a.ok && b.ok && a.value.version.series === '4.0');
        assert.equal(server.seen.filter((s) => s.path === '/pd/api/v1/version').length, 1);
      },
    );
  });

  it("reads store limits by each version's names", async () => {
    await withPd(pd('4.0', { id: '61', address: '10.0.0.1:3930' }), async (api, server) => {
      const l = await api.storeLimits();
      assert.ok(l.ok && l.value.remove.get(id('61')) === 30 && l.value.add.get(id('61')) === 30);
      assert.deepEqual(
        server.seen.filter((s) => s.path.includes('limit')).map((s) => s.path),
        ['/pd/api/v1/stores/limit'],
      );
    });
    await withPd(pd('3.1', { id: '61', address: '10.0.0.1:3930' }), async (api, server) => {
      assert.ok((await api.storeLimits()).ok);
      assert.deepEqual(
        server.seen
          .filter((s) => s.path.includes('limit'))
          .map((s) => s.path)
          .sort(),
        ['/pd/api/v1/stores/limit?type=region-add', '/pd/api/v1/stores/limit?type=region-remove'],
      );
    });
  });

  it("quotes PD's reason for 3.1 errcode bodies and 4.0 strings", async () => {
    await withPd(
      () => ({
        status: 404,
        body: '{"code":"missing","msg":"store.remove: store 99 not found","data":{},"operation":"store.remove"}',
        headers: { 'TiDB-Error-Code': 'missing' },
      }),
      async (api) => {
        const e = failed(await api.store(id('99')));
        assert.equal(text(e), 'PD answered 404: store.remove: store 99 not found (missing)');
        assert.equal(e.status, 404);
      },
    );
    await withPd(
      () => ({ status: 500, body: '"[PD:core:ErrStoreNotFound]store 99 not found"' }),
      async (api) => {
        assert.equal(text(failed(await api.store(id('99')))), 'PD answered 500: [PD:core:ErrStoreNotFound]store 99 not found');
      },
    );
  });
});

describe('PD module: endpoints, limits and timeouts', () => {
  it('moves on after 503 no leader and a dead endpoint, and remembers the one that answered', async () => {
    const follower = await serve(() => ({ status: 503, body: 'no leader', headers: { 'content-type': 'text/plain' } }));
    const dead = await serve(() => ({ status: 200 }));
    await dead.close();
    try {
      await withPd(
        () => json(storesBody([])),
        async (_api, leader) => {
          const api = new PdApi({ endpoints: [follower.url, dead.url, leader.url], timeoutMs: 1000 });
          try {
            assert.ok((await api.stores()).ok);
            assert.equal(api.endpoint, leader.url);
            assert.ok((await api.stores()).ok);
            assert.equal(follower.seen.length, 1, 'the second request goes straight to the leader');
            assert.equal(leader.seen.length, 2);
          } finally {
            api.dispose();
          }
        },
      );
    } finally {
      await follower.close();
    }
  });

  it('ends the search at any other HTTP answer (a 500 is PD speaking), and reports every endpoint when none answers', async () => {
    const broken = await serve(() => ({ status: 500, body: '"redirect to not leader"' }));
    const other = await serve(() => json(storesBody([])));
    const api = new PdApi({ endpoints: [broken.url, other.url], timeoutMs: 1000 });
    try {
      const e = failed(await api.stores());
      assert.deepEqual([e.kind, e.status, other.seen.length], ['http', 500, 0]);
    } finally {
      api.dispose();
      await broken.close();
      await other.close();
    }
    const follower = await serve(() => ({ status: 503, body: 'no leader' }));
    const only = new PdApi({ endpoints: [follower.url], timeoutMs: 1000 });
    try {
      const e = failed(await only.stores());
      assert.equal(e.kind, 'unreachable');
      assert.match(text(e), /^PD is unreachable \(http:\/\/127\.0\.0\.1:\d+: answered 503: no leader\)$/);
    } finally {
      only.dispose();
      await follower.close();
    }
  });

  it('refuses an oversized body while it streams in, with or without a Content-Length', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // an endless body: only the client's cap stops it
    const endless = (res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (sent < 200 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    };
    await withPd(
      () => endless,
      async (api) => {
        const started = Date.now();
        const e = failed(await api.stores());
        assert.equal(e.kind, 'too-large');
        assert.match(text(e), /larger than 1048576 bytes/);
        assert.ok(sent < 16 * 1024 * 1024, `the server got to send ${sent} bytes`);
        assert.ok(Date.now() - started < 3000);
      },
      { maxBodyBytes: 1024 * 1024 },
    );
    await withPd(
      () => ({ status: 200, body: ' '.repeat(2048), headers: { 'content-length': '2048' } }),
      async (api) => {
        assert.equal(failed(await api.stores()).kind, 'too-large');
      },
      { maxBodyBytes: 1024 },
    );
  });

  it('times out a slow PD, and aborts what is under way on dispose', async () => {
    await withPd(
      () => (res) => setTimeout(() => res.end('{}'), 1500),
      async (api) => {
        const started = Date.now();
        const e = failed(await api.stores());
        assert.equal(e.kind, 'unreachable');
        assert.match(text(e), /no answer within 300 ms/);
        assert.ok(Date.now() - started < 1200);
      },
      { timeoutMs: 300 },
    );
    await withPd(
      () => (res) => setTimeout(() => res.end('{}'), 800),
      async (api) => {
        const pending = api.stores();
        setTimeout(() => api.dispose(), 50);
        assert.equal(failed(await pending).kind, 'aborted');
      },
    );
  });
});

describe('PD module: writes are checked, exact and read back', () => {
  it('deletes with the exact id, counts it only when the store then reads Offline, and records the 4.0 remove-peer limit', async () => {
    const store: StoreSpec = { id: '18446744073709551615', address: '10.0.0.1:3930' };
    await withPd(pd('4.0', store, becomes(store, 'DELETE', 1)), async (api, server) => {
      const r = await api.deleteStore(id('18446744073709551615'));
      assert.ok(r.ok, r.ok ? '' : text(r.error));
      assert.deepEqual([r.value.store.state, r.value.removePeerBefore], ['Offline', 30]);
      assert.deepEqual(
        server.writes().map((s) => `${s.method} ${s.path}`),
        ['DELETE /pd/api/v1/store/18446744073709551615'],
      );
    });
  });

  it('still deletes when 4.0 cannot tell the remove-peer limit, and says it was not recorded', async () => {
    const store: StoreSpec = { id: '61', address: '10.0.0.1:3930' };
    await withPd(
      pd('4.0', store, (req) => {
        if (req.path.includes('limit')) return { status: 404, body: '404 page not found' };
        if (req.method === 'DELETE') store.state = 1;
        return undefined;
      }),
      async (api) => {
        const r = await api.deleteStore(id('61'));
        assert.ok(r.ok && r.value.removePeerBefore === undefined && r.value.limitNotRecorded?.status === 404);
      },
    );
  });

  it('does not count a DELETE answered 200 whose store stays Up (4.0 swallows errors)', async () => {
    await withPd(pd('4.0', { id: '61', address: '10.0.0.1:3930' }), async (api) => {
      const e = failed(await api.deleteStore(id('61')));
      assert.equal(e.kind, 'not-applied');
      assert.equal(text(e), 'PD answered 200 to the delete, but store 61 still reads Up: the delete did not take effect');
    });
  });

  it('on 3.1 deletes without touching store limits', async () => {
    const store: StoreSpec = { id: '61', address: '10.0.0.1:3930' };
    await withPd(pd('3.1', store, becomes(store, 'DELETE', 1)), async (api, server) => {
      const r = await api.deleteStore(id('61'));
      assert.ok(r.ok && r.value.removePeerBefore === undefined);
      assert.ok(!server.seen.some((s) => s.path.includes('limit')));
    });
  });

  it('never deletes or buries a TiKV store, nor touches a Tombstone', async () => {
    await withPd(pd('4.0', { id: '61', address: '10.0.0.1:3930', state: 2 }), async (api, server) => {
      assert.match(text(failed(await api.deleteStore(id('1')))), /store 1 is not a TiFlash store/);
      assert.match(text(failed(await api.forceTombstone(id('1')))), /store 1 is not a TiFlash store/);
      assert.match(text(failed(await api.deleteStore(id('61')))), /store 61 is already Tombstone/);
      assert.deepEqual(server.writes(), []);
    });
  });

  it('cancels a scale-in only from Offline, then restores the recorded remove-peer limit', async () => {
    const store: StoreSpec = { id: '61', address: '10.0.0.1:3930', state: 1 };
    await withPd(pd('4.0', store, becomes(store, 'POST', 0, 'state=Up')), async (api, server) => {
      const r = await api.perform({ kind: 'cancel-scale-in', storeId: id('61'), restoreRemovePeer: 30 });
      assert.ok(r.ok && r.value.store.state === 'Up' && r.value.limitRestore?.ok);
      assert.deepEqual(
        server.writes().map((s) => [s.method, s.path, s.body]),
        [
          ['POST', '/pd/api/v1/store/61/state?state=Up', ''],
          ['POST', '/pd/api/v1/store/61/limit', '{"rate":30,"type":"remove-peer"}'],
        ],
      );
      // now Up: a second cancel is refused and sends nothing
      assert.match(text(failed(await api.cancelScaleIn(id('61')))), /store 61 is Up: only a scale-in whose store is Offline can be cancelled/);
      assert.equal(server.writes().length, 2);
    });
    await withPd(pd('4.0', { id: '61', address: '10.0.0.1:3930', state: 2 }), async (api, server) => {
      assert.equal(failed(await api.cancelScaleIn(id('61'))).kind, 'refused', 'never Tombstone -> Up');
      assert.deepEqual(server.writes(), []);
    });
  });

  it('forces Tombstone only where PD accepts it (3.1, 4.0), and confirms it', async () => {
    await withPd(
      (req) => (req.path === '/pd/api/v1/version' ? VERSION('v5.0.0') : { status: 404 }),
      async (api, server) => {
        assert.match(text(failed(await api.forceTombstone(id('61')))), /PD v5\.0\.0 does not accept state=Tombstone/);
        assert.deepEqual(server.writes(), []);
      },
    );
    const store: StoreSpec = { id: '61', address: '10.0.0.1:3930', state: 1 };
    await withPd(pd('3.1', store, becomes(store, 'POST', 2)), async (api, server) => {
      const r = await api.forceTombstone(id('61'));
      assert.ok(r.ok && r.value.state === 'Tombstone');
      assert.deepEqual(
        server.writes().map((s) => s.path),
        ['/pd/api/v1/store/61/state?state=Tombstone'],
      );
    });
  });

  it('enables placement rules with the exact body and reads them back', async () => {
    let enabled = false;
    await withPd(
      (req) => {
        if (req.method === 'POST') enabled = req.body === '{"enable-placement-rules":"true"}';
        return json(`{"max-replicas":3,"location-labels":"","strictly-match-label":"false","enable-placement-rules":"${enabled}"}`);
      },
      async (api, server) => {
        const r = await api.enablePlacementRules();
        assert.ok(r.ok && r.value.enablePlacementRules);
        assert.deepEqual(
          server.writes().map((s) => [s.method, s.path]),
          [['POST', '/pd/api/v1/config/replicate']],
        );
      },
    );
    await withPd(
      () => json('{"max-replicas":3,"location-labels":"","enable-placement-rules":"false"}'),
      async (api) => {
        assert.equal(failed(await api.enablePlacementRules()).kind, 'not-applied');
      },
    );
  });

  it('removes tombstones and says which records PD kept', async () => {
    await withPd(
      (req) =>
        req.method === 'DELETE'
          ? json('null')
          : json(
              storesBody([
                { id: '61', address: 'a.b:1', state: 2 },
                { id: '7', address: '10.0.0.7:3930', state: 2 },
                { id: '8', address: '10.0.0.8:3930' },
              ]),
            ),
      async (api, server) => {
        assert.deepEqual(await api.removeTombstones(), { ok: true, value: { remaining: ['7', '61'] } });
        assert.deepEqual(
          server.writes().map((s) => `${s.method} ${s.path}`),
          ['DELETE /pd/api/v1/stores/remove-tombstone'],
        );
      },
    );
  });

  it("sets a store limit by the version's type name, refusing rates PD refuses", async () => {
    await withPd(pd('3.1', { id: '61', address: '10.0.0.1:3930' }), async (api, server) => {
      assert.ok((await api.setStoreLimit(id('61'), 'remove', 60)).ok);
      for (const rate of [0, -1, Number.NaN, Infinity]) assert.equal(failed(await api.setStoreLimit(id('61'), 'remove', rate)).kind, 'refused');
      assert.deepEqual(
        server.writes().map((s) => s.body),
        ['{"rate":60,"type":"region-remove"}'],
      );
    });
  });
});
