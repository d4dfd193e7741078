import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, hostsUri, inventoryUri, waitFor } from './helpers';

/** A diagnostic's code as text (our rules set a plain string). */
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('diagnostics and quick fixes', () => {
  it('reports a TiFlash host missing from hosts.ini and monitored_servers, and a quick fix removes the diagnostic', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l === '192.168.0.13');
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.range.start.line === line);
      return d.length >= 2 ? d : undefined;
    });
    assert.deepEqual(diags.map(codeOf).sort(), ['missing-in-hosts-ini', 'not-monitored']);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diags[0].range);
    const fix = actions.find((a) => /hosts\.ini/.test(a.title));
    assert.ok(fix?.edit, 'a quick fix that edits hosts.ini');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const hostsDoc = await vscode.workspace.openTextDocument(hostsUri());
    assert.match(hostsDoc.getText(), /192\.168\.0\.12\n192\.168\.0\.13\n/);
    await hostsDoc.save();
    await waitFor('diagnostic to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'missing-in-hosts-ini'));
  });

  it('updates as you type', async () => {
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l === '192.168.0.13');
    await editor.edit((e) => e.insert(new vscode.Position(line, 12), ' tcp_port=abc'));
    await waitFor('invalid-port', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'invalid-port'));
    await vscode.commands.executeCommand('undo');
    await waitFor('invalid-port to go', () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'invalid-port'));
    await doc.save();
  });

  it('follows Enter, a host typed key by key and a deleted line: diagnostics stay on their lines', async () => {
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l === '192.168.0.13');
    const codesOn = (n: number) =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.range.start.line === n)
        .map(codeOf);
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), '\n'));
    await waitFor("the host's diagnostics one line down", () => codesOn(line + 1).includes('not-monitored') && !codesOn(line).length);
    for (const key of '192.168.0.99') await editor.edit((e) => e.insert(doc.lineAt(line).range.end, key));
    await waitFor('the typed host checked', () => codesOn(line).includes('missing-in-hosts-ini') && codesOn(line + 1).includes('not-monitored'));
    await editor.edit((e) => e.delete(new vscode.Range(line, 0, line + 1, 0)));
    await waitFor("the host's diagnostics back up", () => codesOn(line).includes('not-monitored') && !codesOn(line + 1).includes('not-monitored'));
    assert.equal(doc.lineAt(line).text, '192.168.0.13');
    await doc.save();
  });
});
