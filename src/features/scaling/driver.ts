// Drives a run: asks the run engine what to do, executes that one effect, feeds the outcome back, saves the
// run (the operation view and a reload read it) and journals every event. A failed step waits for the
// operator's Retry / Skip / Abort; a run interrupted by a reload goes on only as the operator decides.

import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import { commandLine } from '../../core/plan/shell';
import type { PlaybookStep, Step } from '../../core/plan/types';
import { readProcessLog } from '../../core/run/ansibleLog';
import { apply, isFinal, next, type Choice, type Run, type RunEvent } from '../../core/run/engine';
import { processAlive } from '../../core/run/lock';
import { parseRecap } from '../../core/run/recap';
import { resumeAdvice, type ResumeFacts } from '../../core/run/resume';
import { logTarget, terminalOf } from './playbookTask';
import type { RunStore } from './runStore';
import { executeStep, type StepEnv } from './stepExecutor';
import { show } from '../text';

export interface DriveEnv extends Omit<StepEnv, 'run' | 'feed'> {
  runs: RunStore;
}

export async function drive(env: DriveEnv, initial: Run): Promise<Run> {
  let run = initial;
  const feed = async (e: RunEvent) => {
    const r = apply(run, e);
    if (!r.ok) throw new Error(r.why);
    run = r.run;
    await env.runs.save(run);
    await env.journal.write({ kind: 'event', event: e });
  };
  const stepEnv: StepEnv = { ...env, run: () => run, feed };
  for (;;) {
    const n = next(run);
    if (n.kind === 'finished') break;
    if (n.kind === 'execute') {
      env.ctx.log.info(`${run.operation} ${run.target}: step ${n.index + 1}/${run.steps.length}: ${show(n.step.title)}`);
      await feed((await declined(stepEnv, n.index, n.step)) ?? (await executeSafely(stepEnv, n.index, n.step)));
    } else if (n.kind === 'running') {
      throw new Error(`step ${n.index + 1} is still running`);
    } else if (n.kind === 'decide') {
      await feed({ type: 'decided', choice: await decide(env, run, n.index, n.choices), at: Date.now() });
    } else {
      const e = await resumeStep(env, run, n.index, n.step);
      if (!e) break;
      await feed(e);
    }
  }
  if (isFinal(run)) await env.journal.write({ kind: 'run-ended', status: run.status });
  return run;
}

/** With `tiflash.confirmEachStep`, a step the operator does not let run fails without running (Retry asks again). */
async function declined(env: StepEnv, index: number, step: Step): Promise<RunEvent | undefined> {
  if (step.kind === 'info' || !env.ctx.settings.of(env.cluster.dir).confirmEachStep) return undefined;
  const what = vscode.l10n.t('Next: step {0} of {1}: {2}', index + 1, env.run().steps.length, show(step.title));
  if (await env.operator.consent(what, vscode.l10n.t('Run this step'))) return undefined;
  await env.feed({ type: 'step-started', index, at: Date.now() });
  return { type: 'step-failed', index, at: Date.now(), reason: msg('exec.declined') };
}

/** An unexpected error fails the step (the run waits for a decision) instead of leaving it running forever. */
async function executeSafely(env: StepEnv, index: number, step: Step): Promise<RunEvent> {
  try {
    return await executeStep(env, index, step);
  } catch (e) {
    env.ctx.log.error(`step ${index + 1}: ${(e as Error).stack ?? String(e)}`);
    if (env.run().steps[index].status !== 'running') await env.feed({ type: 'step-started', index, at: Date.now() });
    return { type: 'step-failed', index, at: Date.now(), reason: msg('bridge.text', { reason: (e as Error).message }) };
  }
}

async function decide(env: DriveEnv, run: Run, index: number, choices: Choice[]): Promise<Choice> {
  const record = run.steps[index];
  const step = run.plan.steps[index];
  const reason = record.reason ? show(record.reason) : '';
  const code = record.exitCode === undefined ? '' : ` ${vscode.l10n.t('(exit code {0})', record.exitCode)}`;
  env.ctx.log.error(`${show(step.title)}: ${reason}${code}`);
  const what = vscode.l10n.t('Step {0} failed: {1}', index + 1, show(step.title));
  return env.operator.decide(what, `${reason}${code}`, choices);
}

/** After a reload: never sends a playbook that may still run; watching it means waiting for its process to end. */
async function resumeStep(env: DriveEnv, run: Run, index: number, step: Step): Promise<RunEvent | undefined> {
  const what = vscode.l10n.t('The {0} of {1} was interrupted by a reload of the window.', show(msg(`operation.${run.operation}`)), run.target);
  for (;;) {
    const facts = await resumeFacts(env, run, index, step);
    const advice = resumeAdvice(run, index, facts);
    const choice = await env.operator.resume(what, advice);
    if (!choice) return undefined;
    if (choice !== 'watch') return { type: 'resumed', how: choice, at: Date.now(), ...(choice === 'done' && advice.note ? { note: advice.note } : {}) };
    await watch(run.steps[index].pid!, step as PlaybookStep);
  }
}

async function resumeFacts(env: DriveEnv, run: Run, index: number, step: Step): Promise<ResumeFacts> {
  const { pid, logOffset } = run.steps[index];
  if (step.kind !== 'playbook' || pid === undefined) return {};
  if (processAlive(pid)) return { processAlive: true };
  const log = await logTarget(env.cluster.dir.fsPath);
  const recap = parseRecap(await readProcessLog(log.path, logOffset ?? 0, pid));
  await env.journal.write({ kind: 'playbook', step: index, argv: step.argv, pid, recap: Object.fromEntries(recap.hosts) });
  return { processAlive: false, recap };
}

/** Shows the process's terminal when VS Code revived it, and waits until the process has ended (Cancel: ask again). */
function watch(pid: number, step: PlaybookStep): Thenable<void> {
  void terminalOf(pid, 5).then((t) => t?.show(true));
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      cancellable: true,
      title: vscode.l10n.t('Waiting for process {0} ({1}) to end…', pid, commandLine(step.argv)),
    },
    (_progress, token) =>
      new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (processAlive(pid) && !token.isCancellationRequested) return;
          clearInterval(timer);
          resolve();
        }, 500);
      }),
  );
}
