import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, inventoryUri, waitFor } from './helpers';

const lineOf = (doc: vscode.TextDocument, start: string) =>
  doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith(start));
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('hover, completion and the domain-name fix', () => {
  it('hovers a host line with its resolved variables, their origin and TiFlash defaults', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const line = lineOf(doc, 'TiFlash12-2');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3)));
    assert.match(text, /tcp\\?_port \| `9001` \| this line/);
    assert.match(text, /deploy\\?_dir \| `"\/data2\/deploy"`/);
    assert.match(text, /timezone \| `"Asia\/Shanghai"` \| \\\[all:vars\\\]/);
  });

  it('completes TiFlash variables on a host line, with their defaults', async () => {
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc, '192.168.0.13');
    await editor.edit((e) => e.insert(doc.lineAt(line).range.end, ' '));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.lineAt(line).range.end);
      // ours, not a word-based suggestion: it carries the default port as detail
      const item = list.items.find((i) => i.label === 'flash_service_port' && i.detail === 'port, default 3930');
      assert.ok(item, list.items.map((i) => `${typeof i.label === 'string' ? i.label : i.label.label}:${i.detail}`).join(','));
      assert.equal(item.insertText, 'flash_service_port=');
    } finally {
      await editor.edit((e) => e.delete(new vscode.Range(doc.lineAt(line).range.end.translate(0, -1), doc.lineAt(line).range.end)));
    }
  });

  it('offers the resolved IP for a TiFlash host written as a domain name', async () => {
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc, '192.168.0.13');
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), 'localhost\n'));
    const diag = await waitFor('tiflash-host-not-ip', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'tiflash-host-not-ip'));
    const fix = await waitFor('the quick fix with the resolved IP', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
      return actions.find((a) => a.title.includes('ansible_host=127.0.0.1'));
    });
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(doc.lineAt(line + 1).text, 'localhost ansible_host=127.0.0.1');
    await waitFor('the diagnostic to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'tiflash-host-not-ip'));
    await editor.edit((e) => e.delete(doc.lineAt(line + 1).rangeIncludingLineBreak));
    await doc.save();
  });
});
