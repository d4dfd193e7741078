// Cancel a scale-in: an Offline TiFlash store back to Up (POST …/state?state=Up), on PD 4.0 with the remove-peer
// limit the delete raised put back to what the journal recorded before it; the scale-in waiting for that store
// ends as cancelled. Refused for a store that is not Offline.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import { api, demoCluster, inventoryUri, recordedCalls, resetRecord, waitFor } from './helpers';
import { isolateEachTest, readySim, runEntries, scaleIn, scripted, toldText, writes } from './run.support';

const cancel = (target: unknown, host: unknown, opts: unknown) => vscode.commands.executeCommand<Run | undefined>('tiflash.cancelScaleIn', target, host, opts);

describe('cancel a scale-in', function () {
  this.timeout(90_000);
  isolateEachTest();

  it('from the CodeLens of an Offline host: the store is Up again, its remove-peer limit restored, the waiting scale-in cancelled', async () => {
    const sim = await readySim({ ...demoCluster(), regionsPerTick: 0 });
    const a = await api();
    resetRecord();
    const limitBefore = sim.cluster.limits.rate('53', 'remove');
    let waiting = false;
    const scaling = scaleIn('192.168.0.11', scripted({ waitStarted: () => (waiting = true) }));
    await waitFor('the scale-in to wait for Tombstone', () => waiting);
    assert.equal(sim.cluster.limits.rate('53', 'remove'), 100_000_000, 'PD 4.0 raised the limit with the delete');
    await waitFor('the extension to see store 53 Offline', () =>
      a.ctx.stores.get(a.ctx.inventories.list()[0])?.stores?.stores.some((s) => s.id === '53' && s.state === 'Offline'),
    );

    // VS Code asks CodeLens providers only for a document it has open
    await vscode.workspace.openTextDocument(inventoryUri());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', inventoryUri());
    const lens = lenses.find((l) => l.command?.command === 'tiflash.cancelScaleIn');
    assert.ok(lens, 'an Offline host line offers Cancel scale-in');
    assert.deepEqual(lens.command!.arguments?.map(String), [inventoryUri().toString(), '192.168.0.11']);

    const opts = scripted();
    const run = await cancel(...(lens.command!.arguments as [unknown, unknown]), opts);
    assert.equal(run?.status, 'done', toldText(opts.told));
    const scaleInRun = await scaling;
    assert.equal(scaleInRun?.status, 'cancelled', 'the wait and its operation end as cancelled');
    assert.equal(sim.cluster.find(53)!.state, 0, 'store 53 is Up');
    assert.equal(sim.cluster.limits.rate('53', 'remove'), limitBefore, 'the remove-peer limit is what it was before the delete');
    const writes = sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.body ?? ''}`.trim());
    assert.deepEqual(writes, [
      'DELETE /pd/api/v1/store/53',
      'POST /pd/api/v1/store/53/state?state=Up',
      `POST /pd/api/v1/store/53/limit {"rate":${limitBefore},"type":"remove-peer"}`,
    ]);
    assert.match(toldText(opts.told), /Store 53 is Up again/, 'the result is reported');
    assert.deepEqual(recordedCalls(), [], 'nothing was stopped');
    const ended = (await runEntries(scaleInRun)).at(-1);
    assert.ok(ended?.kind === 'run-ended' && ended.status === 'cancelled');
  });

  it('is refused for an Up store and for a Tombstone store, with no PD write', async () => {
    const sim = await readySim();
    const a = await api();
    const up = scripted();
    assert.equal((await cancel(inventoryUri(), 'TiFlash12-1', up))?.status, 'aborted');
    assert.match(toldText(up.told), /Refused before anything ran.*Up/s);
    // the tree's item for store 61, a Tombstone the inventory lacks
    const orphan = a.hostsView.getChildren().find((n) => n.kind === 'host' && n.state.store?.id === '61');
    assert.ok(orphan);
    assert.equal((await cancel(orphan, [orphan], scripted()))?.status, 'aborted');
    assert.equal(writes(sim).length, 0);
    const pkg = vscode.extensions.getExtension('tiflash-ops.tiflash-ansible')!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const item = pkg.contributes.menus['view/item/context'].find((m) => m.command === 'tiflash.cancelScaleIn');
    // the tree offers it where the menu's clause accepts the item's contextValue: the Offline store only
    const clause = new RegExp(/viewItem =~ \/(.+)\/$/.exec(item?.when ?? '')?.[1] ?? '$^');
    const offered = a.hostsView
      .getChildren()
      .filter((n) => clause.test(String(a.hostsView.getTreeItem(n).contextValue)))
      .map((n) => (n.kind === 'host' ? n.state.store?.id : n.kind));
    assert.deepEqual(offered, [], 'no Up, Tombstone or absent host offers Cancel scale-in');
  });
});
