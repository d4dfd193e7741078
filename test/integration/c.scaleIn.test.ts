// Scale-in in the real extension host against the PD simulator, with the recording playbooks: the effects
// (PD requests, playbooks and their order, inventory lines, the journal), not the extension's own answers.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
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
import { isolateEachTest, read, readySim, runEntries, scaleIn, scripted, toldText, writes } from './run.support';

/** Each playbook the run journaled: its command, exit code and the recap of its host. */
async function journaledPlaybooks(run: Run, host: string) {
  return (await runEntries(run)).flatMap((e) =>
    e.kind === 'playbook' ? [{ playbook: e.argv.find((a) => a.endsWith('.yml')), exitCode: e.exitCode, recap: e.recap?.[host], pid: e.pid }] : [],
  );
}

describe('scale-in', function () {
  this.timeout(90_000);
  isolateEachTest();

  it('deletes the store, waits for Tombstone, only then stops TiFlash and removes its lines; the journal has every step', async () => {
    const sim = await readySim({ ...demoCluster(), regionsPerTick: 400 });
    resetRecord();
    const opts = scripted();
    const run = await scaleIn('192.168.0.11', opts);
    assert.equal(run?.status, 'done', `${JSON.stringify(run?.steps.map((s, i) => [i, s.status, s.reason]))}\n${toldText(opts.told)}`);
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)), 'the recorded order, limits and tags are the plan');
    assert.ok(sim.requests.some((r) => r.method === 'DELETE' && r.path === '/pd/api/v1/store/53'));
    const tombstoneAt = sim.cluster.find(53)!.tombstoneAt;
    assert.ok(tombstoneAt, 'the simulator drained store 53 to Tombstone');
    const calls = recordedCalls();
    assert.deepEqual([...new Set(calls.map((c) => c.playbook))], ['stop', 'rolling_update_monitor'], 'in this order');
    assert.deepEqual(
      calls.filter((c) => c.playbook === 'stop').map((c) => [c.host, c.limit, c.tags]),
      [['192.168.0.11', '192.168.0.11', 'all']],
    );
    assert.ok(calls.filter((c) => c.playbook === 'rolling_update_monitor').every((c) => c.tags === 'prometheus' && c.limit === ''));
    assert.ok(calls[0].at >= tombstoneAt, 'stop.yml ran only after PD reported Tombstone');
    assert.ok(!/^192\.168\.0\.11\b/m.test(read(inventoryUri().fsPath)), 'removed from [tiflash_servers] and [monitored_servers]');
    assert.ok(!/^192\.168\.0\.11$/m.test(read(hostsUri().fsPath)), 'removed from hosts.ini');

    const entries = await runEntries(run);
    const started = entries[0];
    assert.equal(started.kind, 'run-started');
    assert.ok(started.kind === 'run-started' && started.who.user && started.who.hostname && /tiflash-ansible extension/.test(started.who.tool));
    assert.equal(entries.at(-1)?.kind, 'run-ended');
    const done = entries.flatMap((e) => (e.kind === 'event' && e.event.type === 'step-done' ? [e.event.index] : []));
    assert.deepEqual(
      done,
      run.plan.steps.map((_, i) => i),
      "every step's end is journaled",
    );
    const pd = entries.filter((e) => e.kind === 'pd');
    assert.ok(
      pd.some((e) => e.kind === 'pd' && e.request.method === 'DELETE' && e.status === 200),
      "the DELETE and PD's answer",
    );
    const books = await journaledPlaybooks(run, '192.168.0.11');
    assert.deepEqual(
      books.map((b) => [b.playbook, b.exitCode]),
      [
        ['stop.yml', 0],
        ['rolling_update_monitor.yml', 0],
      ],
    );
    assert.ok(books[0].recap?.changed && books[0].pid, "stop.yml's recap and process are journaled");
    assert.doesNotMatch(
      fs.readFileSync(path.join(workspaceDir(), 'log', 'tiflash-operations.jsonl'), 'utf8'),
      /grafana_admin_password = admin/,
      'no secret in the journal',
    );
  });

  it('is blocked up front when placement rules need more TiFlash stores than would remain', async () => {
    const rules = [
      {
        group_id: 'tiflash',
        id: 'table-45-r',
        role: 'learner',
        count: 3,
        start_key: '',
        end_key: '',
        label_constraints: [{ key: 'engine', op: 'in', values: ['tiflash'] }],
      },
    ];
    const sim = await readySim({ ...demoCluster(), rules });
    resetRecord();
    const before = read(inventoryUri().fsPath);
    const opts = scripted();
    const run = await scaleIn('TiFlash12-1', opts);
    assert.equal(run?.status, 'aborted');
    assert.match(toldText(opts.told), /Refused before anything ran/);
    assert.match(toldText(opts.told), /ALTER TABLE `sales`\.`orders` SET TIFLASH REPLICA 2;/, "TiDB named the rule's table: the exact statement");
    assert.equal(
      sim.requests.some((r) => r.method === 'DELETE'),
      false,
      'no store was deleted',
    );
    assert.deepEqual(recordedCalls(), []);
    assert.equal(read(inventoryUri().fsPath), before);
  });

  it('refuses to start when real Ansible would not act on exactly the host: nothing edited, no PD call, no playbook', async () => {
    const sim = await readySim({ ...demoCluster(), regionsPerTick: 400 });
    resetRecord();
    // a stop.yml whose play no longer targets every host: --list-hosts lists nothing for -l 192.168.0.11
    const stop = path.join(workspaceDir(), 'stop.yml');
    const original = read(stop);
    fs.writeFileSync(stop, original.replace('- hosts: all', '- hosts: tidb_servers'));
    const before = read(inventoryUri().fsPath);
    try {
      const opts = scripted();
      const run = await scaleIn('192.168.0.11', opts);
      assert.equal(run?.status, 'aborted');
      assert.match(toldText(opts.told), /Refused before anything ran.*Step 3 \(Stop TiFlash on 192\.168\.0\.11\).*would not act on 192\.168\.0\.11/s);
      assert.equal(writes(sim).length, 0, 'no PD write');
      assert.deepEqual(recordedCalls(), []);
      assert.equal(read(inventoryUri().fsPath), before);
    } finally {
      fs.writeFileSync(stop, original);
    }
  });

  it('keeps waiting while PD is away mid-wait, says so, and finishes when it comes back', async () => {
    const sim = await readySim({ ...demoCluster(), rules: [], regionsPerTick: 0 });
    resetRecord();
    const a = await api();
    const progress: string[] = [];
    const running = scaleIn('TiFlash12-1', scripted({ waitProgress: (d) => progress.push(d) }));
    await waitFor('store 54 Offline', () => sim.cluster.find(54)!.state === 1);
    await waitFor('the wait to say how many Regions are left', () => progress.some((p) => /Region/.test(p)));
    sim.faults.down = true;
    await waitFor('the extension to see PD unreachable', () => a.ctx.stores.get(a.ctx.inventories.list()[0])?.error);
    await waitFor('the wait to say PD is unreachable', () => progress.some((p) => /PD unreachable/.test(p)));
    const [first] = a.hostsView.getChildren();
    assert.equal(first.kind, 'unreachable', 'the tree offers the fix first');
    assert.equal(a.hostsView.getTreeItem(first).command?.command, 'tiflash.configurePd');
    assert.deepEqual(recordedCalls(), [], 'nothing stopped while PD is away');
    sim.faults.down = false;
    sim.cluster.regionsPerTick = 600;
    const run = await running;
    assert.equal(run?.status, 'done', JSON.stringify(run?.steps.map((st, i) => [i, st.status, st.reason])));
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)));
    const stop = recordedCalls().find((c) => c.playbook === 'stop')!;
    assert.equal(stop.tags, 'tiflash', 'another TiFlash instance shares 192.168.0.12: stop.yml -t tiflash');
    assert.ok(stop.at >= sim.cluster.find(54)!.tombstoneAt!);
    assert.match(read(hostsUri().fsPath), /^192\.168\.0\.12$/m, 'hosts.ini keeps an address that still runs TiFlash');
    assert.ok(
      progress.some((p) => /Region/.test(p)),
      'it said how many Regions were left',
    );
  });
});

describe('a stuck drain', function () {
  this.timeout(60_000);
  isolateEachTest();
  afterEach(() => vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', undefined, vscode.ConfigurationTarget.Workspace));

  it('is explained in the wait with what PD shows holds it', async () => {
    // store 53 is Offline already and the rule wants 3 TiFlash stores: only 54 and 55 remain, so nothing moves
    const cluster0 = demoCluster();
    cluster0.stores.find((s) => s.store.id === 53)!.store.state = 1;
    const rules = cluster0.rules!.map((r) => (r.group_id === 'tiflash' ? { ...r, count: 3 } : r));
    await readySim({ ...cluster0, rules });
    await vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', 3, vscode.ConfigurationTarget.Workspace);
    resetRecord();
    const progress: string[] = [];
    let cancel: (() => void) | undefined;
    const running = scaleIn('192.168.0.11', scripted({ waitStarted: (c) => (cancel = c), waitProgress: (d) => progress.push(d) }));
    const said = await waitFor('the wait to explain the stall', () => progress.find((p) => /has not moved a Region/.test(p)), 30_000);
    assert.match(said, /placement rules need 3 TiFlash stores but only 2 others are Up \(table-45-r \(3\)\)/);
    cancel!();
    assert.equal((await running)?.status, 'cancelled');
    assert.deepEqual(recordedCalls(), [], 'nothing was stopped');
  });
});

describe('forced Tombstone', function () {
  this.timeout(30_000);
  isolateEachTest();

  it('sets an Offline TiFlash store to Tombstone after the typed store id, and refuses a TiKV store', async () => {
    const cluster0 = demoCluster();
    cluster0.stores.find((s) => s.store.id === 54)!.store.state = 1; // Offline before the extension first asks
    const sim = await readySim({ ...cluster0, rules: [], regionsPerTick: 0 });
    const a = await api();
    const cluster = a.ctx.inventories.list()[0];
    const node = (id: string) => ({ kind: 'host', cluster, state: { store: a.ctx.stores.get(cluster)!.stores!.stores.find((s) => s.id === id) } });
    const typed: string[] = [];
    const opts = scripted({ typedStoreId: (id) => (typed.push(id), Promise.resolve(true)) });
    assert.equal((await vscode.commands.executeCommand<Run | undefined>('tiflash.forceTombstone', node('54'), opts))?.status, 'done');
    assert.deepEqual(typed, ['54']);
    assert.ok(sim.requests.some((r) => r.method === 'POST' && r.path === '/pd/api/v1/store/54/state?state=Tombstone'));
    assert.equal(sim.cluster.find(54)!.state, 2);
    assert.match(toldText(opts.told), /Store 54 is Tombstone/, 'the result is reported');
    assert.equal(
      (await vscode.commands.executeCommand<Run | undefined>('tiflash.forceTombstone', node('1'), scripted()))?.status,
      'aborted',
      'store 1 is TiKV',
    );
    assert.equal(sim.requests.filter((r) => r.method === 'POST').length, 1);
  });
});
