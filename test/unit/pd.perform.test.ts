// A plan's PD step is performed as exactly the writes the plan showed (`actionRequests`), each action through
// its own checks and read-back, against a small PD on 127.0.0.1 that keeps its stores' states as PD 4.0 does.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { actionRequests, PdApi, type ActionOutcome, type PdAction } from '../../src/core/pd/api';
import type { PdRequest } from '../../src/core/pd/requests';
import { parseStoreId, type StoreId } from '../../src/core/pd/types';
import { capabilitiesOf, pdVersion } from '../../src/core/pd/version';
import { storeEntry, storesBody } from '../support/pdBodies';

const STATE = { Up: 0, Offline: 1, Tombstone: 2 } as const;
type Name = keyof typeof STATE;

/** PD 4.0 as far as the actions go: store states, remove-peer limits, the placement-rules switch. */
class FakePd {
  stores = new Map<string, { state: Name; tiflash: boolean; regions: number }>();
  limits = new Map<string, number>();
  placementRules = false;
  /** What the write endpoints answer (200 unless a test makes PD refuse). */
  writeStatus = 200;
  /** When false, a write answers 200 and changes nothing (PD accepted it but did not apply it). */
  applies = true;
  writes: PdRequest[] = [];

  answer(method: string, url: string, body: string): [number, string] {
    const path = url.replace('/pd/api/v1', '');
    if (method !== 'GET') {
      this.writes.push({ method: method as PdRequest['method'], path: url, ...(body ? { body } : {}) });
      if (this.writeStatus !== 200) return [this.writeStatus, '"[PD:core:ErrStoreNotFound]refused"'];
      if (this.applies) this.apply(method, path, body);
      return [200, '"ok"'];
    }
    if (path === '/version') return [200, '{"version":"v4.0.16"}'];
    if (path.startsWith('/stores?')) return [200, storesBody([...this.stores].map(([id, s]) => this.spec(id, s)))];
    if (path === '/stores/limit')
      return [200, JSON.stringify(Object.fromEntries([...this.stores.keys()].map((id) => [id, { 'add-peer': 15, 'remove-peer': this.limits.get(id) ?? 15 }])))];
    if (path === '/config/replicate')
      return [200, `{"max-replicas":3,"location-labels":"","strictly-match-label":"false","enable-placement-rules":"${this.placementRules}"}`];
    const one = /^\/store\/(\d+)$/.exec(path);
    const s = one && this.stores.get(one[1]);
    if (one && s) return [200, storeEntry(this.spec(one[1], s))];
    return [404, '"[PD:core:ErrStoreNotFound]store not found"'];
  }

  private spec(id: string, s: { state: Name; tiflash: boolean; regions: number }) {
    return { id, address: `10.0.0.${id}:3930`, state: STATE[s.state], tiflash: s.tiflash, regions: s.regions };
  }

  private apply(method: string, path: string, body: string) {
    let m: RegExpExecArray | null;
    if (method === 'DELETE' && (m = /^\/store\/(\d+)$/.exec(path))) {
      const s = this.stores.get(m[1]);
      if (s) {
        s.state = 'Offline';
        this.limits.set(m[1], 100_000_000);
      }
    } else if (method === 'POST' && (m = /^\/store\/(\d+)\/state\?state=(Up|Tombstone)$/.exec(path))) {
      const s = this.stores.get(m[1]);
      if (s) s.state = m[2] as Name;
    } else if (method === 'POST' && (m = /^\/store\/(\d+)\/limit$/.exec(path))) {
      this.limits.set(m[1], (JSON.parse(body) as { rate: number }).rate);
    } else if (method === 'DELETE' && path === '/stores/remove-tombstone') {
      for (const [id, s] of this.stores) if (s.state === 'Tombstone' && s.regions === 0) this.stores.delete(id);
    } else if (method === 'POST' && path === '/config/replicate') {
      this.placementRules = true;
    }
  }
}

const id = (s: string): StoreId => parseStoreId(s)!;

/** A real HTTP server on 127.0.0.1 answering from the fake PD `current()` returns (each test makes a new one), and a client on it. */
async function serveFakePd(current: () => FakePd): Promise<{ api: PdApi; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const [status, text] = current().answer(req.method ?? '', req.url ?? '', body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const api = new PdApi({ endpoints: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`], timeoutMs: 2000 });
  const close = async () => {
    api.dispose();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { api, close };
}
const CAPS = capabilitiesOf(pdVersion('v4.0.16'));

describe("performing a plan's PD action", () => {
  let pd: FakePd;
  let api: PdApi;
  let close: () => Promise<void>;
  before(async () => ({ api, close } = await serveFakePd(() => pd)));
  after(() => close());
  beforeEach(() => {
    pd = new FakePd();
    pd.stores.set('1', { state: 'Up', tiflash: false, regions: 10 });
    pd.stores.set('53', { state: 'Up', tiflash: true, regions: 5 });
    pd.stores.set('54', { state: 'Offline', tiflash: true, regions: 5 });
    pd.stores.set('55', { state: 'Tombstone', tiflash: true, regions: 0 });
    pd.stores.set('56', { state: 'Tombstone', tiflash: true, regions: 2 });
  });

  const sendsExactly = async <A extends PdAction>(a: A): Promise<ActionOutcome<A>> => {
    const r = await api.perform(a);
    assert.ok(r.ok, r.ok ? '' : render(r.error.message, 'en'));
    assert.deepEqual(pd.writes, actionRequests(a, CAPS), a.kind);
    return r.value;
  };

  it('delete-store: the store turns Offline, and the remove-peer limit from before the delete is recorded', async () => {
    pd.limits.set('53', 20);
    const out = await sendsExactly({ kind: 'delete-store', storeId: id('53') });
    assert.equal(out.store.state, 'Offline');
    assert.equal(out.removePeerBefore, 20);
  });

  it('cancel-scale-in: Offline back to Up, and the recorded limit restored', async () => {
    pd.limits.set('54', 100_000_000);
    const out = await sendsExactly({ kind: 'cancel-scale-in', storeId: id('54'), restoreRemovePeer: 20 });
    assert.equal(out.store.state, 'Up');
    assert.equal(pd.limits.get('54'), 20);
  });

  it('force-tombstone: an Offline TiFlash store reads Tombstone after', async () => {
    const out = await sendsExactly({ kind: 'force-tombstone', storeId: id('54') });
    assert.equal(out.state, 'Tombstone');
  });

  it('remove-tombstones: says which Tombstone records PD kept (those still holding regions)', async () => {
    const out = await sendsExactly({ kind: 'remove-tombstones' });
    assert.deepEqual(out.remaining, ['56']);
  });

  it('enable-placement-rules: confirmed by reading the switch back', async () => {
    const out = await sendsExactly({ kind: 'enable-placement-rules' });
    assert.equal(out.enablePlacementRules, true);
  });

  it("set-store-limit: by the version's type name", async () => {
    await sendsExactly({ kind: 'set-store-limit', storeId: id('54'), type: 'remove', rate: 40 });
    assert.equal(pd.limits.get('54'), 40);
  });
});

describe('an action PD accepted but did not apply, or refused', () => {
  let pd: FakePd;
  let api: PdApi;
  let close: () => Promise<void>;
  before(async () => ({ api, close } = await serveFakePd(() => pd)));
  after(() => close());
  beforeEach(() => {
    pd = new FakePd();
    pd.stores.set('53', { state: 'Up', tiflash: true, regions: 5 });
    pd.stores.set('54', { state: 'Offline', tiflash: true, regions: 5 });
    pd.applies = false;
  });

  const notApplied = async (a: PdAction) => {
    const r = await api.perform(a);
    assert.ok(!r.ok, `${a.kind} must not count as done`);
    assert.equal(r.error.kind, 'not-applied', a.kind);
    return render(r.error.message, 'en');
  };

  it('each action counts only when the read-back shows it: never success when nothing changed', async () => {
    assert.match(await notApplied({ kind: 'delete-store', storeId: id('53') }), /53/);
    assert.match(await notApplied({ kind: 'cancel-scale-in', storeId: id('54') }), /54/);
    assert.match(await notApplied({ kind: 'force-tombstone', storeId: id('54') }), /54/);
    await notApplied({ kind: 'enable-placement-rules' });
  });

  it("a write PD refuses is a failure with PD's status, and no read-back is claimed", async () => {
    pd.writeStatus = 500;
    for (const a of [
      { kind: 'delete-store', storeId: id('53') },
      { kind: 'remove-tombstones' },
      { kind: 'enable-placement-rules' },
      { kind: 'set-store-limit', storeId: id('53'), type: 'add', rate: 5 },
    ] as const) {
      const r = await api.perform(a);
      assert.ok(!r.ok && r.error.kind !== 'not-applied', a.kind);
    }
  });

  it('refuses a rate PD 4.0 would refuse, before sending anything', async () => {
    for (const rate of [0, -1, Number.NaN, 2e9]) {
      const r = await api.perform({ kind: 'set-store-limit', storeId: id('53'), type: 'add', rate });
      assert.ok(!r.ok && r.error.kind === 'refused', String(rate));
      const c = await api.perform({ kind: 'cancel-scale-in', storeId: id('54'), restoreRemovePeer: rate });
      assert.ok(!c.ok && c.error.kind === 'refused', String(rate));
    }
    assert.deepEqual(pd.writes, []);
  });
});
