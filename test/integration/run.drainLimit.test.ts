// A drain held only by the draining store's own remove limit (PD 3.1, region-remove 0): the wait says so, the
// operator is offered a higher limit for the drain, the drain then finishes, and the limit is dealt with at the end.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { repoRoot } from '../support/paths';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { recordedCalls, resetRecord, waitFor } from './helpers';
import { isolateEachTest, readySim, runEntries, scaleIn, scripted, toldText, writes } from './run.support';

const demo31 = (): ClusterFile => JSON.parse(fs.readFileSync(path.join(repoRoot, 'tools', 'pd-sim', 'clusters', 'demo-3.1.json'), 'utf8')) as ClusterFile;

describe('a drain held by its own store limit (PD 3.1)', function () {
  this.timeout(90_000);
  isolateEachTest();
  afterEach(() => vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', undefined, vscode.ConfigurationTarget.Workspace));

  it('offers a higher region-remove limit for the drain, sends exactly that, and the scale-in finishes', async () => {
    const sim = await readySim({ ...demo31(), regionsPerTick: 400 }, 200, '3.1');
    sim.cluster.limits.set('53', 'remove', 0);
    await vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', 3, vscode.ConfigurationTarget.Workspace);
    resetRecord();
    const offers: string[] = [];
    const opts = scripted({ remind: (text) => (offers.push(text), Promise.resolve(true)) });
    const run = await scaleIn('192.168.0.11', opts);
    assert.equal(run?.status, 'done', toldText(opts.told));
    assert.equal(offers.length, 1, 'offered once');
    assert.match(offers[0], /remove limit \(0 per minute\).*Raise it to 60 per minute/);
    const limitWrites = writes(sim).filter((r) => r.path === '/pd/api/v1/store/53/limit');
    assert.deepEqual(
      limitWrites.map((r) => r.body),
      ['{"rate":60,"type":"region-remove"}'],
      'the 3.1 type, the offered rate, once',
    );
    assert.match(toldText(opts.told), /was 0 before the drain and stays at 60/, 'a limit of 0 cannot be set again: the operator is told');
    assert.ok(
      recordedCalls().some((c) => c.playbook === 'stop'),
      'the scale-in went on to stop TiFlash',
    );
    const journaled = (await runEntries(run)).filter((e) => e.kind === 'pd' && e.request.path === '/pd/api/v1/store/53/limit');
    assert.equal(journaled.length, 1, 'the limit write is in the journal');
  });

  it('offers nothing when placement rules hold the drain (a higher limit would not move a Region)', async () => {
    const cluster = demo31();
    const rules = cluster.rules!.map((r) => (r.group_id === 'tiflash' ? { ...r, count: 3 } : r));
    const sim = await readySim({ ...cluster, rules, regionsPerTick: 400 }, 200, '3.1');
    sim.cluster.find(53)!.state = 1;
    sim.cluster.limits.set('53', 'remove', 0);
    await vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', 3, vscode.ConfigurationTarget.Workspace);
    const offers: string[] = [];
    const progress: string[] = [];
    let cancel: (() => void) | undefined;
    const running = scaleIn(
      '192.168.0.11',
      scripted({ remind: (t) => (offers.push(t), Promise.resolve(true)), waitStarted: (c) => (cancel = c), waitProgress: (d) => progress.push(d) }),
    );
    await waitFor('the wait to explain the stall', () => progress.find((p) => /placement rules need 3/.test(p)), 30_000);
    cancel!();
    assert.equal((await running)?.status, 'cancelled');
    assert.deepEqual(offers, []);
    assert.deepEqual(
      writes(sim).filter((r) => r.path.endsWith('/limit')),
      [],
    );
  });
});
