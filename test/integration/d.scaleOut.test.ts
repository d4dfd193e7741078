// Scale-out in the real extension host: the inventories are edited and the six playbooks run in an
// integrated terminal; create_users.yml -k asks for a password, which the test types like a person.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import { hostsUri, inventoryUri, plannedRuns, playbookSteps, recordedCalls, recordedRuns, resetRecord } from './helpers';

describe('scale-out', function () {
  this.timeout(90_000);

  it('adds 192.168.0.20 to both inventories and runs the playbooks in order with the planned limits', async () => {
    resetRecord();
    const running = vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), '192.168.0.20', { assumeYes: true });
    let finished = false;
    void running.then(() => (finished = true));
    // answer the SSH password prompt of create_users.yml -k in the terminal, as an operator would
    while (!finished && !recordedCalls().some((c) => c.playbook === 'create_users')) {
      vscode.window.terminals.find((t) => t.name.includes('192.168.0.20'))?.sendText('secret', true);
      await new Promise((r) => setTimeout(r, 1500));
    }
    const run = await running;
    assert.equal(run?.status, 'done');
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)), 'the recorded order, limits and tags are the plan');
    const calls = recordedCalls();
    assert.deepEqual([...new Set(calls.map((c) => c.playbook))], ['create_users', 'deploy_ntp', 'bootstrap', 'deploy', 'start', 'rolling_update_monitor']);
    const only = (pb: string) => calls.filter((c) => c.playbook === pb).map((c) => [c.host, c.limit]);
    assert.deepEqual(only('create_users'), [['192.168.0.20', '192.168.0.20']]);
    assert.ok(only('deploy_ntp').length > 5, 'deploy_ntp runs on every host of hosts.ini');
    for (const pb of ['bootstrap', 'deploy', 'start']) assert.deepEqual(only(pb), [['192.168.0.20', '192.168.0.20']]);
    assert.ok(calls.filter((c) => c.playbook === 'rolling_update_monitor').every((c) => c.tags === 'prometheus'));
    const inventory = fs.readFileSync(inventoryUri().fsPath, 'utf8');
    assert.match(inventory, /\[monitored_servers\][^[]*^192\.168\.0\.20$/m);
    assert.match(inventory, /\[tiflash_servers\][^[]*^192\.168\.0\.20$/m);
    assert.match(fs.readFileSync(hostsUri().fsPath, 'utf8'), /\[servers\][^[]*^192\.168\.0\.20$/m);
  });

  it('refuses a name that is not an IP before anything runs', async () => {
    const before = fs.readFileSync(inventoryUri().fsPath, 'utf8');
    resetRecord();
    const run = await vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), 'tiflash.example.com', { assumeYes: true });
    assert.equal(run?.status, 'aborted');
    assert.deepEqual(recordedCalls(), []);
    assert.equal(fs.readFileSync(inventoryUri().fsPath, 'utf8'), before);
  });
});

describe('unsaved inventories', function () {
  this.timeout(30_000);

  it('stops before an edit or a playbook while inventory.ini has unsaved changes, and saves nothing', async () => {
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    resetRecord();
    try {
      const run = await vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), '192.168.0.21', { assumeYes: true });
      assert.equal(run?.status, 'aborted');
      assert.equal(run?.steps[0].status, 'failed', 'not even the first edit ran');
      assert.ok(doc.isDirty, 'the operator\'s change is still unsaved');
      assert.ok(!fs.readFileSync(inventoryUri().fsPath, 'utf8').includes('192.168.0.21'));
      assert.deepEqual(recordedCalls(), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
