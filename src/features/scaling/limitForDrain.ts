// A drain held only by the draining store's own remove limit: the operator is offered a higher limit for the
// drain (once, with the exact value), and the limit is set back when the wait ends, whatever its end.

import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import type { LimitRaise } from '../../core/pd/stuckDrain';
import { runApi } from './runApi';
import type { WaitContext } from './waitStep';
import { show } from '../text';

export class LimitForDrain {
  private offered = false;
  private raised?: LimitRaise;

  constructor(
    private readonly w: WaitContext,
    private readonly index: number,
  ) {}

  /** Asks once; `over` says whether the wait has ended meanwhile (then nothing is raised). */
  offer(raise: LimitRaise, over: () => boolean): void {
    if (this.offered) return;
    this.offered = true;
    const text = show(msg('exec.drainLimit.offer', { id: raise.storeId, from: raise.from, to: raise.to }));
    void this.w.operator.remind(text, vscode.l10n.t('Raise the limit for the drain')).then(async (yes) => {
      if (yes && !over() && (await this.set(raise, raise.to))) this.raised = raise;
    });
  }

  /** Sets the raised limit back (a limit of 0 cannot be set again through PD's API: the operator is told). */
  async restore(): Promise<void> {
    const r = this.raised;
    this.raised = undefined;
    if (!r) return;
    if (r.from > 0) await this.set(r, r.from);
    else this.w.operator.tell('warning', show(msg('exec.drainLimit.wasZero', { id: r.storeId, to: r.to })));
  }

  private async set(raise: LimitRaise, rate: number): Promise<boolean> {
    const api = runApi(this.w.ctx, this.w.cluster, this.w.journal, this.index);
    if (!api) return false;
    try {
      const r = await api.perform({ kind: 'set-store-limit', storeId: raise.storeId, type: 'remove', rate });
      this.w.operator.tell(r.ok ? 'info' : 'error', show(r.ok ? msg('exec.drainLimit.set', { id: raise.storeId, rate }) : r.error.message));
      return r.ok;
    } finally {
      api.dispose();
    }
  }
}
