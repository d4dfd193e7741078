// In an untrusted workspace the extension reads and shows, but never calls PD, runs a playbook or edits a file.
// The workspace points at a live PD simulator (the suite's): its request log must stay empty while the
// extension shows everything it can and has had many poll intervals to ask, and after every action.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, changedFiles, inventoryUri, recordedCalls, SUITE_SETTINGS, suiteSim, waitFor, workspaceDir } from '../integration/helpers';

/** Long enough for several polls at the suite's intervals, had the extension started a poller. */
const QUIET_MS = 4 * Math.max(SUITE_SETTINGS['tiflash.pollIntervalActiveMs'], SUITE_SETTINGS['tiflash.pollIntervalIdleMs']);

describe('untrusted workspace', function () {
  this.timeout(60_000);

  it('validates and lists hosts, but sends no request to the PD it points at, runs no playbook and changes no file', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const sim = suiteSim();
    const settings = JSON.parse(fs.readFileSync(path.join(workspaceDir(), '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(settings['tiflash.pdEndpoints'], [sim.url], 'the workspace names the simulator');
    assert.deepEqual(vscode.workspace.getConfiguration('tiflash').get('pdEndpoints'), [], 'a restricted setting: not applied while the workspace is untrusted');
    // the simulator answers (its /sim/ controls are not in the request log): a PD call would have reached it
    assert.equal((await fetch(`${sim.url}/sim/state`)).status, 200);
    // polls pause in an unfocused window: then a quiet log would prove nothing
    assert.equal(vscode.window.state.focused, true, 'the window has the focus');

    const a = await api();
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    await vscode.window.showTextDocument(doc);
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'missing-in-hosts-ini'));
    const inventoryHosts = () => a.hostsView.getChildren().filter((n) => n.kind === 'host' && n.state.host);
    await waitFor('the four TiFlash hosts of the inventory in the hosts view', () => inventoryHosts().length === 4);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    await vscode.commands.executeCommand('tiflash.refresh');
    await new Promise((r) => setTimeout(r, QUIET_MS));
    assert.deepEqual(sim.requests, [], 'no request reached PD after activation, views, CodeLens and a refresh');
    assert.equal(lenses.length, 4, 'one state lens per TiFlash host, and no Scale in / Scale out');

    const cluster = a.ctx.inventories.list()[0];
    const storeNode = { kind: 'host', cluster, state: { host: cluster.tiflash[0], store: { id: '53', state: 'Offline' } } };
    assert.equal(await vscode.commands.executeCommand('tiflash.scaleIn', inventoryUri(), '192.168.0.11', { assumeYes: true }), undefined);
    assert.equal(await vscode.commands.executeCommand('tiflash.scaleOut', inventoryUri(), '192.168.0.30', { assumeYes: true }), undefined);
    assert.ok(!(await vscode.commands.executeCommand('tiflash.forceTombstone', storeNode, { assumeYes: true })), 'refused: no run');
    await vscode.commands.executeCommand('tiflash.removeTombstones', storeNode);
    await vscode.commands.executeCommand('tiflash.resume', { assumeYes: true });
    assert.deepEqual(sim.requests, [], 'no request reached PD after scale-in, scale-out, force Tombstone, remove Tombstones, resume');
    assert.deepEqual(recordedCalls(), [], 'no playbook ran');
    assert.deepEqual(changedFiles(), [], 'every file is as the suite started it');
  });
});
