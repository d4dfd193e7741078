// Scale-in in the real extension host against the PD simulator, with the recording playbooks.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import { api, demoCluster, hostsUri, inventoryUri, plannedRuns, playbookSteps, pointAtSim, recordedCalls, recordedRuns, resetRecord, waitFor } from './helpers';

const scaleIn = (host: string) => vscode.commands.executeCommand<Run | undefined>('tiflash.scaleIn', inventoryUri(), host, { assumeYes: true });
const read = (uri: vscode.Uri) => fs.readFileSync(uri.fsPath, 'utf8');

describe('scale-in', function () {
  this.timeout(60_000);

  it('deletes the store, waits for Tombstone, and only then stops TiFlash and edits the inventories', async () => {
    const sim = await pointAtSim({ ...demoCluster(), regionsPerTick: 400 });
    resetRecord();
    const run = await scaleIn('192.168.0.11');
    assert.equal(run?.status, 'done', JSON.stringify(run?.steps.map((x, i) => [i, x.status, x.reason])));
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)), 'the recorded order, limits and tags are the plan');
    assert.ok(sim.requests.some((r) => r.method === 'DELETE' && r.path === '/pd/api/v1/store/53'));
    const tombstoneAt = sim.cluster.find(53)!.tombstoneAt;
    assert.ok(tombstoneAt, 'the simulator drained store 53 to Tombstone');
    const calls = recordedCalls();
    assert.deepEqual([...new Set(calls.map((c) => c.playbook))], ['stop', 'rolling_update_monitor'], 'in this order');
    assert.deepEqual(calls.filter((c) => c.playbook === 'stop').map((c) => [c.host, c.limit, c.tags]), [['192.168.0.11', '192.168.0.11', 'all']]);
    assert.ok(calls.filter((c) => c.playbook === 'rolling_update_monitor').every((c) => c.tags === 'prometheus' && c.limit === ''));
    assert.ok(calls[0].at >= tombstoneAt, 'stop.yml ran only after PD reported Tombstone');
    assert.ok(!/^192\.168\.0\.11\b/m.test(read(inventoryUri())), 'removed from [tiflash_servers] and [monitored_servers]');
    assert.ok(!/^192\.168\.0\.11$/m.test(read(hostsUri())), 'removed from hosts.ini');
  });

  it('is blocked up front when placement rules need more TiFlash stores than would remain', async () => {
    const sim = await pointAtSim({ ...demoCluster(), rules: [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 3 }] });
    resetRecord();
    const before = read(inventoryUri());
    const run = await scaleIn('TiFlash12-1');
    assert.equal(run?.status, 'aborted');
    assert.equal(sim.requests.some((r) => r.method === 'DELETE'), false, 'no store was deleted');
    assert.deepEqual(recordedCalls(), []);
    assert.equal(read(inventoryUri()), before);
  });

  it('keeps waiting while PD is away mid-wait and finishes when it comes back', async () => {
    const sim = await pointAtSim({ ...demoCluster(), rules: [], regionsPerTick: 0 });
    resetRecord();
    const a = await api();
    const running = scaleIn('TiFlash12-1');
    await waitFor('store 54 Offline', () => sim.cluster.find(54)!.state === 1);
    sim.faults.down = true;
    await waitFor('the extension to see PD unreachable', () => a.ctx.stores.get(a.ctx.inventories.list()[0])?.error);
    const [first] = a.hostsView.getChildren();
    assert.equal(first.kind, 'unreachable', 'the tree offers the fix first');
    assert.equal(a.hostsView.getTreeItem(first).command?.command, 'tiflash.configurePd');
    assert.deepEqual(recordedCalls(), [], 'nothing stopped while PD is away');
    sim.faults.down = false;
    sim.cluster.regionsPerTick = 600;
    const run = await running;
    assert.equal(run?.status, 'done', JSON.stringify(run?.steps.map((x, i) => [i, x.status, x.reason])));
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)));
    const stop = recordedCalls().find((c) => c.playbook === 'stop')!;
    assert.equal(stop.tags, 'tiflash', 'another TiFlash instance shares 192.168.0.12: stop.yml -t tiflash');
    assert.ok(stop.at >= sim.cluster.find(54)!.tombstoneAt!);
    assert.match(read(hostsUri()), /^192\.168\.0\.12$/m, 'hosts.ini keeps an address that still runs TiFlash');
  });
});

describe('forced Tombstone', function () {
  this.timeout(30_000);

  it('sets an Offline TiFlash store to Tombstone, and refuses a TiKV store', async () => {
    const cluster0 = demoCluster();
    cluster0.stores.find((s) => s.store.id === 54)!.store.state = 1; // Offline before the extension first asks
    const sim = await pointAtSim({ ...cluster0, rules: [], regionsPerTick: 0 });
    const a = await api();
    const cluster = a.ctx.inventories.list()[0];
    await waitFor('stores', () => a.ctx.stores.get(cluster)?.endpoints.includes(sim.url) && a.ctx.stores.get(cluster)?.stores?.stores.some((s) => s.id === '54' && s.state === 'Offline'));
    const node = (id: string) => ({ kind: 'host', cluster, state: { store: a.ctx.stores.get(cluster)!.stores!.stores.find((s) => s.id === id) } });
    assert.equal((await vscode.commands.executeCommand<Run | undefined>('tiflash.forceTombstone', node('54'), { assumeYes: true }))?.status, 'done');
    assert.ok(sim.requests.some((r) => r.method === 'POST' && r.path === '/pd/api/v1/store/54/state?state=Tombstone'));
    assert.equal(sim.cluster.find(54)!.state, 2);
    assert.equal((await vscode.commands.executeCommand<Run | undefined>('tiflash.forceTombstone', node('1'), { assumeYes: true }))?.status, 'aborted', 'store 1 is TiKV');
    assert.equal(sim.requests.filter((r) => r.method === 'POST').length, 1);
  });
});
