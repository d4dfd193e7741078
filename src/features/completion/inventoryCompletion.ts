// Completion in inventory.ini: group names in headers, host variables on host lines, [all:vars] keys.

import * as vscode from 'vscode';
import { completionsAt } from '../../core/inventory/complete';
import { parseInventory } from '../../core/inventory/parse';

export class InventoryCompletion implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly registration = vscode.languages.registerCompletionItemProvider({ scheme: 'file', pattern: '**/inventory.ini' }, this, '[', ' ');

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    // the buffer as typed this instant (the shared model follows it a little later)
    const inv = parseInventory(doc.getText());
    return completionsAt(inv, pos.line, pos.character).map((c) => {
      const item = new vscode.CompletionItem(c.label, c.kind === 'group' ? vscode.CompletionItemKind.Module : vscode.CompletionItemKind.Property);
      item.insertText = c.insertText;
      item.detail = c.detail;
      return item;
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}
