// A playbook step as the extension runs it: a VS Code task with the step's argument vector (no shell), its
// pid and exit code from the task's process, its outcome from Ansible's log, and the terminal left to review.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlaybookStep } from '../../src/core/plan/types';
import { logSize } from '../../src/core/run/ansibleLog';
import { logTarget, runPlaybook, terminalOf } from '../../src/features/scaling/playbookTask';
import { playbookEvent } from '../../src/features/scaling/stepExecutor';
import { recordedCalls, resetRecord, workspaceDir } from './helpers';
import { limitedStep, read } from './run.support';

const step = (playbook: string, limit: string, extraArgs: string[] = []) => limitedStep(playbook, limit, {}, { extraArgs });

let attempt = 0;
async function run(s: PlaybookStep) {
  const dir = vscode.Uri.file(workspaceDir());
  const log = await logTarget(dir.fsPath);
  const label = `TiFlash test ${s.playbook} ${++attempt}`;
  const r = await runPlaybook({
    dir,
    step: s,
    id: { run: 'test', step: s.id, attempt },
    label,
    log,
    logOffset: await logSize(log.path),
    started: () => Promise.resolve(),
    typedAway: () => undefined,
  });
  return { r, label, event: playbookEvent(0, s, r) };
}

describe('a playbook step', function () {
  this.timeout(60_000);

  it('whose limit matches no host in its play fails, although ansible-playbook exits 0', async () => {
    // a play on [tiflash_servers] limited to a TiDB host: Ansible prints "skipping: no hosts matched" and exits 0
    const file = path.join(workspaceDir(), 'tiflash-only.yml');
    fs.writeFileSync(file, '- hosts: tiflash_servers\n  connection: local\n  gather_facts: false\n  tasks:\n    - ansible.builtin.debug: { msg: hi }\n');
    try {
      const { r, event } = await run(step('tiflash-only.yml', '192.168.0.2'));
      assert.equal(r.exitCode, 0, 'Ansible itself reports success');
      assert.ok(r.pid && r.pid > 0, 'the pid came from the task process');
      assert.equal(event.type, 'step-failed');
      assert.equal(event.type === 'step-failed' && event.reason.id, 'run.recap.noHosts');
      assert.equal(event.type === 'step-failed' && event.exitCode, 0);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("runs its argument vector without a shell, logs to the folder's log, and leaves its terminal open", async () => {
    resetRecord();
    const marker = path.join(workspaceDir(), 'shell-ran');
    // a shell would run the command substitution; ansible-playbook just gets a (harmless) extra variable
    const { r, event, label } = await run(step('stop.yml', '192.168.0.11', ['-e', `note=$(touch ${marker})`]));
    assert.equal(event.type, 'step-done', JSON.stringify(event));
    assert.equal(r.exitCode, 0);
    assert.ok(r.recap.hosts.get('192.168.0.11')?.changed, "the recap came from Ansible's log");
    assert.equal(fs.existsSync(marker), false, 'no shell ran $(…)');
    assert.deepEqual(
      recordedCalls().map((c) => [c.playbook, c.host, c.limit]),
      [['stop', '192.168.0.11', '192.168.0.11']],
    );
    assert.match(read(path.join(workspaceDir(), 'log', 'ansible.log')), new RegExp(`p=${r.pid} .*PLAY RECAP`), 'ansible.cfg log_path = log/ansible.log');
    const terminal = await terminalOf(r.pid!);
    assert.ok(terminal, `the terminal of process ${r.pid} is still open for review`);
    assert.ok(terminal.name.includes(label), terminal.name);
  });

  it('sets ANSIBLE_LOG_PATH to <folder>/log/ansible.log, creating the folder, when ansible.cfg names no log', async () => {
    const cfg = path.join(workspaceDir(), 'ansible.cfg');
    const before = read(cfg);
    const logDir = path.join(workspaceDir(), 'log');
    fs.writeFileSync(cfg, before.replace(/^log_path.*$/m, ''));
    fs.rmSync(logDir, { recursive: true, force: true });
    try {
      const { event, r } = await run(step('stop.yml', '192.168.0.11'));
      assert.equal(event.type, 'step-done', JSON.stringify(event));
      assert.match(read(path.join(logDir, 'ansible.log')), new RegExp(`p=${r.pid} .*PLAY RECAP`));
    } finally {
      fs.writeFileSync(cfg, before);
    }
  });
});
