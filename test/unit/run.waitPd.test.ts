// When waits end, and how a PD step proves what it did (a 200 is not proof).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg, render } from '../../src/core/l10n/message';
import { deleteStoreRequest, enablePlacementRulesRequest, removeTombstonesRequest, setStoreStateRequest } from '../../src/core/pd/requests';
import { parseStoreId, type Store, type StoreState } from '../../src/core/pd/types';
import type { PdStep, WaitStep } from '../../src/core/plan/types';
import { executePdStep, type PdPort } from '../../src/core/run/pdStep';
import { MISSING_LIMIT, waitVerdict, type Observation, type WaitState } from '../../src/core/run/wait';

const id = (s: string) => parseStoreId(s)!;
const store = (i: string, state: StoreState, extra: Partial<Store> = {}): Store => ({ id: id(i), address: '10.0.0.1:3930', state, stateName: state, labels: { engine: 'tiflash' }, regionCount: 10, leaderCount: 0, ...extra });
const title = msg('plan.what.cluster');
const tombWait: WaitStep = { kind: 'wait', id: 'w', title, until: 'tombstone', storeId: id('54'), address: '10.0.0.1:3930' };
const upWait: WaitStep = { kind: 'wait', id: 'u', title, until: 'up', address: '10.0.0.1:3930', timeoutMs: 1000 };
const s0: WaitState = { startedAt: 0, missing: 0 };
const ok = (...stores: Store[]): Observation => ({ ok: true, stores });
const verdict = (step: WaitStep, obs: Observation, now = 10, state = s0) => waitVerdict(step, obs, now, state);

describe('Tombstone wait', () => {
  it('ends only on an explicit Tombstone or a store PD reports physically destroyed', () => {
    assert.equal(verdict(tombWait, ok(store('54', 'Tombstone'))).kind, 'done');
    assert.equal(verdict(tombWait, ok(store('54', 'Offline', { physicallyDestroyed: true }))).kind, 'done');
    assert.equal(verdict(tombWait, ok(store('54', 'Offline'))).kind, 'waiting');
    assert.equal(verdict(tombWait, { ok: false, error: msg('plan.blocked.pdUnknown') }).kind, 'waiting', 'an unreachable PD is not the end');
  });

  it('a complete list without the store is not the end: it fails after a few such lists, with what to check', () => {
    let state = s0;
    for (let i = 1; i < MISSING_LIMIT; i++) {
      const v = verdict(tombWait, ok(store('53', 'Up')), 10, state);
      assert.equal(v.kind, 'waiting');
      if (v.kind === 'waiting') state = v.state;
    }
    const last = verdict(tombWait, ok(store('53', 'Up')), 10, state);
    assert.ok(last.kind === 'failed' && /pd-ctl store 54/.test(render(last.reason, 'en')));
    const back = verdict(tombWait, ok(store('54', 'Offline')), 10, { startedAt: 0, missing: 2 });
    assert.ok(back.kind === 'waiting' && back.state.missing === 0, 'seeing the store again resets the count');
  });

  it('a store that is Up again (the scale-in was cancelled elsewhere) fails the wait: nothing is stopped', () => {
    for (const st of ['Up', 'Disconnected', 'Down'] as const) {
      const v = verdict(tombWait, ok(store('54', st)));
      assert.equal(v.kind, 'failed', st);
    }
  });

  it('shows the regions left', () => {
    const v = verdict(tombWait, ok(store('54', 'Offline', { regionCount: 412 })));
    assert.ok(v.kind === 'waiting' && /412 Region/.test(render(v.detail, 'en')));
  });
});

describe('Up wait of a scale-out', () => {
  it('ends when one live TiFlash store at the address is Up; an old Tombstone record there does not count', () => {
    assert.equal(verdict(upWait, ok(store('70', 'Up'))).kind, 'done');
    assert.equal(verdict(upWait, ok(store('61', 'Tombstone'), store('70', 'Up'))).kind, 'done');
    assert.equal(verdict(upWait, ok(store('61', 'Tombstone'))).kind, 'waiting');
    assert.equal(verdict(upWait, ok(store('70', 'Disconnected'))).kind, 'waiting');
    assert.equal(verdict(upWait, ok({ ...store('70', 'Up'), labels: {} })).kind, 'waiting', 'a TiKV store there is not the new TiFlash');
    assert.equal(verdict(upWait, ok(store('70', 'Up'), store('71', 'Up'))).kind, 'failed');
  });

  it('gives up after its time limit, explaining what to look at', () => {
    const absent = verdict(upWait, ok(), 5000);
    assert.ok(absent.kind === 'failed' && /tiflash_error\.log/.test(render(absent.reason, 'en')));
    const down = verdict(upWait, ok(store('70', 'Down')), 5000);
    assert.ok(down.kind === 'failed' && /Down/.test(render(down.reason, 'en')));
    assert.equal(verdict(upWait, { ok: false, error: msg('plan.blocked.pdUnknown') }, 5000).kind, 'failed');
  });
});

/** A PD that answers each request with `status` and afterwards shows `after`. */
function fakePd(status: number, after: readonly Store[], opts: { limit?: number; placement?: boolean; before?: readonly Store[] } = {}): PdPort & { sent: string[] } {
  let sent = false;
  const log: string[] = [];
  return {
    sent: log,
    send: async (r) => {
      log.push(`${r.method} ${r.path}${r.body ? ` ${r.body}` : ''}`);
      sent = true;
      return { ok: true, value: { status, body: status === 200 ? 'null' : '"boom"' } };
    },
    stores: async () => ({ ok: true, value: sent ? after : opts.before ?? after }),
    removePeerLimit: async () => ({ ok: true, value: opts.limit }),
    placementEnabled: async () => ({ ok: true, value: opts.placement ?? false }),
  };
}
const pdStep = (action: PdStep['action'], request: PdStep['request'], storeId = id('54')): PdStep => ({ kind: 'pd', id: action, title, action, request, storeId });
const reasonOf = (o: Awaited<ReturnType<typeof executePdStep>>) => (o.ok ? '' : render(o.reason, 'en'));

describe('PD steps', () => {
  it('a delete answered 200 counts only when PD then reads the store Offline; the 4.0 remove-peer limit is recorded', async () => {
    const swallowed = await executePdStep(pdStep('delete-store', deleteStoreRequest(id('54'))), fakePd(200, [store('54', 'Up')]));
    assert.equal(swallowed.ok, false);
    assert.match(reasonOf(swallowed), /still Up/);
    const pd = fakePd(200, [store('54', 'Offline')], { limit: 30 });
    const done = await executePdStep(pdStep('delete-store', deleteStoreRequest(id('54'))), pd);
    assert.ok(done.ok && done.removePeerLimitBefore === 30);
    assert.deepEqual(pd.sent, ['DELETE /pd/api/v1/store/54'], 'exactly the previewed request');
    assert.equal(done.exchanges[0].status, 200);
  });

  it('a refused request quotes PD\'s answer; a lost answer says so', async () => {
    const refused = await executePdStep(pdStep('delete-store', deleteStoreRequest(id('54'))), fakePd(410, []));
    assert.match(reasonOf(refused), /410.*boom/);
    const lost: PdPort = { ...fakePd(200, []), send: async () => ({ ok: false, error: msg('plan.blocked.pdUnknown') }) };
    assert.match(reasonOf(await executePdStep(pdStep('delete-store', deleteStoreRequest(id('54'))), lost)), /got no answer/);
  });

  it('a cancel counts when the store is back in the Up stage; a forced Tombstone when it is Tombstone', async () => {
    assert.ok((await executePdStep(pdStep('cancel-offline', setStoreStateRequest(id('54'), 'Up')), fakePd(200, [store('54', 'Disconnected')]))).ok);
    assert.equal((await executePdStep(pdStep('cancel-offline', setStoreStateRequest(id('54'), 'Up')), fakePd(200, [store('54', 'Offline')]))).ok, false);
    assert.ok((await executePdStep(pdStep('force-tombstone', setStoreStateRequest(id('54'), 'Tombstone')), fakePd(200, [store('54', 'Tombstone')]))).ok);
    assert.equal((await executePdStep(pdStep('force-tombstone', setStoreStateRequest(id('54'), 'Tombstone')), fakePd(200, [store('54', 'Offline')]))).ok, false);
  });

  it('remove tombstones reports which records went and which PD kept', async () => {
    const before = [store('61', 'Tombstone'), store('62', 'Tombstone', { regionCount: 3 })];
    const r = await executePdStep({ ...pdStep('remove-tombstones', removeTombstonesRequest()), storeId: undefined }, fakePd(200, [before[1]], { before }));
    assert.ok(r.ok);
    assert.equal(render(r.note, 'en'), 'Removed 61; PD kept 62 (they still hold Regions).');
  });

  it('enabling placement rules is read back', async () => {
    const step = { ...pdStep('enable-placement-rules', enablePlacementRulesRequest()), storeId: undefined };
    assert.ok((await executePdStep(step, fakePd(200, [], { placement: true }))).ok);
    assert.equal((await executePdStep(step, fakePd(200, [], { placement: false }))).ok, false);
  });
});
