// Hover on a host line of inventory.ini: resolved variables with where each comes from (a TiFlash
// instance's own values first, secrets masked), and the live PD store.

import * as vscode from 'vscode';
import { describeHost, hostLineAt } from '../../core/inventory/describe';
import { shownValue } from '../../core/inventory/secrets';
import { stateLabel } from '../../core/pd/match';
import type { Ctx } from '../../context';
import { stateText } from '../stateStyle';

export class HostHover implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.registration = vscode.languages.registerHoverProvider({ scheme: 'file', pattern: '**/inventory.ini' }, this);
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const cluster = this.ctx.inventories.forFile(doc.uri);
    // the model of the text as it is now (the shared one, or re-read from it): lines typed a moment ago included
    const inv = this.ctx.inventories.modelOf(doc);
    const line = inv && hostLineAt(inv, pos.line);
    if (!cluster || !inv || !line || pos.character > line.end) return undefined;
    const host = line.names[0];
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(host)}**${line.names.length > 1 ? ` ${vscode.l10n.t('(and {0} more from the range)', line.names.length - 1)}` : ''}\n\n`);
    const state = this.ctx.stores.states(cluster).find((s) => s.host?.name === host);
    if (state?.store) {
      md.appendMarkdown(`${vscode.l10n.t('PD store {0}: {1}, {2} regions', state.store.id, stateText(stateLabel(state)), state.store.regionCount)}\n\n`);
    } else if (state) md.appendMarkdown(`${vscode.l10n.t('Not a store in PD')}\n\n`);
    const rows = describeHost(inv, host);
    md.appendMarkdown(`| ${vscode.l10n.t('Variable')} | ${vscode.l10n.t('Value')} | ${vscode.l10n.t('From')} |\n|---|---|---|\n`);
    for (const r of rows) {
      const from = r.from === 'host' ? vscode.l10n.t('this line') : r.from === 'default' ? vscode.l10n.t('tidb-ansible default') : `[${r.from}:vars]`;
      md.appendMarkdown(`| ${escape(r.key)} | \`${escape(shownValue(r.key, r.value))}\` | ${escape(from)} |\n`);
    }
    return new vscode.Hover(md, new vscode.Range(line.line, line.start, line.line, line.end));
  }

  dispose(): void {
    this.registration.dispose();
  }
}

const escape = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
