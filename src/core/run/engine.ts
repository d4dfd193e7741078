// The run engine: a pure state machine over a previewed plan. The VS Code side asks `next` what to do,
// executes that one effect (a process, a PD request, an edit, a wait), and feeds the outcome back as an
// event. Events are also what the journal records, so a run can be told again from its journal.

import type { Msg } from '../l10n/message';
import type { Operation, Plan, Step } from '../plan/types';

/** `shown`: an informational step the operator reads (never "done" by the extension). */
export type StepStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed' | 'cancelled' | 'shown';

export interface StepRecord {
  status: StepStatus;
  attempts: number;
  startedAt?: number;
  endedAt?: number;
  exitCode?: number;
  /** Why it failed or was cancelled. */
  reason?: Msg;
  /** What it found, e.g. "the line was already there" on a re-run. */
  note?: Msg;
  /** The playbook's process and where Ansible's log stood when it started: its recap, even after a reload. */
  pid?: number;
  logOffset?: number;
  /** PD 4.0's remove-peer limit of the store before the delete, so a cancel can put it back. */
  removePeerLimitBefore?: number;
}

/**
 * running: a step runs or is next; waiting: a failed step waits for the operator's choice; interrupted: the window
 * reloaded while a step ran (the operator decides what happens next); the rest are final.
 */
export type RunStatus = 'running' | 'waiting' | 'interrupted' | 'done' | 'aborted' | 'cancelled';

export interface Run {
  id: string;
  operation: Operation;
  /** The tidb-ansible folder. */
  dir: string;
  target: string;
  /** The plan as previewed: Start runs exactly these steps. */
  plan: Pick<Plan, 'steps' | 'warnings'>;
  steps: StepRecord[];
  status: RunStatus;
  startedAt: number;
  endedAt?: number;
}

export type Choice = 'retry' | 'skip' | 'abort';

export type Next =
  | { kind: 'execute'; index: number; step: Step }
  /** A step is under way: its outcome is the next event. */
  | { kind: 'running'; index: number; step: Step }
  | { kind: 'decide'; index: number; step: Step; choices: Choice[] }
  | { kind: 'resume'; index: number; step: Step }
  | { kind: 'finished'; status: 'done' | 'aborted' | 'cancelled' };

export type RunEvent =
  | { type: 'step-started'; index: number; at: number; pid?: number; logOffset?: number }
  /** The running step's process id, learned after it started (a reload in between leaves the process unknown, never forgotten). */
  | { type: 'step-process'; index: number; at: number; pid: number }
  | { type: 'step-done'; index: number; at: number; note?: Msg; exitCode?: number; removePeerLimitBefore?: number }
  | { type: 'step-failed'; index: number; at: number; reason: Msg; exitCode?: number }
  | { type: 'step-cancelled'; index: number; at: number; reason: Msg }
  | { type: 'decided'; choice: Choice; at: number }
  | { type: 'interrupted'; at: number }
  /** After a reload: `again` runs the interrupted step once more, `done` takes the operator's word (or the recap) that it finished. */
  | { type: 'resumed'; how: 'again' | 'done' | 'abort'; at: number; note?: Msg };

export function startRun(plan: Plan, meta: { id: string; dir: string; at: number }): Run {
  return {
    id: meta.id,
    operation: plan.operation,
    dir: meta.dir,
    target: plan.target,
    plan: { steps: plan.steps, warnings: plan.warnings },
    steps: plan.steps.map(() => ({ status: 'pending', attempts: 0 })),
    status: 'running',
    startedAt: meta.at,
  };
}

const FINAL: readonly RunStatus[] = ['done', 'aborted', 'cancelled'];
export const isFinal = (run: Run) => FINAL.includes(run.status);

/** The first step that is neither finished nor skipped. */
function current(run: Run): number {
  const i = run.steps.findIndex((s) => s.status === 'pending' || s.status === 'running' || s.status === 'failed');
  return i < 0 ? run.steps.length : i;
}

export function choicesFor(step: Step): Choice[] {
  return step.skippable ? ['retry', 'skip', 'abort'] : ['retry', 'abort'];
}

/** What the executor does now. */
export function next(run: Run): Next {
  if (run.status === 'done' || run.status === 'aborted' || run.status === 'cancelled') return { kind: 'finished', status: run.status };
  const index = current(run);
  if (index >= run.steps.length) return { kind: 'finished', status: 'done' };
  const step = run.plan.steps[index];
  if (run.status === 'interrupted') return { kind: 'resume', index, step };
  if (run.status === 'waiting') return { kind: 'decide', index, step, choices: choicesFor(step) };
  return run.steps[index].status === 'running' ? { kind: 'running', index, step } : { kind: 'execute', index, step };
}

export type Applied = { ok: true; run: Run } | { ok: false; why: string };

/** The run after one event; an event that does not fit the run's state is refused (the run is unchanged). */
export function apply(run: Run, e: RunEvent): Applied {
  const n = next(run);
  const refuse = (why: string): Applied => ({ ok: false, why: `${e.type}: ${why}` });
  const step = (index: number, patch: Partial<StepRecord>, status: RunStatus = run.status, endedAt?: number): Applied => {
    const steps = run.steps.map((s, i) => (i === index ? { ...s, ...patch } : s));
    const out: Run = { ...run, steps, status };
    if (FINAL.includes(status)) out.endedAt = endedAt;
    else if (current(out) >= steps.length) Object.assign(out, { status: 'done', endedAt });
    return { ok: true, run: out };
  };
  switch (e.type) {
    case 'step-started':
      if (n.kind !== 'execute' || n.index !== e.index) return refuse(`step ${e.index} is not the next to run`);
      return step(e.index, {
        status: 'running',
        startedAt: e.at,
        endedAt: undefined,
        reason: undefined,
        exitCode: undefined,
        attempts: run.steps[e.index].attempts + 1,
        pid: e.pid,
        logOffset: e.logOffset,
      });
    case 'step-process':
      if (!isRunning(run, e.index)) return refuse(`step ${e.index} is not running`);
      return step(e.index, { pid: e.pid });
    case 'step-done': {
      if (!isRunning(run, e.index)) return refuse(`step ${e.index} is not running`);
      const shown = run.plan.steps[e.index].kind === 'info';
      return step(
        e.index,
        { status: shown ? 'shown' : 'done', endedAt: e.at, note: e.note, exitCode: e.exitCode, removePeerLimitBefore: e.removePeerLimitBefore },
        run.status,
        e.at,
      );
    }
    case 'step-failed':
      if (!isRunning(run, e.index)) return refuse(`step ${e.index} is not running`);
      return step(e.index, { status: 'failed', endedAt: e.at, reason: e.reason, exitCode: e.exitCode }, 'waiting');
    case 'step-cancelled':
      if (!isRunning(run, e.index)) return refuse(`step ${e.index} is not running`);
      return step(e.index, { status: 'cancelled', endedAt: e.at, reason: e.reason }, 'cancelled', e.at);
    case 'decided': {
      if (n.kind !== 'decide') return refuse('no failed step waits for a decision');
      if (!n.choices.includes(e.choice)) return refuse(`'${e.choice}' is not offered for step ${n.index}`);
      if (e.choice === 'retry') return step(n.index, { status: 'pending' }, 'running');
      if (e.choice === 'skip') return step(n.index, { status: 'skipped' }, 'running', e.at);
      return { ok: true, run: { ...run, status: 'aborted', endedAt: e.at } };
    }
    case 'interrupted':
      if (run.status !== 'running') return refuse('the run was not going on');
      return { ok: true, run: { ...run, status: 'interrupted' } };
    case 'resumed': {
      if (n.kind !== 'resume') return refuse('the run was not interrupted');
      if (e.how === 'abort') return { ok: true, run: { ...run, status: 'aborted', endedAt: e.at } };
      if (e.how === 'again') return step(n.index, { status: 'pending' }, 'running');
      const shown = n.step.kind === 'info';
      return step(n.index, { status: shown ? 'shown' : 'done', endedAt: e.at, note: e.note }, 'running', e.at);
    }
  }
}

const isRunning = (run: Run, index: number) => run.steps[index]?.status === 'running' && run.status === 'running';

/** After a window reload: a run that was going on waits for the operator instead of going on by itself. */
export function onReload(run: Run, at: number): Run {
  const r = apply(run, { type: 'interrupted', at });
  return r.ok ? r.run : run;
}
