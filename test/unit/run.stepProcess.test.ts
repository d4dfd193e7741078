import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import type { Plan } from '../../src/core/plan/types';
import { apply, onReload, startRun, type Run, type RunEvent } from '../../src/core/run/engine';
import { resumeAdvice } from '../../src/core/run/resume';

const plan: Plan = {
  operation: 'scale-in',
  target: '192.168.0.11',
  blocked: [],
  warnings: [],
  steps: [
    {
      kind: 'playbook',
      id: 'stop',
      title: msg('plan.step.stop', { name: '192.168.0.11' }),
      argv: ['ansible-playbook', '-i', 'inventory.ini', 'stop.yml', '-l', '192.168.0.11'] as never,
      inventory: 'inventory',
      playbook: 'stop.yml',
      limit: '192.168.0.11',
      expectHosts: ['192.168.0.11'],
    },
  ],
};

function fed(run: Run, ...events: RunEvent[]): Run {
  return events.reduce((r, e) => {
    const a = apply(r, e);
    assert.ok(a.ok, a.ok ? '' : a.why);
    return a.run;
  }, run);
}

describe("a playbook's process id learned after it started", () => {
  it('is recorded on the running step', () => {
    const run = fed(
      startRun(plan, { id: 'r', dir: '/d', at: 1 }),
      { type: 'step-started', index: 0, at: 2, logOffset: 10 },
      { type: 'step-process', index: 0, at: 3, pid: 4242 },
    );
    assert.equal(run.steps[0].pid, 4242);
    assert.equal(run.steps[0].logOffset, 10);
    assert.equal(run.steps[0].status, 'running');
  });

  it('is refused for a step that is not running', () => {
    const r = apply(startRun(plan, { id: 'r', dir: '/d', at: 1 }), { type: 'step-process', index: 0, at: 2, pid: 1 });
    assert.equal(r.ok, false);
  });

  it('leaves the process unknown after a reload before it arrived: the playbook is not offered to run again as the advice', () => {
    const run = onReload(fed(startRun(plan, { id: 'r', dir: '/d', at: 1 }), { type: 'step-started', index: 0, at: 2, logOffset: 0 }), 5);
    const advice = resumeAdvice(run, 0, {});
    assert.equal(advice.message.id, 'run.resume.unknownProcess');
    assert.equal(advice.recommended, 'abort');
    const withPid = onReload(
      fed(
        startRun(plan, { id: 'r', dir: '/d', at: 1 }),
        { type: 'step-started', index: 0, at: 2, logOffset: 0 },
        { type: 'step-process', index: 0, at: 3, pid: 7 },
      ),
      5,
    );
    assert.deepEqual(resumeAdvice(withPid, 0, { processAlive: true }).options, ['watch', 'abort']);
  });
});
