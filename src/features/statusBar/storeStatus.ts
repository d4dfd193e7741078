// The status bar item: the cluster's TiFlash summary, or while a store drains its region count, rate and ETA.

import * as vscode from 'vscode';
import { stateLabel, type HostStateLabel } from '../../core/pd/match';
import { formatDuration } from '../../core/poll/drain';
import type { Ctx } from '../../context';
import { VIEW_ID } from '../hostsView/hostsView';
import { stateText } from '../stateStyle';

export class StoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tiflash.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.item.name = vscode.l10n.t('TiFlash stores');
    this.item.command = `${VIEW_ID}.focus`;
    this.disposables = [this.item, ctx.stores.onDidChange(() => this.update()), ctx.inventories.onDidChange(() => this.update())];
  }

  private update(): void {
    const clusters = this.ctx.inventories.list();
    if (!clusters.length) return this.item.hide();
    const counts = new Map<HostStateLabel, number>();
    let draining: string | undefined;
    let unreachable = false;
    for (const cluster of clusters) {
      const live = this.ctx.stores.get(cluster);
      if (live?.error) unreachable = true;
      for (const s of this.ctx.stores.states(cluster)) {
        const label = stateLabel(s);
        if (label === 'NotInPd' || label === 'Tombstone') continue;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        if (s.store?.state === 'Offline' && !draining) {
          const p = this.ctx.stores.drain(cluster, s.store.id);
          const rate = p?.rate ? ` · ${vscode.l10n.t('{0}/s', p.rate.toFixed(1))}` : '';
          const eta = p?.etaSeconds !== undefined ? ` · ${vscode.l10n.t('ETA {0}', formatDuration(p.etaSeconds))}` : '';
          draining = `$(sync~spin) ${vscode.l10n.t('TiFlash store {0}: {1} regions', s.store.id, s.store.regionCount)}${rate}${eta}`;
        }
      }
    }
    const summary = (['Up', 'Offline', 'Disconnected', 'Down'] as HostStateLabel[])
      .filter((l) => counts.get(l))
      .map((l) => `${counts.get(l)} ${stateText(l)}`)
      .join(', ');
    if (!vscode.workspace.isTrusted) {
      this.item.text = `$(shield) ${vscode.l10n.t('TiFlash: untrusted')}`;
      this.item.backgroundColor = undefined;
    } else if (unreachable) {
      this.item.text = `$(warning) ${vscode.l10n.t('TiFlash: PD unreachable')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = draining ?? `$(database) ${vscode.l10n.t('TiFlash {0}', summary || vscode.l10n.t('no stores'))}`;
      this.item.backgroundColor = undefined;
    }
    this.item.tooltip = vscode.l10n.t('TiFlash stores in PD. Click to open the TiFlash Hosts view.');
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
