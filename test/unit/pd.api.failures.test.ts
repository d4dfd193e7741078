// The PD actions when a step on the way fails or PD says something unexpected: the operator gets the failure
// (with PD's words and the values that matter), never a crash, a success that was not confirmed, or a write
// the checks should have stopped. Against a scripted PD on 127.0.0.1.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { actionRequests, PdApi } from '../../src/core/pd/api';
import type { PdError, PdResult } from '../../src/core/pd/http';
import { storeLimitRequest } from '../../src/core/pd/requests';
import { lifecycleOf, parseStoreId, STORE_STATES, type StoreId } from '../../src/core/pd/types';
import { capabilitiesOf, pdVersion } from '../../src/core/pd/version';
import type { StoreSpec } from '../support/pdBodies';
import type { Reply, Seen } from '../support/scriptedHttp';
import { becomes, pd, VERSION, withPd } from '../support/scriptedPd';

const id = (text: string): StoreId => parseStoreId(text)!;
const failed = (r: PdResult<unknown>): PdError => {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
};
const text = (r: PdResult<unknown>) => render(failed(r).message, 'en');
const writes = (seen: readonly Seen[]) => seen.filter((s) => s.method !== 'GET').map((s) => `${s.method} ${s.path}`);

const STORE_61: StoreSpec = { id: '61', address: '10.0.0.1:3930' };
const PD_500: Reply = { status: 500, body: '"[PD:core:ErrInternal]boom"' };
const READ_BACK_FAILED = 'PD answered 200, but reading the result back failed, so the change is not confirmed: PD answered 500: [PD:core:ErrInternal]boom';

/** PD takes every write (200), and from then on fails every read of a single store. */
function readsFailAfterWrite(): (req: Seen) => Reply | undefined {
  let written = false;
  return (req) => {
    if (req.method !== 'GET') written = true;
    else if (written && req.path.startsWith('/pd/api/v1/store/')) return PD_500;
    return undefined;
  };
}

/** PD whose /version answers `reply` (a failure or another version). */
const versionAnswers =
  (reply: Reply) =>
  (req: Seen): Reply | undefined =>
    req.path === '/pd/api/v1/version' ? reply : undefined;

/** A PD that is not there: nothing listens on port 1. */
async function withDeadPd(fn: (api: PdApi) => Promise<void>) {
  const api = new PdApi({ endpoints: ['127.0.0.1:1'], timeoutMs: 1000 });
  try {
    await fn(api);
  } finally {
    api.dispose();
  }
}

describe('PD actions: what is shown before anything runs', () => {
  it('lists each endpoint once, normalized, and nothing that is not an http(s) origin', () => {
    const api = new PdApi({ endpoints: ['127.0.0.1:2379', 'http://127.0.0.1:2379/', 'ftp://127.0.0.1:2379', 'https://127.0.0.2:2379'] });
    try {
      assert.deepEqual(api.endpoints, ['http://127.0.0.1:2379', 'https://127.0.0.2:2379']);
    } finally {
      api.dispose();
    }
  });

  it('shows no store-limit write while the version is unknown, and the 3.1 type name once it is known', () => {
    const a = { kind: 'set-store-limit', storeId: id('61'), type: 'remove', rate: 40 } as const;
    assert.deepEqual(actionRequests(a), []);
    assert.deepEqual(actionRequests(a, capabilitiesOf(pdVersion('v3.1.2'))), [storeLimitRequest(id('61'), 'region-remove', 40)]);
  });

  it('Disconnected and Down stores are Up stores in their lifecycle; Offline and Tombstone are themselves', () => {
    assert.deepEqual(
      STORE_STATES.map((s) => lifecycleOf(s)),
      ['Up', 'Up', 'Up', 'Offline', 'Tombstone'],
    );
  });
});

describe('PD actions: the version and its capabilities', () => {
  it('reads /version again after a failed read instead of keeping the failure', async () => {
    let calls = 0;
    await withPd(
      pd('4.0', STORE_61, (req) => (req.path === '/pd/api/v1/version' && ++calls === 1 ? PD_500 : undefined)),
      async (api) => {
        assert.equal(failed(await api.version()).status, 500);
        const c = await api.capabilities();
        assert.ok(c.ok && c.value.version.series === '4.0' && c.value.caps.storeLimit?.remove === 'remove-peer');
        assert.equal(calls, 2);
      },
    );
  });

  it('a failed /version stops limits, force and set-limit with its reason, and nothing is written', async () => {
    await withPd(pd('4.0', { ...STORE_61, state: 1 }, versionAnswers(PD_500)), async (api, server) => {
      for (const r of [await api.storeLimits(), await api.forceTombstone(id('61')), await api.setStoreLimit(id('61'), 'remove', 40)]) {
        assert.equal(text(r), 'PD answered 500: [PD:core:ErrInternal]boom');
      }
      assert.deepEqual(writes(server.seen), []);
    });
  });

  it('a version whose store limits are not known: limits are neither read nor set, and the message names the version', async () => {
    await withPd(pd('4.0', STORE_61, versionAnswers(VERSION('v2.1.19'))), async (api, server) => {
      const expected = 'the store limits of PD v2.1.19 are not known here: nothing was changed';
      assert.equal(text(await api.storeLimits()), expected);
      assert.equal(text(await api.setStoreLimit(id('61'), 'add', 40)), expected);
      assert.deepEqual(writes(server.seen), []);
      assert.ok(!server.seen.some((s) => s.path.includes('limit')));
    });
  });

  it('accepts the largest rate PD takes (1e9), and names a refused rate in the refusal', async () => {
    await withPd(pd('4.0', { ...STORE_61, state: 1 }), async (api, server) => {
      assert.ok((await api.setStoreLimit(id('61'), 'remove', 1e9)).ok);
      assert.deepEqual(
        server.seen.filter((s) => s.method === 'POST').map((s) => s.body),
        ['{"rate":1000000000,"type":"remove-peer"}'],
      );
      const refusal = 'a store limit must be above 0 and at most 1000000000 per minute, not 1000000001: nothing was changed';
      assert.equal(text(await api.setStoreLimit(id('61'), 'remove', 1e9 + 1)), refusal);
      assert.equal(text(await api.cancelScaleIn(id('61'), 1e9 + 1)), refusal);
      assert.equal(server.seen.filter((s) => s.method === 'POST').length, 1);
    });
  });
});

describe('PD actions: the delete records the right remove-peer limit', () => {
  it('a delete whose /version read fails still goes ahead and says why the limit was not recorded', async () => {
    const store: StoreSpec = { ...STORE_61 };
    await withPd(
      pd('4.0', store, (req) => {
        if (req.method === 'DELETE') store.state = 1;
        return versionAnswers(PD_500)(req);
      }),
      async (api, server) => {
        const r = await api.deleteStore(id('61'));
        assert.ok(r.ok);
        assert.equal(r.value.removePeerBefore, undefined);
        assert.equal(r.value.limitNotRecorded && render(r.value.limitNotRecorded.message, 'en'), 'PD answered 500: [PD:core:ErrInternal]boom');
        assert.deepEqual(writes(server.seen), ['DELETE /pd/api/v1/store/61']);
      },
    );
  });

  it('records the limit of a Disconnected store (an Up store whose heartbeats stopped)', async () => {
    const store: StoreSpec = { ...STORE_61, stateName: 'Disconnected' };
    await withPd(
      pd('4.0', store, (req) => {
        if (req.method === 'DELETE') [store.state, store.stateName] = [1, 'Offline'];
        return undefined;
      }),
      async (api) => {
        const r = await api.deleteStore(id('61'));
        assert.ok(r.ok && r.value.removePeerBefore === 30, JSON.stringify(r));
      },
    );
  });

  it('does not record the limit of a store already Offline (its delete raised it already: restoring that is wrong)', async () => {
    await withPd(pd('4.0', { ...STORE_61, state: 1 }), async (api, server) => {
      const r = await api.deleteStore(id('61'));
      assert.ok(r.ok && r.value.store.state === 'Offline');
      assert.deepEqual([r.value.removePeerBefore, r.value.limitNotRecorded], [undefined, undefined]);
      assert.ok(!server.seen.some((s) => s.path.includes('limit')));
    });
  });
});

describe('PD actions: a write PD refuses, or one that cannot be read back', () => {
  it("cancel and force: PD's refusal is the failure (with its status), not a read-back", async () => {
    await withPd(
      pd('4.0', { ...STORE_61, state: 1 }, (req) => (req.method !== 'GET' ? PD_500 : undefined)),
      async (api) => {
        for (const r of [await api.cancelScaleIn(id('61')), await api.forceTombstone(id('61'))]) {
          assert.deepEqual([failed(r).kind, failed(r).status], ['http', 500]);
          assert.equal(text(r), 'PD answered 500: [PD:core:ErrInternal]boom');
        }
      },
    );
  });

  it('delete, cancel and force answered 200 but unreadable after: not confirmed, with the reason', async () => {
    for (const act of [(api: PdApi) => api.deleteStore(id('61')), (api: PdApi) => api.cancelScaleIn(id('61')), (api: PdApi) => api.forceTombstone(id('61'))]) {
      await withPd(pd('4.0', { ...STORE_61, state: 1 }, readsFailAfterWrite()), async (api, server) => {
        const r = await act(api);
        assert.equal(failed(r).kind, 'not-applied');
        assert.equal(text(r), READ_BACK_FAILED);
        assert.equal(writes(server.seen).length, 1);
      });
    }
  });

  it('placement rules enabled with 200 but /config/replicate unreadable: not confirmed, with the reason', async () => {
    await withPd(pd('4.0', STORE_61), async (api) => {
      const r = await api.enablePlacementRules();
      assert.equal(failed(r).kind, 'not-applied');
      assert.equal(text(r), 'PD answered 200, but reading the result back failed, so the change is not confirmed: PD answered 404: 404 page not found');
    });
  });

  it('a cancel whose store reads Tombstone after (its drain just ended) is not a success', async () => {
    const store: StoreSpec = { ...STORE_61, state: 1 };
    await withPd(pd('4.0', store, becomes(store, 'POST', 2)), async (api) => {
      const r = await api.cancelScaleIn(id('61'));
      assert.equal(failed(r).kind, 'not-applied');
      assert.equal(text(r), 'PD answered 200, but store 61 reads Tombstone, not Up');
    });
  });

  it('PD unreachable: rules and remove-tombstones fail as unreachable', async () => {
    await withDeadPd(async (api) => {
      assert.equal(failed(await api.tiflashRules()).kind, 'unreachable');
      assert.equal(failed(await api.removeTombstones()).kind, 'unreachable');
    });
  });
});
