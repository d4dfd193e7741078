// The status bar item, rendered from the clusters' read models (core/model/status): the TiFlash summary, a
// draining store's regions, rate and ETA, a stuck drain, or PD unreachable with the age of what is shown.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { joinParts } from '../../core/model/present';
import { statusOf, type StatusKind } from '../../core/model/status';
import type { Ctx } from '../../context';
import { VIEW_ID } from '../hostsView/hostsView';
import { displayLang, show } from '../text';

const ICON: Record<StatusKind, string> = {
  untrusted: '$(shield)',
  reading: '$(loading~spin)',
  unreachable: '$(warning)',
  stuck: '$(warning)',
  draining: '$(sync~spin)',
  summary: '$(database)',
};

export class StoreStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('tiflash.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.item.name = vscode.l10n.t('TiFlash stores');
    this.item.command = `${VIEW_ID}.focus`;
    this.disposables = [this.item, ctx.stores.onDidChange(() => this.update())];
  }

  private update(): void {
    const clusters = this.ctx.inventories.list();
    if (!clusters.length) return this.item.hide();
    const status = statusOf(clusters.map((c) => ({ name: path.basename(c.dir.fsPath), model: this.ctx.stores.model(c) })));
    this.item.text = `${ICON[status.kind]} ${joinParts(status.text, displayLang())}`;
    this.item.backgroundColor = status.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = status.tooltip.map(show).join('\n');
    this.item.show();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
