// create_users.yml -k asks for the root SSH password in its terminal. While it waits, the keyboard belongs to
// that terminal: the operator focuses the inventory editor and types the password, and inventory.ini (buffer and
// disk) is unchanged; the password then typed into the terminal reaches Ansible.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { msg } from '../../src/core/l10n/message';
import { logSize } from '../../src/core/run/ansibleLog';
import { logTarget, runPlaybook, terminalOf } from '../../src/features/scaling/playbookTask';
import { playbookEvent } from '../../src/features/scaling/stepExecutor';
import { inventoryUri, recordedCalls, resetRecord, workspaceDir } from './helpers';
import { limitedStep, read } from './run.support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the SSH password prompt', function () {
  this.timeout(60_000);

  it('keeps what is typed while it waits out of the editors, and lets the password reach the terminal', async () => {
    const step = limitedStep('create_users.yml', '192.168.0.11', {
      id: 'create-users',
      title: msg('plan.step.createUsers', { address: '192.168.0.11' }),
      inventory: 'hosts',
      user: { name: 'root', where: msg('args.where.unknown') },
      asksPassword: true,
    });
    resetRecord();
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const before = doc.getText();
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    const dir = vscode.Uri.file(workspaceDir());
    const log = await logTarget(dir.fsPath);
    let pid: number | undefined;
    const typedInto: string[] = [];
    const running = runPlaybook({
      dir,
      step,
      id: { run: 'password-test', step: step.id, attempt: 1 },
      label: 'TiFlash password test',
      log,
      logOffset: await logSize(log.path),
      started: (p) => ((pid = p), Promise.resolve()),
      typedAway: (file) => typedInto.push(file),
    });
    while (pid === undefined) await sleep(100);
    const terminal = await terminalOf(pid);
    assert.ok(terminal, 'the step has its own terminal');
    await sleep(1500); // Ansible is at "SSH password:" now
    assert.equal(vscode.window.activeTerminal, terminal, 'the prompting terminal is the active one');

    // the operator clicks back into inventory.ini and types the password there
    await vscode.window.showTextDocument(doc, { preserveFocus: false, selection: new vscode.Range(doc.lineCount - 1, 0, doc.lineCount - 1, 0) });
    await vscode.commands.executeCommand('type', { text: 'hunter2' });
    await sleep(1000);
    assert.equal(doc.getText(), before, "the editor's text is unchanged");
    assert.equal(doc.isDirty, false, 'nothing is left unsaved');
    assert.equal(read(inventoryUri().fsPath), before, 'inventory.ini on disk is unchanged');

    terminal.sendText('hunter2', true);
    const r = await running;
    assert.equal(playbookEvent(0, step, r).type, 'step-done', `exit ${r.exitCode}`);
    assert.deepEqual(
      recordedCalls().map((c) => [c.playbook, c.host]),
      [['create_users', '192.168.0.11']],
      'the password reached Ansible',
    );
    assert.equal(read(inventoryUri().fsPath), before);
    if (typedInto.length) assert.deepEqual(typedInto, ['inventory.ini'], 'the operator was told what was undone');
  });
});
