// After a window reload the operator decides how an interrupted run goes on. A playbook that may still be
// running is never sent again: while its process lives the only ways on are to watch it end or to abort;
// once it has ended, its recap in Ansible's log says whether it did its work.

import { msg, type Msg } from '../l10n/message';
import { commandLine } from '../plan/shell';
import type { Step } from '../plan/types';
import type { Run, StepRecord } from './engine';
import { judgeRecap, type Recap } from './recap';

export type ResumeOption = 'watch' | 'again' | 'done' | 'abort';

export interface ResumeFacts {
  /** Whether the recorded process still runs (undefined: no process was recorded). */
  processAlive?: boolean;
  /** What the process logged, when it has ended. */
  recap?: Recap;
}

export interface ResumeAdvice {
  index: number;
  message: Msg;
  options: ResumeOption[];
  recommended: ResumeOption;
  /** Why `done` is offered: the recap that shows the step did its work. */
  note?: Msg;
}

export function resumeAdvice(run: Run, index: number, facts: ResumeFacts): ResumeAdvice {
  const step: Step = run.plan.steps[index];
  const record: StepRecord = run.steps[index];
  const at = { step: index + 1, title: step.title };
  if (step.kind !== 'playbook' || record.status !== 'running') {
    return { index, message: msg('run.resume.step', at), options: ['again', 'abort'], recommended: 'again' };
  }
  const command = commandLine(step.argv);
  if (record.pid === undefined)
    return { index, message: msg('run.resume.unknownProcess', { ...at, command }), options: ['again', 'abort'], recommended: 'abort' };
  if (facts.processAlive)
    return { index, message: msg('run.resume.stillRunning', { ...at, command, pid: record.pid }), options: ['watch', 'abort'], recommended: 'watch' };
  const verdict = facts.recap ? judgeRecap(facts.recap, step.expectHosts, step.limit !== undefined) : undefined;
  if (verdict?.ok) {
    const note = msg('run.resume.fromLog', { pid: record.pid });
    return { index, message: msg('run.resume.endedOk', { ...at, command }), options: ['done', 'again', 'abort'], recommended: 'done', note };
  }
  const why = verdict && !verdict.ok ? verdict.reason : msg('run.resume.noRecap');
  return { index, message: msg('run.resume.endedBad', { ...at, command, why }), options: ['again', 'abort'], recommended: 'abort' };
}
