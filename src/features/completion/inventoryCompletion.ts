// Completion in inventory.ini: group names in headers, host variables on host lines, [all:vars] keys.
// It reads the model the extension keeps: a header needs only its group names, anything else the model
// re-read from the previous one (what the keystroke changed), never a parse of the whole document.

import * as vscode from 'vscode';
import { completionsAt, inHeader } from '../../core/inventory/complete';
import { parseInventory } from '../../core/inventory/parse';
import { langFromDisplay, render } from '../../core/l10n/message';
import type { Ctx } from '../../context';

export class InventoryCompletion implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly registration = vscode.languages.registerCompletionItemProvider({ scheme: 'file', pattern: '**/inventory.ini' }, this, '[', ' ');

  constructor(private readonly ctx: Ctx) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const lineText = doc.lineAt(pos.line).text;
    const shared = this.ctx.inventories.forFile(doc.uri)?.inventory;
    const inv = shared && inHeader(lineText.slice(0, pos.character)) ? shared : (this.ctx.inventories.modelOf(doc) ?? parseInventory(doc.getText()));
    const lang = langFromDisplay(vscode.env.language);
    return completionsAt(inv, pos.line, pos.character, lineText).map((c) => {
      const item = new vscode.CompletionItem(c.label, c.kind === 'group' ? vscode.CompletionItemKind.Module : vscode.CompletionItemKind.Property);
      item.insertText = c.insertText;
      item.detail = c.detail && render(c.detail, lang);
      return item;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
