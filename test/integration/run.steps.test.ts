// tiflash.confirmEachStep: every step (but informational ones) waits for the operator; a step not confirmed
// does not run, and the operator then chooses Retry or Abort like for any failed step.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import { isolateEachTest, readySim, scripted, writes } from './run.support';

const removeTombstones = (opts: unknown) => vscode.commands.executeCommand<Run | undefined>('tiflash.removeTombstones', undefined, opts);

describe('confirm each step', function () {
  this.timeout(30_000);
  isolateEachTest();
  afterEach(() => vscode.workspace.getConfiguration('tiflash').update('confirmEachStep', undefined, vscode.ConfigurationTarget.Workspace));

  it('runs a step only once the operator confirmed it', async () => {
    const sim = await readySim();
    await vscode.workspace.getConfiguration('tiflash').update('confirmEachStep', true, vscode.ConfigurationTarget.Workspace);
    const asked: string[] = [];
    const decided: string[] = [];
    const no = scripted({
      consent: (what) => (asked.push(what), Promise.resolve(false)),
      decide: (_what, why) => (decided.push(why), Promise.resolve('abort')),
    });
    const refused = await removeTombstones(no);
    assert.equal(refused?.status, 'aborted');
    assert.match(asked[0], /step 1 of 1/);
    assert.match(decided[0], /did not confirm this step/);
    assert.equal(writes(sim).length, 0, 'the step did not run');

    const yes = await removeTombstones(scripted());
    assert.equal(yes?.status, 'done');
    assert.deepEqual(
      writes(sim).map((r) => r.path),
      ['/pd/api/v1/stores/remove-tombstone'],
    );
  });
});
