// When a wait step ends. A drain ends only on an explicit Tombstone (state or state_name) or a store PD reports
// physically destroyed: a poll that fails or lacks the store is never taken as the end. A scale-out's wait
// ends when one live TiFlash store at the new address reads Up, or explains why not once it times out.

import { msg, type Msg } from '../l10n/message';
import { isTiFlash, type Store } from '../pd/types';
import type { WaitStep } from '../plan/types';

/** One poll as the wait sees it: PD's complete store list, or why there is none. */
export type Observation = { ok: true; stores: readonly Store[] } | { ok: false; error: Msg };

export interface WaitState {
  startedAt: number;
  /** Consecutive complete lists that did not have the store. */
  missing: number;
}

export type WaitVerdict = { kind: 'done'; note: Msg } | { kind: 'waiting'; state: WaitState; detail: Msg } | { kind: 'failed'; reason: Msg };

/** Complete lists in a row that lack a drained store before the wait says so (a list is a snapshot; one may race). */
export const MISSING_LIMIT = 3;

export function waitVerdict(step: WaitStep, obs: Observation, now: number, state: WaitState): WaitVerdict {
  if (!obs.ok) {
    if (step.timeoutMs !== undefined && now - state.startedAt > step.timeoutMs)
      return { kind: 'failed', reason: msg('run.wait.timeoutPd', { error: obs.error }) };
    return { kind: 'waiting', state, detail: msg('run.wait.pdUnreachable', { error: obs.error }) };
  }
  return step.until === 'tombstone' ? tombstone(step, obs.stores, state) : up(step, obs.stores, now, state);
}

function tombstone(step: WaitStep, stores: readonly Store[], state: WaitState): WaitVerdict {
  const store = stores.find((s) => s.id === step.storeId);
  if (!store) {
    const missing = state.missing + 1;
    if (missing >= MISSING_LIMIT) return { kind: 'failed', reason: msg('run.wait.storeGone', { id: step.storeId ?? '?' }) };
    return { kind: 'waiting', state: { ...state, missing }, detail: msg('run.wait.storeMissing', { id: step.storeId ?? '?' }) };
  }
  const fresh = { ...state, missing: 0 };
  if (store.state === 'Tombstone') return { kind: 'done', note: msg('run.wait.tombstone', { id: store.id }) };
  if (store.physicallyDestroyed) return { kind: 'done', note: msg('run.wait.destroyed', { id: store.id }) };
  if (store.state !== 'Offline') return { kind: 'failed', reason: msg('run.wait.notOffline', { id: store.id, state: msg(`state.${store.state}`) }) };
  return { kind: 'waiting', state: fresh, detail: msg('run.wait.regionsLeft', { id: store.id, regions: store.regionCount }) };
}

function up(step: WaitStep, stores: readonly Store[], now: number, state: WaitState): WaitVerdict {
  const live = stores.filter((s) => isTiFlash(s) && s.address === step.address && s.state !== 'Tombstone');
  if (live.length > 1) return { kind: 'failed', reason: msg('run.wait.ambiguous', { address: step.address, ids: live.map((s) => s.id) }) };
  const [store] = live;
  if (store?.state === 'Up') return { kind: 'done', note: msg('run.wait.up', { id: store.id, address: step.address }) };
  if (step.timeoutMs !== undefined && now - state.startedAt > step.timeoutMs) {
    return {
      kind: 'failed',
      reason: store
        ? msg('run.wait.timeoutState', { id: store.id, state: msg(`state.${store.state}`) })
        : msg('run.wait.timeoutAbsent', { address: step.address }),
    };
  }
  return {
    kind: 'waiting',
    state,
    detail: store ? msg('run.wait.storeState', { id: store.id, state: msg(`state.${store.state}`) }) : msg('run.wait.notYet', { address: step.address }),
  };
}
