// A reload in the middle of a playbook: the saved run says the step was running as process N. On activation
// the run is interrupted and the operator is asked; a process that still runs is watched, never sent again, and
// its recap in Ansible's log decides whether it did its work.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Plan } from '../../src/core/plan/types';
import { logSize } from '../../src/core/run/ansibleLog';
import { apply, startRun, type Run, type RunEvent } from '../../src/core/run/engine';
import type { LockOwner } from '../../src/core/run/lock';
import type { ResumeAdvice } from '../../src/core/run/resume';
import { api, recordedCalls, resetRecord, workspaceDir } from './helpers';
import { deadPid, limitedStep, liveProcess, lockFile, runEntries, scripted, toldText } from './run.support';

const logFile = () => path.join(workspaceDir(), 'log', 'ansible.log');

function stopPlan(): Plan {
  return { operation: 'scale-in', target: '192.168.0.11', steps: [limitedStep('stop.yml', '192.168.0.11', { id: 'stop' })], blocked: [], warnings: [] };
}

/** The run as the window left it: step 1 running as process `pid`, Ansible's log at `logOffset` when it started. */
async function savedMidPlaybook(pid: number): Promise<Run> {
  fs.mkdirSync(path.dirname(logFile()), { recursive: true });
  const logOffset = await logSize(logFile());
  let run = startRun(stopPlan(), { id: randomUUID(), dir: workspaceDir(), at: Date.now() });
  const events: RunEvent[] = [
    { type: 'step-started', index: 0, at: Date.now(), logOffset },
    { type: 'step-process', index: 0, at: Date.now(), pid },
  ];
  for (const e of events) {
    const r = apply(run, e);
    if (!r.ok) throw new Error(r.why);
    run = r.run;
  }
  await (await api()).scaling.runs.save(run);
  return run;
}

/** What process `pid` would have logged: its PLAY RECAP for the host. */
function logRecap(pid: number, host: string, counts: string): void {
  const at = '2026-01-01 10:00:00,000';
  fs.appendFileSync(logFile(), `${at} p=${pid} u=tidb n=ansible | PLAY RECAP *****\n${at} p=${pid} u=tidb n=ansible | ${host}               : ${counts}\n`);
}

describe('after a reload in the middle of a playbook', function () {
  this.timeout(60_000);

  it('asks the operator, watches the process that still runs, and never sends the playbook again', async () => {
    const a = await api();
    resetRecord();
    const proc = liveProcess(3);
    const saved = await savedMidPlaybook(proc.pid);
    // the closed window's lock: this run's, held by an extension host that is gone
    const owner: LockOwner = {
      runId: saved.id,
      operation: 'scale-in',
      target: '192.168.0.11',
      pid: await deadPid(),
      hostname: os.hostname(),
      user: 'me',
      startedAt: 1,
    };
    fs.writeFileSync(lockFile(), JSON.stringify(owner));
    const asked: ResumeAdvice[] = [];
    const opts = scripted({
      consent: () => Promise.reject(new Error('its own lock is taken back without asking')),
      resume: (_what, advice) => {
        asked.push(advice);
        // the first answer is the operator's: watch it; then what the log shows
        return Promise.resolve(asked.length === 1 ? 'watch' : 'done');
      },
    });
    void proc.ended.then(() => logRecap(proc.pid, '192.168.0.11', 'ok=1 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0'));
    await a.scaling.recoverAfterReload(opts);
    assert.deepEqual(
      asked.map((x) => x.message.id),
      ['run.resume.stillRunning', 'run.resume.endedOk'],
      toldText(opts.told),
    );
    assert.deepEqual(asked[0].options, ['watch', 'abort'], 'while the process runs, sending it again is not offered');
    assert.equal(asked[1].recommended, 'done');
    const run = a.scaling.runs.forDir(workspaceDir())!;
    assert.equal(run.id, saved.id);
    assert.equal(run.status, 'done');
    assert.deepEqual(recordedCalls(), [], 'stop.yml was not sent a second time');
    const events = (await runEntries(run)).flatMap((e) => (e.kind === 'event' ? [e.event.type] : []));
    assert.deepEqual(events, ['interrupted', 'resumed'], "the journal tells the reload and the operator's decision");
    assert.equal(fs.existsSync(lockFile()), false, 'the lock was taken back, then released at the end');
  });

  it('offers to run the step again only once its process is gone and the log shows it did not finish', async () => {
    const a = await api();
    resetRecord();
    const pid = await deadPid();
    await savedMidPlaybook(pid);
    logRecap(pid, '192.168.0.11', 'ok=0 changed=0 unreachable=1 failed=0 skipped=0 rescued=0 ignored=0');
    const asked: ResumeAdvice[] = [];
    await a.scaling.recoverAfterReload(scripted({ resume: (_w, advice) => (asked.push(advice), Promise.resolve('abort')) }));
    assert.equal(asked.length, 1);
    assert.equal(asked[0].message.id, 'run.resume.endedBad');
    assert.deepEqual(asked[0].options, ['again', 'abort']);
    assert.equal(a.scaling.runs.forDir(workspaceDir())!.status, 'aborted');
    assert.deepEqual(recordedCalls(), []);
  });

  it('leaves the run interrupted when the operator does not answer yet', async () => {
    const a = await api();
    const proc = liveProcess(30);
    try {
      await savedMidPlaybook(proc.pid);
      await a.scaling.recoverAfterReload(scripted({ resume: () => Promise.resolve(undefined) }));
      assert.equal(a.scaling.runs.forDir(workspaceDir())!.status, 'interrupted');
    } finally {
      process.kill(proc.pid);
    }
    await a.scaling.resume(undefined, scripted({ resume: () => Promise.resolve('abort') }));
    assert.equal(a.scaling.runs.forDir(workspaceDir())!.status, 'aborted', 'the Resume command asks again');
  });
});
