// CodeLens on each TiFlash host line of inventory.ini: its store state, and Scale out / Scale in.

import * as vscode from 'vscode';
import { stateLabel } from '../../core/pd/match';
import type { Ctx } from '../../context';
import { isInventoryFile } from '../../inventories';
import { canScaleIn, canScaleOut, stateCodicon, stateText } from '../stateStyle';

export class HostLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.disposables = [
      this.emitter,
      vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: '**/inventory.ini' }, this),
      ctx.inventories.onDidChange(() => this.emitter.fire()),
      ctx.stores.onDidChange(() => this.emitter.fire()),
    ];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isInventoryFile(doc.uri)) return [];
    const cluster = this.ctx.inventories.forFile(doc.uri);
    if (!cluster) return [];
    const pdKnown = !!this.ctx.stores.get(cluster)?.stores;
    const out: vscode.CodeLens[] = [];
    for (const s of this.ctx.stores.states(cluster)) {
      const host = s.host;
      if (!host?.line || host.line.line >= doc.lineCount) continue;
      const range = new vscode.Range(host.line.line, 0, host.line.line, 0);
      const label = stateLabel(s);
      const args = [cluster.inventoryUri, host.name];
      const state = pdKnown
        ? `${stateCodicon(label)} ${stateText(label)}${s.store ? ` · ${vscode.l10n.t('store {0}', s.store.id)} · ${vscode.l10n.t('{0} regions', s.store.regionCount)}` : ''}`
        : `$(question) ${vscode.l10n.t('PD state unknown')}`;
      out.push(new vscode.CodeLens(range, { title: state, command: 'tiflash.revealHost', arguments: args }));
      if (pdKnown && canScaleOut(label)) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Scale out'), command: 'tiflash.scaleOut', arguments: args }));
      if (pdKnown && canScaleIn(label)) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Scale in'), command: 'tiflash.scaleIn', arguments: args }));
      if (pdKnown && label === 'Offline') out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Cancel scale-in'), command: 'tiflash.cancelScaleIn', arguments: args }));
    }
    return out;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
