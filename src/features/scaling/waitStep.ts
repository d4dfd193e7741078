// A wait step: follows the shared PD monitor until the step's end condition, in a progress notification that
// says what it waits for, how far the drain is, and "PD unreachable" when polls fail (never a frozen ETA).
// Cancel (the notification's, or a cancel of the scale-in) ends the step as cancelled, not failed.

import * as vscode from 'vscode';
import { msg, type Msg } from '../../core/l10n/message';
import type { WaitStep } from '../../core/plan/types';
import { durationMsg } from '../../core/model/time';
import type { RunEvent } from '../../core/run/engine';
import { waitVerdict, type Observation, type WaitState } from '../../core/run/wait';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { DrainCheck } from './drainCheck';
import { LimitForDrain } from './limitForDrain';
import type { RunJournal } from './runJournal';
import type { Operator } from './operator';
import { show } from '../text';

export interface WaitContext {
  ctx: Ctx;
  cluster: Cluster;
  operator: Operator;
  journal: RunJournal;
  /** Aborted when the wait must end from outside (a cancel of this scale-in); the reason is the signal's. */
  signal: AbortSignal;
}

export function runWait(w: WaitContext, index: number, step: WaitStep): Promise<RunEvent> {
  const { ctx, cluster } = w;
  return new Promise((resolve) => {
    let state: WaitState = { startedAt: Date.now(), missing: 0 };
    const drain = step.until === 'tombstone' && step.storeId ? new DrainCheck(ctx, cluster, step.storeId) : undefined;
    let lastAt: number | undefined;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: show(step.title), cancellable: true },
      (progress, token) =>
        new Promise<void>((done) => {
          const cleanup: vscode.Disposable[] = [];
          let over = false;
          const raise = new LimitForDrain(w, index);
          const finish = (e: RunEvent) => {
            if (over) return;
            over = true;
            vscode.Disposable.from(...cleanup).dispose();
            void raise.restore();
            done();
            resolve(e);
          };
          const cancelled = (reason: Msg) => finish({ type: 'step-cancelled', index, at: Date.now(), reason });
          const report = (message: string) => {
            progress.report({ message });
            w.operator.waitProgress(message);
          };
          const check = () => {
            const live = ctx.stores.get(cluster);
            if (!live) return report(show(msg('exec.noPd')));
            // each snapshot counts once, and only one taken after the wait began (not one from before the delete)
            if (!live.error && (!live.stores || live.updatedAt === undefined || live.updatedAt < state.startedAt || live.updatedAt === lastAt)) return;
            lastAt = live.updatedAt;
            const obs: Observation = live.error ? { ok: false, error: live.error.message } : { ok: true, stores: live.stores!.stores };
            const v = waitVerdict(step, obs, Date.now(), state);
            if (v.kind === 'done') return finish({ type: 'step-done', index, at: Date.now(), note: v.note });
            if (v.kind === 'failed') return finish({ type: 'step-failed', index, at: Date.now(), reason: v.reason });
            state = v.state;
            const stuck = obs.ok ? drain?.explain(Date.now()) : undefined;
            const offer = drain?.offer();
            if (offer) raise.offer(offer, () => over);
            report(stuck ?? withEta(show(v.detail), obs.ok ? drainEta(w, step) : undefined));
          };
          const onAbort = () => cancelled(w.signal.reason as Msg);
          w.signal.addEventListener('abort', onAbort);
          cleanup.push(
            ctx.stores.onDidChange(check),
            token.onCancellationRequested(() => cancelled(msg('exec.wait.cancelled'))),
            { dispose: () => w.signal.removeEventListener('abort', onAbort) },
          );
          w.operator.waitStarted(() => cancelled(msg('exec.wait.cancelled')));
          if (w.signal.aborted) return onAbort();
          ctx.stores.refresh();
          check();
        }),
    );
  });
}

function drainEta(w: WaitContext, step: WaitStep): number | undefined {
  return step.until === 'tombstone' && step.storeId ? w.ctx.stores.drain(w.cluster, step.storeId)?.etaSeconds : undefined;
}

function withEta(detail: string, eta: number | undefined): string {
  return eta === undefined ? detail : vscode.l10n.t('{0} About {1} left at the current rate.', detail, show(durationMsg(eta)));
}
