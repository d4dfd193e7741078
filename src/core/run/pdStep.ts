// Executes a plan's PD step through the PD module: exactly the writes the operator saw, each checked before
// (never a TiKV store, never from the wrong state) and read back after, because a 200 is not proof (PD 4.0
// answers 200 to errors it swallows). What was sent and answered reaches the journal through the module's
// exchange hook; here the outcome becomes the step's note or its reason.

import { msg, type Msg } from '../l10n/message';
import type { PdApi, PdAction } from '../pd/api';
import type { PdStep } from '../plan/types';

/** What the executor needs of the PD module (tests give a scripted one). */
export type PdPerformer = Pick<PdApi, 'perform'>;

export type PdOutcome = { ok: true; note: Msg; removePeerLimitBefore?: number } | { ok: false; reason: Msg };

export async function executePdStep(step: PdStep, pd: PdPerformer): Promise<PdOutcome> {
  const a: PdAction = step.action;
  switch (a.kind) {
    case 'delete-store': {
      const r = await pd.perform(a);
      if (!r.ok) return { ok: false, reason: r.error.message };
      const { store, removePeerBefore, limitNotRecorded } = r.value;
      const note = limitNotRecorded
        ? msg('run.pd.deletedLimitUnknown', { id: store.id, state: msg(`state.${store.state}`), reason: limitNotRecorded.message })
        : msg('run.pd.deleted', { id: store.id, state: msg(`state.${store.state}`) });
      return { ok: true, note, ...(removePeerBefore !== undefined ? { removePeerLimitBefore: removePeerBefore } : {}) };
    }
    case 'cancel-scale-in': {
      const r = await pd.perform(a);
      if (!r.ok) return { ok: false, reason: r.error.message };
      const { store, limitRestore } = r.value;
      const state = msg(`state.${store.state}`);
      if (limitRestore && !limitRestore.ok)
        return { ok: true, note: msg('run.pd.cancelledLimitFailed', { id: store.id, state, reason: limitRestore.error.message }) };
      return { ok: true, note: msg('run.pd.cancelled', { id: store.id, state }) };
    }
    case 'force-tombstone': {
      const r = await pd.perform(a);
      return r.ok ? { ok: true, note: msg('run.pd.forced', { id: r.value.id }) } : { ok: false, reason: r.error.message };
    }
    case 'remove-tombstones': {
      const r = await pd.perform(a);
      if (!r.ok) return { ok: false, reason: r.error.message };
      const kept = r.value.remaining;
      return {
        ok: true,
        note: kept === undefined ? msg('run.pd.tombstonesUnconfirmed') : kept.length ? msg('run.pd.tombstonesKept', { kept }) : msg('run.pd.tombstonesAll'),
      };
    }
    case 'enable-placement-rules': {
      const r = await pd.perform(a);
      return r.ok ? { ok: true, note: msg('run.pd.placementOn') } : { ok: false, reason: r.error.message };
    }
    case 'set-store-limit': {
      const r = await pd.perform(a);
      return r.ok ? { ok: true, note: msg('run.pd.limitSet', { id: a.storeId }) } : { ok: false, reason: r.error.message };
    }
  }
}
