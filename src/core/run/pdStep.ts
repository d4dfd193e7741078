// Executes a plan's PD step: sends exactly the request the operator saw, then reads PD back, because a 200 is
// not proof (PD 4.0 answers 200 to errors it swallows). Every exchange is returned for the journal.

import { msg, type Msg } from '../l10n/message';
import type { PdRequest } from '../pd/requests';
import { lifecycleOf, type Store, type StoreId } from '../pd/types';
import type { PdStep } from '../plan/types';

export type PortResult<T> = { ok: true; value: T } | { ok: false; error: Msg };

/** What the executor needs from PD (the extension and the CLI give it their PD module). */
export interface PdPort {
  /** Sends exactly this request: PD's status and body, or why nothing came back. */
  send(request: PdRequest): Promise<PortResult<{ status: number; body: string }>>;
  /** The complete store list (Tombstones included). */
  stores(): Promise<PortResult<readonly Store[]>>;
  /** PD 4.0's remove-peer limit of the store per minute; undefined where PD has none (3.1). */
  removePeerLimit(id: StoreId): Promise<PortResult<number | undefined>>;
  placementEnabled(): Promise<PortResult<boolean>>;
}

export interface Exchange {
  request: PdRequest;
  status?: number;
  answer?: string;
  error?: Msg;
}

export type PdOutcome = ({ ok: true; note: Msg; removePeerLimitBefore?: number } | { ok: false; reason: Msg }) & { exchanges: Exchange[] };

export async function executePdStep(step: PdStep, port: PdPort): Promise<PdOutcome> {
  const exchanges: Exchange[] = [];
  const fail = (reason: Msg): PdOutcome => ({ ok: false, reason, exchanges });
  const ok = (note: Msg, removePeerLimitBefore?: number): PdOutcome => ({ ok: true, note, exchanges, ...(removePeerLimitBefore !== undefined ? { removePeerLimitBefore } : {}) });

  let limitBefore: number | undefined;
  let tombstonesBefore: Store[] = [];
  if (step.action === 'delete-store' && step.storeId) {
    const l = await port.removePeerLimit(step.storeId);
    if (l.ok) limitBefore = l.value;
  }
  if (step.action === 'remove-tombstones') {
    const before = await port.stores();
    if (!before.ok) return fail(msg('run.pd.readFailed', { error: before.error }));
    tombstonesBefore = before.value.filter((s) => s.state === 'Tombstone');
  }

  const sent = await port.send(step.request);
  if (!sent.ok) {
    exchanges.push({ request: step.request, error: sent.error });
    return fail(msg('run.pd.unanswered', { method: step.request.method, path: step.request.path, error: sent.error }));
  }
  exchanges.push({ request: step.request, status: sent.value.status, answer: sent.value.body });
  if (sent.value.status !== 200) return fail(msg('run.pd.refused', { method: step.request.method, path: step.request.path, status: sent.value.status, answer: quote(sent.value.body) }));

  if (step.action === 'enable-placement-rules') {
    const on = await port.placementEnabled();
    if (!on.ok) return fail(msg('run.pd.readFailed', { error: on.error }));
    return on.value ? ok(msg('run.pd.placementOn')) : fail(msg('run.pd.placementStillOff'));
  }
  if (step.action === 'restore-remove-peer-limit') return ok(msg('run.pd.limitSet', { id: step.storeId ?? '?' }));

  const after = await port.stores();
  if (!after.ok) return fail(msg('run.pd.readBackFailed', { error: after.error }));
  if (step.action === 'remove-tombstones') {
    const kept = tombstonesBefore.filter((t) => after.value.some((s) => s.id === t.id));
    const removed = tombstonesBefore.filter((t) => !kept.includes(t));
    return ok(kept.length ? msg('run.pd.tombstonesSome', { removed: ids(removed), kept: ids(kept) }) : msg('run.pd.tombstonesAll', { removed: ids(removed) }));
  }
  const store = after.value.find((s) => s.id === step.storeId);
  if (!store) return fail(msg('run.pd.storeGone', { id: step.storeId ?? '?' }));
  const state = msg(`state.${store.state}`);
  switch (step.action) {
    case 'delete-store':
      return store.state === 'Offline' || store.state === 'Tombstone' ? ok(msg('run.pd.deleted', { id: store.id, state }), limitBefore) : fail(msg('run.pd.notDeleted', { id: store.id, state }));
    case 'cancel-offline':
      return lifecycleOf(store.state) === 'Up' ? ok(msg('run.pd.cancelled', { id: store.id, state })) : fail(msg('run.pd.notCancelled', { id: store.id, state }));
    case 'force-tombstone':
      return store.state === 'Tombstone' ? ok(msg('run.pd.forced', { id: store.id })) : fail(msg('run.pd.notForced', { id: store.id, state }));
  }
}

const ids = (stores: readonly Store[]) => (stores.length ? stores.map((s) => s.id) : ['-']);
const quote = (body: string) => body.trim().slice(0, 300) || '(empty)';
