// When waits end, and how a PD step proves what it did (a 200 is not proof).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg, render } from '../../src/core/l10n/message';
import { actionRequests, type PdAction } from '../../src/core/pd/api';
import type { PdResult } from '../../src/core/pd/http';
import { parseStoreId, type Store, type StoreState } from '../../src/core/pd/types';
import type { PdStep, WaitStep } from '../../src/core/plan/types';
import { executePdStep, type PdPerformer } from '../../src/core/run/pdStep';
import { MISSING_LIMIT, waitVerdict, type Observation, type WaitState } from '../../src/core/run/wait';

const id = (s: string) => parseStoreId(s)!;
const store = (i: string, state: StoreState, extra: Partial<Store> = {}): Store => ({
  id: id(i),
  address: '10.0.0.1:3930',
  state,
  stateName: state,
  labels: { engine: 'tiflash' },
  regionCount: 10,
  leaderCount: 0,
  ...extra,
});
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

/** A PD module that answers every action with `result` and remembers what it was asked. */
function fakePd(result: (a: PdAction) => PdResult<unknown>): PdPerformer & { asked: PdAction[] } {
  const asked: PdAction[] = [];
  return {
    asked,
    perform: ((a: PdAction) => {
      asked.push(a);
      return Promise.resolve(result(a));
    }) as PdPerformer['perform'],
  };
}
const pdStepOf = (action: PdAction, storeId?: string): PdStep => ({
  kind: 'pd',
  id: action.kind,
  title,
  action,
  requests: actionRequests(action),
  ...(storeId ? { storeId: id(storeId) } : {}),
});
const note = (o: Awaited<ReturnType<typeof executePdStep>>) => render(o.ok ? o.note : o.reason, 'en');
const refused: PdResult<never> = { ok: false, error: { kind: 'not-applied', message: msg('pd.notApplied.delete', { id: '54', state: 'Up' }) } };

describe('PD steps', () => {
  it("perform exactly the step's action, and record the 4.0 remove-peer limit read before a delete", async () => {
    const action: PdAction = { kind: 'delete-store', storeId: id('54') };
    const pd = fakePd(() => ({ ok: true, value: { store: store('54', 'Offline'), removePeerBefore: 30 } }));
    const r = await executePdStep(pdStepOf(action, '54'), pd);
    assert.ok(r.ok && r.removePeerLimitBefore === 30);
    assert.deepEqual(pd.asked, [action]);
    assert.match(note(r), /store 54 Offline/);
  });

  it("a delete PD did not apply (a 200 that changed nothing) fails the step with PD's reason", async () => {
    const r = await executePdStep(
      pdStepOf({ kind: 'delete-store', storeId: id('54') }, '54'),
      fakePd(() => refused),
    );
    assert.equal(r.ok, false);
    assert.equal(note(r), render(refused.error.message, 'en'));
  });

  it('says when the limit could not be recorded, and when restoring it after a cancel failed', async () => {
    const unread = await executePdStep(
      pdStepOf({ kind: 'delete-store', storeId: id('54') }, '54'),
      fakePd(() => ({ ok: true, value: { store: store('54', 'Offline'), limitNotRecorded: refused.error } })),
    );
    assert.match(note(unread), /a cancel cannot restore it/);
    const cancelled = await executePdStep(
      pdStepOf({ kind: 'cancel-scale-in', storeId: id('54'), restoreRemovePeer: 30 }, '54'),
      fakePd(() => ({ ok: true, value: { store: store('54', 'Up'), limitRestore: refused } })),
    );
    assert.ok(cancelled.ok);
    assert.match(note(cancelled), /Restoring its remove-peer limit failed/);
  });

  it('remove tombstones reports which records PD kept', async () => {
    const r = await executePdStep(
      pdStepOf({ kind: 'remove-tombstones' }),
      fakePd(() => ({ ok: true, value: { remaining: [id('62')] } })),
    );
    assert.match(note(r), /kept 62/);
    const unconfirmed = await executePdStep(
      pdStepOf({ kind: 'remove-tombstones' }),
      fakePd(() => ({ ok: true, value: {} })),
    );
    assert.match(note(unconfirmed), /unconfirmed/);
  });

  it('lists every write of an action for the preview, and only those', () => {
    assert.deepEqual(
      actionRequests({ kind: 'cancel-scale-in', storeId: id('54'), restoreRemovePeer: 30 }).map((r) => `${r.method} ${r.path}`),
      ['POST /pd/api/v1/store/54/state?state=Up', 'POST /pd/api/v1/store/54/limit'],
    );
  });
});
