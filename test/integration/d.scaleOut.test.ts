// Scale-out in the real extension host: the inventories are edited, the playbooks run as tasks (create_users.yml
// -k asks for a password in its terminal, which the test types like a person), and the run waits until the new
// store (registered by the demo's start.yml with the simulator) is Up.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import type { Plan } from '../../src/core/plan/types';
import { terminalOf } from '../../src/features/scaling/playbookTask';
import {
  api,
  demoCluster,
  hostsUri,
  inventoryUri,
  plannedRuns,
  playbookSteps,
  recordedCalls,
  recordedRuns,
  resetRecord,
  waitFor,
  workspaceDir,
} from './helpers';
import { isolateEachTest, read, readySim, runEntries, scripted, toldText } from './run.support';

const scaleOut = (host: string, opts: unknown) => vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOut', inventoryUri(), host, opts);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (text: string, line: string) => text.split(/\r?\n/).filter((l) => l === line).length;

/** The terminal of the step that waits for the SSH password, once Ansible shows its prompt. */
async function promptTerminal(): Promise<vscode.Terminal> {
  const a = await api();
  const pid = await waitFor(
    'create_users.yml to start',
    () => {
      const run = a.scaling.runs.forDir(workspaceDir());
      return run?.steps.find((s, i) => s.status === 'running' && s.pid && run.plan.steps[i].kind === 'playbook' && 'asksPassword' in run.plan.steps[i])?.pid;
    },
    60_000,
  );
  const terminal = await terminalOf(pid);
  assert.ok(terminal, 'the password step has a terminal');
  await sleep(1500);
  return terminal;
}

describe('scale-out', function () {
  this.timeout(240_000);
  isolateEachTest();

  it('aborted at the password prompt, then run again: completes, with each line written once and the new store Up', async () => {
    const sim = await readySim();
    resetRecord();
    // 1. the operator closes the prompting terminal instead of typing the password, then chooses Abort
    const decided: string[] = [];
    const first = scripted({ decide: (what, why) => (decided.push(`${what} ${why}`), Promise.resolve('abort')) });
    const aborted = scaleOut('192.168.0.20', first);
    (await promptTerminal()).dispose();
    const r1 = await aborted;
    assert.equal(r1?.status, 'aborted');
    assert.match(decided[0], /Create the deploy user.*create_users\.yml ended without an exit code/s);
    assert.match(toldText(first.told), /was aborted\. It stopped at step 3 .*To go on, run Scale Out on 192\.168\.0\.20 again/s);
    assert.deepEqual(recordedCalls(), [], 'no playbook ran to its end');

    // 2. Scale Out on the same address again: the lines already there are kept, the playbooks run
    resetRecord();
    const second = scripted();
    const running = scaleOut('192.168.0.20', second);
    (await promptTerminal()).sendText('secret', true);
    const run = await running;
    assert.equal(run?.status, 'done', `${JSON.stringify(run?.steps.map((s, i) => [i, s.status, s.reason]))}\n${toldText(second.told)}`);
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)), 'the recorded order, limits and tags are the plan');
    const calls = recordedCalls();
    assert.deepEqual([...new Set(calls.map((c) => c.playbook))], ['create_users', 'deploy_ntp', 'bootstrap', 'deploy', 'start', 'rolling_update_monitor']);
    const only = (pb: string) => calls.filter((c) => c.playbook === pb).map((c) => [c.host, c.limit]);
    assert.deepEqual(only('create_users'), [['192.168.0.20', '192.168.0.20']]);
    assert.ok(only('deploy_ntp').length > 5, 'deploy_ntp runs on every host of hosts.ini');
    for (const pb of ['bootstrap', 'deploy', 'start']) assert.deepEqual(only(pb), [['192.168.0.20', '192.168.0.20']]);
    const inventory = read(inventoryUri().fsPath);
    assert.match(inventory, /\[monitored_servers\][^[]*^192\.168\.0\.20$/m);
    assert.match(inventory, /\[tiflash_servers\][^[]*^192\.168\.0\.20$/m);
    assert.equal(count(inventory, '192.168.0.20'), 2, 'once in [tiflash_servers], once in [monitored_servers]');
    assert.equal(count(read(hostsUri().fsPath), '192.168.0.20'), 1);
    const store = sim.cluster.stores.find((s) => s.address === '192.168.0.20:3930');
    assert.ok(store && store.state === 0, 'start.yml registered the store and the run waited for it');
    assert.ok(run.steps[run.plan.steps.findIndex((s) => s.kind === 'wait')].status === 'done', 'the wait for Up is done');
    const books = (await runEntries(run)).flatMap((e) => (e.kind === 'playbook' ? [e.exitCode] : []));
    assert.deepEqual(books, [0, 0, 0, 0, 0, 0], 'every playbook journaled with its exit code');
  });

  it('refuses a name that is not an IP before anything runs', async () => {
    const before = read(inventoryUri().fsPath);
    resetRecord();
    const run = await scaleOut('tiflash.example.com', scripted());
    assert.equal(run?.status, 'aborted');
    assert.deepEqual(recordedCalls(), []);
    assert.equal(read(inventoryUri().fsPath), before);
  });

  it('offers to enable placement rules when they are off, then plans the scale-out again', async () => {
    const cluster = demoCluster();
    const sim = await readySim({ ...cluster, replicate: { ...cluster.replicate!, 'enable-placement-rules': 'false' } });
    const before = read(inventoryUri().fsPath);
    const offers: string[] = [];
    const plans: Plan[] = [];
    const opts = scripted({
      consent: (reason) => (offers.push(reason), Promise.resolve(true)),
      // Start for enabling placement rules; the scale-out planned again is only looked at
      confirmPlan: (_c, plan) => (plans.push(plan), Promise.resolve(plan.operation === 'enable-placement-rules')),
    });
    assert.equal(await scaleOut('192.168.0.21', opts), undefined);
    assert.match(offers[0], /placement rules/i);
    assert.deepEqual(
      plans.map((p) => p.operation),
      ['enable-placement-rules', 'scale-out'],
    );
    const post = sim.requests.find((r) => r.method === 'POST');
    assert.deepEqual(post && [post.path, post.body], ['/pd/api/v1/config/replicate', '{"enable-placement-rules":"true"}']);
    assert.equal(sim.cluster.replicate['enable-placement-rules'], 'true');
    assert.deepEqual(plans[1].blocked, [], 'planned again once PD reads back placement rules on');
    assert.match(toldText(opts.told), /Placement rules are enabled/, 'the PD write is reported');
    assert.equal(read(inventoryUri().fsPath), before, 'the scale-out itself was not started');
  });

  it("from the view's title bar always asks for the new host, whatever tree item has the focus", async () => {
    const a = await api();
    const focused = a.hostsView.getChildren().find((n) => n.kind === 'host' && n.state.host?.name === '192.168.0.13');
    assert.ok(focused, 'a "not in PD" host the old title button would have scaled out without asking');
    const pkg = vscode.extensions.getExtension('tiflash-ops.tiflash-ansible')!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    assert.deepEqual(
      pkg.contributes.menus['view/title'].filter((m) => /scaleOut/.test(m.command)).map((m) => m.command),
      ['tiflash.scaleOutNew'],
    );
    let settled = false;
    const p = vscode.commands.executeCommand<Run | undefined>('tiflash.scaleOutNew', focused, undefined, scripted()).then((r) => ((settled = true), r));
    await sleep(1500);
    assert.equal(settled, false, 'it waits for the operator to enter the new host');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(await p, undefined);
  });
});

describe('unsaved inventories', function () {
  this.timeout(30_000);
  isolateEachTest();

  it('refuse the start while inventory.ini has unsaved changes: nothing runs, nothing is saved', async () => {
    await readySim();
    const doc = await vscode.workspace.openTextDocument(inventoryUri());
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# unsaved note\n'));
    resetRecord();
    try {
      const opts = scripted();
      const run = await scaleOut('192.168.0.22', opts);
      assert.equal(run?.status, 'aborted');
      assert.match(toldText(opts.told), /inventory\.ini has unsaved changes/);
      assert.ok(
        run?.steps.every((s) => s.status === 'pending'),
        'no step ran',
      );
      assert.ok(doc.isDirty, "the operator's change is still unsaved");
      assert.ok(!read(inventoryUri().fsPath).includes('192.168.0.22'));
      assert.deepEqual(recordedCalls(), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
