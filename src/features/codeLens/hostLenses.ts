// CodeLens on each TiFlash host line of inventory.ini: its state from the cluster's read model, and the
// actions the model allows. A line whose text is not what the model was computed from gets no lens
// (typing ahead of the re-parse), so no lens ever shows another host's store.

import * as vscode from 'vscode';
import { joinParts, lensTitle } from '../../core/model/present';
import type { Ctx } from '../../context';
import { isInventoryFile } from '../../inventories';
import { stateCodicon } from '../stateStyle';
import { displayLang } from '../text';

export class HostLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.disposables = [
      this.emitter,
      vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: '**/inventory.ini' }, this),
      ctx.stores.onDidChange(() => this.emitter.fire()),
    ];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isInventoryFile(doc.uri)) return [];
    const cluster = this.ctx.inventories.forFile(doc.uri);
    if (!cluster) return [];
    const model = this.ctx.stores.model(cluster);
    const parsed = cluster.inventory.lines;
    const lang = displayLang();
    const out: vscode.CodeLens[] = [];
    for (const row of model.rows) {
      const line = row.host?.line?.line;
      if (line === undefined || line >= doc.lineCount || doc.lineAt(line).text !== parsed[line]) continue;
      const range = new vscode.Range(line, 0, line, 0);
      const args = [cluster.inventoryUri, row.host!.name];
      out.push(
        new vscode.CodeLens(range, { title: `${stateCodicon(row.state)} ${joinParts(lensTitle(row), lang)}`, command: 'tiflash.revealHost', arguments: args }),
      );
      if (row.actions.scaleOut) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Scale out'), command: 'tiflash.scaleOut', arguments: args }));
      if (row.actions.scaleIn) out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Scale in'), command: 'tiflash.scaleIn', arguments: args }));
      if (row.actions.cancelScaleIn)
        out.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Cancel scale-in'), command: 'tiflash.cancelScaleIn', arguments: args }));
    }
    return out;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
