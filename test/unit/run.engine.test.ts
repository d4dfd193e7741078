// The run engine as a state machine: every transition, and every event that does not fit refused.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { buildArgv } from '../../src/core/plan/args';
import type { Plan, Step } from '../../src/core/plan/types';
import { apply, choicesFor, next, onReload, startRun, type Run, type RunEvent } from '../../src/core/run/engine';

const argv = (...a: string[]) => {
  const r = buildArgv(a.map((value, i) => ({ role: i === 0 ? 'command' : value.startsWith('-') ? 'flag' : 'playbook-file', value })));
  assert.ok(r.ok);
  return r.argv;
};
const title = msg('plan.what.cluster');
const steps: Step[] = [
  { kind: 'edit', id: 'edit', title, file: 'inventory', ops: [] },
  { kind: 'playbook', id: 'pb', title, argv: argv('ansible-playbook', 'stop.yml'), inventory: 'inventory', playbook: 'stop.yml', expectHosts: [] },
  {
    kind: 'playbook',
    id: 'refresh',
    title,
    argv: argv('ansible-playbook', 'x.yml'),
    inventory: 'inventory',
    playbook: 'x.yml',
    expectHosts: [],
    skippable: true,
  },
  { kind: 'info', id: 'grafana', title },
];
const plan: Plan = { operation: 'scale-in', target: 'h', steps, blocked: [], warnings: [] };
const reason = msg('run.recap.noHosts');

function run(...events: RunEvent[]): Run {
  let r = startRun(plan, { id: 'r1', dir: '/d', at: 1 });
  for (const e of events) {
    const a = apply(r, e);
    assert.ok(a.ok, a.ok ? '' : a.why);
    r = a.run;
  }
  return r;
}
const statuses = (r: Run) => r.steps.map((s) => s.status);
const refused = (r: Run, e: RunEvent) => assert.equal(apply(r, e).ok, false, `${e.type} must be refused`);
const started = (index: number): RunEvent => ({ type: 'step-started', index, at: 2 });
const done = (index: number): RunEvent => ({ type: 'step-done', index, at: 3 });
const failed = (index: number): RunEvent => ({ type: 'step-failed', index, at: 3, reason, exitCode: 2 });

describe('run engine', () => {
  it('starts pending and asks to execute the first step', () => {
    const r = run();
    assert.deepEqual(statuses(r), ['pending', 'pending', 'pending', 'pending']);
    assert.deepEqual(next(r), { kind: 'execute', index: 0, step: steps[0] });
  });

  it('runs the steps in order; an info step is shown, never done; the run ends done', () => {
    const r = run(started(0), done(0), started(1), done(1), started(2), done(2), started(3), done(3));
    assert.deepEqual(statuses(r), ['done', 'done', 'done', 'shown']);
    assert.equal(r.status, 'done');
    assert.equal(r.endedAt, 3);
    assert.deepEqual(next(r), { kind: 'finished', status: 'done' });
  });

  it('refuses to start any step but the next, twice, or to finish a step that is not running', () => {
    const r = run();
    refused(r, started(1));
    refused(r, done(0));
    refused(r, failed(0));
    const s = run(started(0));
    refused(s, started(0));
    refused(s, done(1));
    refused(s, { type: 'decided', choice: 'retry', at: 4 });
  });

  it('a failed step waits for a decision; retry runs it again and counts the attempt', () => {
    const r = run(started(0), done(0), started(1), failed(1));
    assert.equal(r.status, 'waiting');
    assert.deepEqual(r.steps[1].exitCode, 2);
    assert.deepEqual(next(r), { kind: 'decide', index: 1, step: steps[1], choices: ['retry', 'abort'] });
    refused(r, started(2));
    const again = run(started(0), done(0), started(1), failed(1), { type: 'decided', choice: 'retry', at: 5 }, started(1));
    assert.equal(again.steps[1].attempts, 2);
    assert.equal(again.steps[1].reason, undefined, 'a new attempt forgets the old failure');
  });

  it('skip is offered only for skippable steps', () => {
    const r = run(started(0), done(0), started(1), failed(1));
    refused(r, { type: 'decided', choice: 'skip', at: 5 });
    assert.deepEqual(choicesFor(steps[2]), ['retry', 'skip', 'abort']);
    const s = run(started(0), done(0), started(1), done(1), started(2), failed(2), { type: 'decided', choice: 'skip', at: 5 });
    assert.deepEqual(statuses(s), ['done', 'done', 'skipped', 'pending']);
    assert.deepEqual(next(s), { kind: 'execute', index: 3, step: steps[3] });
  });

  it('abort ends the run where it stands', () => {
    const r = run(started(0), failed(0), { type: 'decided', choice: 'abort', at: 9 });
    assert.equal(r.status, 'aborted');
    assert.equal(r.endedAt, 9);
    assert.deepEqual(next(r), { kind: 'finished', status: 'aborted' });
    refused(r, started(0));
  });

  it('a cancelled step ends the run as cancelled, not failed', () => {
    const r = run(started(0), { type: 'step-cancelled', index: 0, at: 4, reason });
    assert.deepEqual([r.status, r.steps[0].status], ['cancelled', 'cancelled']);
  });

  it('after a reload a run that was going on waits for the operator; nothing resumes by itself', () => {
    const r = onReload(run(started(0), done(0), started(1)), 10);
    assert.equal(r.status, 'interrupted');
    assert.deepEqual(next(r), { kind: 'resume', index: 1, step: steps[1] });
    refused(r, started(1));
    refused(r, done(1));
    const again = apply(r, { type: 'resumed', how: 'again', at: 11 });
    assert.ok(again.ok);
    assert.deepEqual(next(again.run), { kind: 'execute', index: 1, step: steps[1] });
    const fromLog = apply(r, { type: 'resumed', how: 'done', at: 11, note: reason });
    assert.ok(fromLog.ok);
    assert.deepEqual(statuses(fromLog.run), ['done', 'done', 'pending', 'pending']);
    const abort = apply(r, { type: 'resumed', how: 'abort', at: 11 });
    assert.ok(abort.ok && abort.run.status === 'aborted');
  });

  it('a finished or waiting run is not interrupted by a reload; a run not interrupted cannot be resumed', () => {
    const finished = run(started(0), failed(0), { type: 'decided', choice: 'abort', at: 9 });
    assert.equal(onReload(finished, 10), finished);
    const waiting = run(started(0), failed(0));
    assert.equal(onReload(waiting, 10).status, 'waiting', 'the decision is asked again');
    refused(run(), { type: 'resumed', how: 'again', at: 1 });
  });

  it('records the process, the log offset and what a PD step learnt', () => {
    const r = run({ type: 'step-started', index: 0, at: 2, pid: 42, logOffset: 100 }, { type: 'step-done', index: 0, at: 3, removePeerLimitBefore: 30 });
    assert.deepEqual([r.steps[0].pid, r.steps[0].logOffset, r.steps[0].removePeerLimitBefore], [42, 100, 30]);
  });
});
