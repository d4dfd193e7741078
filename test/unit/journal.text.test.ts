// Reading the operation journal: the history of a folder, one run step by step (exit codes, PD requests and
// answers, recaps, the operator's choices, the wipe notice), a step's own lines of Ansible's log, and the CLI.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isCliError } from '../../src/cli/io';
import { journal } from '../../src/cli/journal';
import { render } from '../../src/core/l10n/message';
import { readProcessLog } from '../../src/core/run/ansibleLog';
import { appendJournal, journalPath, readJournal, summarizeRuns } from '../../src/core/run/journal';
import { entriesOfRun, historyText, localTime, runText, stepProcess } from '../../src/core/run/journalText';
import { commandLine } from '../../src/core/plan/shell';
import type { Plan } from '../../src/core/plan/types';
import { RUN_ID, STOP_PIDS, T0, writeDemoJournal } from '../support/journalFixture';
import { repoRoot } from '../support/paths';

const HAN = /\p{Script=Han}/u;

describe('operation journal, read', () => {
  let dir: string;
  let plan: Plan;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
    plan = await writeDemoJournal(dir);
    // a second, newer run that never ended, and a line that is not ours
    await appendJournal(
      dir,
      'run-0002',
      {
        kind: 'run-started',
        who: { user: 'ops', hostname: 'ops-2', tool: 'tiflash-ansible 0.1.0 (CLI)' },
        operation: 'remove-tombstones',
        target: 'PD',
        steps: [],
        warnings: [],
      },
      new Date(T0 + 3_600_000),
    );
    fs.appendFileSync(journalPath(dir), 'not json\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the runs newest first with who, when and how they ended', async () => {
    const text = historyText(summarizeRuns(await readJournal(dir)), journalPath(dir), 'en');
    const lines = text.trim().split('\n');
    assert.match(lines[0], /^Operations recorded in .*tiflash-operations\.jsonl \(newest first\):$/);
    assert.equal(lines[1], `${localTime(T0 + 3_600_000)}  removal of Tombstone records PD  no end recorded  ops@ops-2  run-0002`);
    assert.equal(lines[2], `${localTime(T0 + 1000)}  scale-in 192.168.0.11  done  tidb@ops-1  ${RUN_ID}`);
    assert.match(historyText([], 'x.jsonl', 'zh-cn'), HAN);
  });

  it('tells one run step by step: commands, PD requests and answers, exit codes, recaps, choices and the wipe notice', async () => {
    const text = runText(entriesOfRun(await readJournal(dir), RUN_ID), 'en')!;
    assert.match(
      text,
      /^Operation: scale-in of 192\.168\.0\.11\nStarted .* by tidb@ops-1 \(tiflash-ansible 0\.1\.0 \(VS Code\)\); run run-0001\nEnded .*: done\n/,
    );
    for (const s of plan.steps) if (s.kind === 'playbook') assert.ok(text.includes(`\n    ${commandLine(s.argv)}\n`), `the command of ${s.id}`);
    assert.match(text, / 1\. Delete store 53 \(192\.168\.0\.11:3930\) in PD: it goes Offline\n {4}DELETE \/pd\/api\/v1\/store\/53\n/);
    assert.match(text, /PD DELETE \/pd\/api\/v1\/store\/53 answered 200: null/);
    assert.match(text, /PD GET \/pd\/api\/v1\/store\/53 answered 200: \{"store":\{"id":53,"state_name":"Offline"\}\}/);
    assert.match(text, /done: PD reads store 53 Offline now\./);
    // the stop step: failed with its exit code, retried, then done with its recap
    const stop = text.slice(text.indexOf('Stop TiFlash on 192.168.0.11'), text.indexOf('Remove 192.168.0.11'));
    const order = [
      'started',
      'runs as process 4242',
      'exit code 4',
      'PLAY RECAP of 192.168.0.11: ok=0 changed=0 unreachable=1',
      'verdict: 192.168.0.11 was unreachable.',
      'failed: 192.168.0.11 was unreachable.',
      'the operator chose Retry',
      'started',
      'runs as process 4343',
      'exit code 0',
      'PLAY RECAP of 192.168.0.11: ok=3 changed=1',
      'done',
    ];
    let at = 0;
    for (const o of order) {
      const i = stop.indexOf(o, at);
      assert.ok(i >= 0, `"${o}" after position ${at} in\n${stop}`);
      at = i + o.length;
    }
    assert.equal(stop.split('exit code 4').length - 1, 1, 'the exit code once per attempt');
    assert.match(text, /- \[tiflash_servers\] 192\.168\.0\.11/);
    assert.match(text, /Scale-in does not delete data\. Before 192\.168\.0\.11 runs TiFlash again, delete: \/data1\/tiflash\/data, \/data2\/tiflash\/data\n/);
    assert.match(text, /Ends when PD reports store 53 Tombstone/);
    assert.equal(runText(entriesOfRun(await readJournal(dir), 'nope'), 'en'), undefined);
  });

  it('tells the same run in Chinese with no English sentence in the frame', async () => {
    const text = runText(entriesOfRun(await readJournal(dir), RUN_ID), 'zh-cn')!;
    assert.match(text, /^操作：192\.168\.0\.11 的缩容\n/);
    assert.match(text, /操作员选择了重试/);
    // Ansible's own recap words (failed=0) stay as Ansible prints them
    assert.doesNotMatch(text, /\b(started|done|failed|exit code|answered)\b(?!=)/);
  });

  it("finds each playbook step's own lines of Ansible's log, the last attempt's", async () => {
    const entries = entriesOfRun(await readJournal(dir), RUN_ID);
    const stop = plan.steps.findIndex((s) => s.id === 'stop');
    const p = stepProcess(entries, stop)!;
    assert.equal(p.pid, STOP_PIDS[1]);
    const out = await readProcessLog(path.join(dir, 'log', 'ansible.log'), p.logOffset, p.pid);
    assert.equal(out.trimEnd(), 'TASK [stop TiFlash] ****\nPLAY RECAP ****\n192.168.0.11 : ok=3 changed=1 unreachable=0 failed=0');
    assert.equal(stepProcess(entries, 0), undefined, 'a PD step has no process');
  });

  it('prints the history and one run from the CLI, as text or as JSON with ids and rendered messages', async () => {
    const inventory = path.join(dir, 'inventory.ini');
    fs.writeFileSync(inventory, '[tiflash_servers]\n');
    let out = '';
    const write = (t: string) => void (out += t);
    assert.equal(await journal({ inventory, lang: 'en' }, write), 0);
    assert.match(out, /scale-in 192\.168\.0\.11 {2}done {2}tidb@ops-1 {2}run-0001/);
    out = '';
    assert.equal(await journal({ inventory, run: RUN_ID, lang: 'zh-cn' }, write), 0);
    assert.match(out, /^操作：192\.168\.0\.11 的缩容/);
    out = '';
    await journal({ inventory, format: 'json', lang: 'en' }, write);
    assert.deepEqual(
      (JSON.parse(out) as { run: string }[]).map((r) => r.run),
      ['run-0002', RUN_ID],
    );
    out = '';
    await journal({ inventory, run: RUN_ID, format: 'json', lang: 'en' }, write);
    const entries = JSON.parse(out) as { kind: string; steps: { title: unknown }[] }[];
    assert.equal(entries[0].kind, 'run-started');
    assert.deepEqual(entries[0].steps[0].title, {
      id: 'plan.step.deleteStore',
      args: { id: '53', address: '192.168.0.11:3930' },
      message: 'Delete store 53 (192.168.0.11:3930) in PD: it goes Offline',
    });
    const reason = (re: RegExp) => (e: unknown) => isCliError(e) && re.test(render(e.reason, 'en'));
    await assert.rejects(journal({ inventory, run: 'nope' }, write), reason(/No run nope in .*tiflash-operations\.jsonl/));
    await assert.rejects(journal({ inventory: path.join(dir, 'missing.ini') }, write), reason(/inventory/));
  });

  it('is a command of the tiflash-ansible process, listed in its help', () => {
    const cli = path.join(repoRoot, 'out', 'src', 'cli', 'main.js');
    const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.match(run('journal', '-i', path.join(dir, 'inventory.ini'), '--run', RUN_ID, '--lang', 'en'), /^Operation: scale-in of 192\.168\.0\.11\n/);
    assert.match(run('--help', '--lang', 'zh-cn'), /journal -i FILE \[--run ID\]/);
  });
});
