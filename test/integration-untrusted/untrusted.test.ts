// In an untrusted workspace the extension reads and shows, but never calls PD, runs a playbook or edits a file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, inventoryUri, recordedCalls, waitFor } from '../integration/helpers';

describe('untrusted workspace', () => {
  it('validates and lists hosts, but contacts no PD and changes nothing', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const a = await api();
    const cluster = a.ctx.inventories.list()[0];
    assert.equal(cluster.tiflash.length, 4);
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'missing-in-hosts-ini'));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(a.ctx.stores.get(cluster), undefined, 'no PD client in an untrusted workspace');
    const before = fs.readFileSync(inventoryUri().fsPath, 'utf8');
    for (const cmd of ['tiflash.scaleIn', 'tiflash.scaleOut']) {
      assert.equal(await vscode.commands.executeCommand(cmd, inventoryUri(), cmd.endsWith('In') ? '192.168.0.11' : '192.168.0.30', { assumeYes: true }), undefined);
    }
    assert.equal(fs.readFileSync(inventoryUri().fsPath, 'utf8'), before);
    assert.deepEqual(recordedCalls(), []);
  });
});
