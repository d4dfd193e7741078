// One operation per tidb-ansible folder: the lock is taken after the confirmation, a live holder is explained
// (who, what, since when) and nothing runs; a dead holder's lock is taken over only with the operator's consent.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/run/engine';
import type { LockOwner } from '../../src/core/run/lock';
import { recordedCalls, resetRecord } from './helpers';
import { deadPid, isolateEachTest, liveProcess, lockFile, readySim, runEntries, scaleIn, scripted, toldText, writes } from './run.support';

function writeLock(pid: number, operation: LockOwner['operation'] = 'scale-out', target = '192.168.0.30'): LockOwner {
  const owner: LockOwner = { runId: 'other-window', operation, target, pid, hostname: os.hostname(), user: 'alice', startedAt: Date.now() - 60_000 };
  fs.mkdirSync(path.dirname(lockFile()), { recursive: true });
  fs.writeFileSync(lockFile(), JSON.stringify(owner));
  return owner;
}

const removeTombstones = (opts: unknown) => vscode.commands.executeCommand<Run | undefined>('tiflash.removeTombstones', undefined, opts);

describe('one operation per folder', function () {
  this.timeout(90_000);
  isolateEachTest();
  afterEach(() => fs.rmSync(lockFile(), { force: true }));

  it('two scale commands at once: one runs, the other is told why and sends nothing', async () => {
    const sim = await readySim();
    resetRecord();
    // the winner stops at its wait (Cancel), so the test does not wait for a drain
    const first = scripted({ waitStarted: (cancel) => cancel() });
    const second = scripted({ waitStarted: (cancel) => cancel() });
    const [r1, r2] = await Promise.all([scaleIn('192.168.0.11', first), scaleIn('TiFlash12-1', second)]);
    const ran = [r1, r2].filter((r): r is Run => r !== undefined);
    assert.equal(ran.length, 1, `exactly one ran: ${toldText(first.told)}\n${toldText(second.told)}`);
    const loser = r1 ? second : first;
    assert.match(toldText(loser.told), /holds the lock of this folder/);
    assert.match(
      toldText(loser.told),
      new RegExp(`scale-in of ${ran[0].target.replace(/\./g, '\\.')} started by`),
      'it names the operation that holds the lock',
    );
    assert.equal(sim.requests.filter((r) => r.method === 'DELETE').length, 1, 'one store deleted, by the run that holds the lock');
    assert.equal(ran[0].status, 'cancelled', 'Cancel at the wait ends the run as cancelled');
    const winner = r1 ? first : second;
    const end = winner.told.at(-1)!;
    assert.equal(end.level, 'info', 'a cancel is not a red error');
    assert.match(end.text, /was cancelled.*Cancel Scale-In/);
    assert.deepEqual(recordedCalls(), [], 'nothing was stopped');
    assert.equal(fs.existsSync(lockFile()), false, 'the lock is released at the end');
    const kinds = (await runEntries(ran[0])).map((e) => e.kind);
    assert.equal(kinds[0], 'run-started');
    assert.equal(kinds.at(-1), 'run-ended');
    assert.ok(kinds.includes('pd'), 'the PD exchange is journaled');
  });

  it("another window's lock (a live process) is explained and nothing runs", async () => {
    const sim = await readySim();
    const other = liveProcess(30);
    try {
      writeLock(other.pid);
      const opts = scripted({ consent: () => Promise.reject(new Error('a live holder must not be offered a take-over')) });
      assert.equal(await removeTombstones(opts), undefined);
      const text = toldText(opts.told);
      assert.match(text, new RegExp(`scale-out of 192\\.168\\.0\\.30 started by alice on ${os.hostname()} \\(process ${other.pid}\\)`));
      assert.match(text, /still running/);
      assert.equal(writes(sim).length, 0, 'no PD write');
      assert.equal((JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as LockOwner).pid, other.pid, 'the other window keeps its lock');
    } finally {
      process.kill(other.pid);
    }
  });

  it('a lock whose owner is gone is taken over only with consent', async () => {
    const sim = await readySim();
    const pid = await deadPid();
    writeLock(pid, 'scale-in', '192.168.0.12');
    const asked: string[] = [];
    const no = scripted({ consent: (reason) => (asked.push(reason), Promise.resolve(false)) });
    assert.equal(await removeTombstones(no), undefined);
    assert.match(asked[0], new RegExp(`process ${pid}\\).*ended without releasing the lock`, 's'));
    assert.equal(writes(sim).length, 0);
    assert.equal((JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as LockOwner).pid, pid, 'declined: the lock stays');

    const yes = scripted();
    const run = await removeTombstones(yes);
    assert.equal(run?.status, 'done', toldText(yes.told));
    assert.ok(sim.requests.some((r) => r.method === 'DELETE' && r.path === '/pd/api/v1/stores/remove-tombstone'));
    assert.match(toldText(yes.told), /Remove the records of Tombstone stores 61 in PD: PD removed every Tombstone store record/, 'the result is reported');
    assert.equal(fs.existsSync(lockFile()), false);
  });

  it('is taken only after the confirmation: a declined plan leaves another operation free to start', async () => {
    const sim = await readySim();
    let lockedWhileAsked: boolean | undefined;
    const declined = scripted({ confirmPlan: () => ((lockedWhileAsked = fs.existsSync(lockFile())), Promise.resolve(false)) });
    assert.equal(await removeTombstones(declined), undefined);
    assert.equal(lockedWhileAsked, false, 'no lock while the operator reads the plan');
    assert.equal(fs.existsSync(lockFile()), false);
    assert.equal(writes(sim).length, 0);
  });
});
