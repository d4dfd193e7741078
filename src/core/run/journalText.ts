// The journal as people read it: the runs of a folder, and one run step by step with what each step runs or
// sends, when it started and ended, its exit code, PD's answers, the recap and the operator's choices. The
// extension shows the same text in a read-only document that the CLI prints.

import { msg, render, type Lang, type Msg } from '../l10n/message';
import { commandLine } from '../plan/shell';
import type { Step } from '../plan/types';
import { isFinal, type Run, type RunEvent, type RunStatus } from './engine';
import type { JournalEntry, RunSummary } from './journal';

/** `2026-01-02 10:00:03` in the local time zone of whoever reads it. */
export function localTime(at: string | number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const statusMsg = (status: RunStatus | undefined): Msg => msg(status ? `journal.status.${status}` : 'journal.status.unknown');

export function historyText(runs: readonly RunSummary[], file: string, lang: Lang): string {
  const t = (m: Msg) => render(m, lang);
  if (!runs.length) return t(msg('journal.none', { file })) + '\n';
  const lines = runs.map((r) =>
    [localTime(r.startedAt), `${t(msg(`operation.${r.operation}`))} ${r.target}`, t(statusMsg(r.status)), `${r.who.user}@${r.who.hostname}`, r.run].join('  '),
  );
  return [t(msg('journal.history', { file })), ...lines].join('\n') + '\n';
}

export const entriesOfRun = (entries: readonly JournalEntry[], run: string) => entries.filter((e) => e.run === run);

/** What a step runs or sends, as the preview shows it (an edit: the lines it adds or removes). */
export function stepWhat(step: Step): Msg[] {
  const text = (reason: string) => msg('bridge.text', { reason });
  switch (step.kind) {
    case 'playbook':
      return [text(commandLine(step.argv))];
    case 'pd':
      return step.requests.map((r) => text(`${r.method} ${r.path}${r.body ? ` ${r.body}` : ''}`));
    case 'wait':
      return [
        step.until === 'tombstone'
          ? msg('preview.waitTombstone', { id: step.storeId ?? '?' })
          : msg('preview.waitUp', { address: step.address, minutes: Math.round((step.timeoutMs ?? 0) / 60_000) }),
      ];
    case 'edit':
      return step.ops.map((o) => text(o.op === 'add' ? `+ [${o.group}] ${o.line ?? o.host}` : `- [${o.group}] ${o.host}`));
    case 'info':
      return [...(step.detail ? [step.detail] : []), ...(step.url ? [text(step.url)] : [])];
  }
}

/** What one event says about its step (`exitShown`: the playbook's own entry already gave the exit code). */
function eventMsgs(e: RunEvent, exitShown: boolean): Msg[] {
  const exit = (code: number | undefined) => (code !== undefined && !exitShown ? [msg('journal.ev.exitCode', { code })] : []);
  switch (e.type) {
    case 'step-started':
      return [e.pid !== undefined ? msg('journal.ev.startedPid', { pid: e.pid }) : msg('journal.ev.started')];
    case 'step-process':
      return [msg('journal.ev.process', { pid: e.pid })];
    case 'step-done':
      return [...exit(e.exitCode), e.note ? msg('journal.ev.doneNote', { note: e.note }) : msg('journal.ev.done')];
    case 'step-failed':
      return [...exit(e.exitCode), msg('journal.ev.failed', { reason: e.reason })];
    case 'step-cancelled':
      return [msg('journal.ev.cancelled', { reason: e.reason })];
    case 'decided':
      return [msg(`journal.ev.${e.choice}`)];
    case 'interrupted':
      return [msg('journal.ev.interrupted')];
    case 'resumed':
      return [
        msg(e.how === 'again' ? 'journal.ev.resumedAgain' : e.how === 'done' ? 'journal.ev.resumedDone' : 'journal.ev.resumedAbort'),
        ...(e.note ? [e.note] : []),
      ];
  }
}

/** One run's entries as text; undefined when the journal has no start of that run. */
export function runText(entries: readonly JournalEntry[], lang: Lang): string | undefined {
  const t = (m: Msg) => render(m, lang);
  const start = entries.find((e) => e.kind === 'run-started');
  if (!start) return undefined;
  const perStep: string[][] = start.steps.map(() => []);
  const at = (e: JournalEntry, m: Msg) => `      ${localTime(e.at).slice(11)}  ${t(m)}`;
  // choices and reloads name no step: they belong to the step that was under way
  let current = 0;
  /** Steps whose current attempt has a playbook entry with the exit code. */
  const exitShown = new Set<number>();
  let ended: Extract<JournalEntry, { kind: 'run-ended' }> | undefined;
  for (const e of entries) {
    const into = (index: number) => perStep[index] ?? (perStep[index] = []);
    switch (e.kind) {
      case 'event':
        if ('index' in e.event) current = e.event.index;
        if (e.event.type === 'step-started') exitShown.delete(current);
        for (const m of eventMsgs(e.event, exitShown.has(current))) into(current).push(at(e, m));
        break;
      case 'pd':
        into(e.step).push(
          at(
            e,
            e.error
              ? msg('journal.pd.error', { method: e.request.method, path: e.request.path, error: e.error })
              : msg('journal.pd.answer', { method: e.request.method, path: e.request.path, status: e.status ?? '?', answer: e.answer ?? '' }),
          ),
        );
        break;
      case 'playbook': {
        const planned = start.steps[e.step];
        if (!(planned?.kind === 'playbook' && commandLine(planned.argv) === commandLine(e.argv)))
          into(e.step).push(at(e, msg('journal.playbook.ran', { command: commandLine(e.argv) })));
        if (e.exitCode !== undefined) {
          into(e.step).push(at(e, msg('journal.ev.exitCode', { code: e.exitCode })));
          exitShown.add(e.step);
        }
        for (const [host, r] of Object.entries(e.recap ?? {})) {
          const counts = Object.entries(r)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ');
          into(e.step).push(at(e, msg('journal.playbook.recap', { host, counts })));
        }
        if (e.verdict) into(e.step).push(at(e, msg('journal.playbook.verdict', { verdict: e.verdict })));
        break;
      }
      case 'run-ended':
        ended = e;
        break;
      case 'run-started':
        break;
    }
  }
  const out = [
    t(msg('journal.title', { operation: msg(`operation.${start.operation}`), target: start.target })),
    t(
      start.who.user
        ? msg('journal.startedBy', { at: localTime(start.at), user: start.who.user, host: start.who.hostname, tool: start.who.tool, id: start.run })
        : msg('journal.startedAt', { at: localTime(start.at), id: start.run }),
    ),
    t(ended ? msg('journal.ended', { at: localTime(ended.at), status: statusMsg(ended.status) }) : msg('journal.notEnded')),
    '',
  ];
  if (start.warnings.length) out.push(t(msg('preview.warnings')), ...start.warnings.map((w) => `  ! ${t(w)}`), '');
  out.push(t(msg('journal.steps')));
  start.steps.forEach((step, i) => {
    out.push(`${String(i + 1).padStart(2)}. ${t(step.title)}`, ...stepWhat(step).map((m) => `    ${t(m)}`), ...perStep[i]);
  });
  return out.join('\n') + '\n';
}

/** The process of a playbook step's last attempt and where Ansible's log stood when that attempt started. */
export function stepProcess(entries: readonly JournalEntry[], index: number): { pid: number; logOffset: number } | undefined {
  let pid: number | undefined;
  let logOffset = 0;
  for (const e of entries) {
    if (e.kind !== 'event' || !('index' in e.event) || e.event.index !== index) continue;
    // the process id may come with the start or, learned a moment later, on its own
    if (e.event.type === 'step-started') [pid, logOffset] = [e.event.pid, e.event.logOffset ?? 0];
    else if (e.event.type === 'step-process') pid = e.event.pid;
  }
  return pid === undefined ? undefined : { pid, logOffset };
}

/**
 * A run as journal entries, from what the window saved of it (a run the journal does not have): its steps'
 * starts and outcomes, without PD's answers or recaps, and without who ran it.
 */
export function entriesFromRun(run: Run): JournalEntry[] {
  const stamp = (at: number) => ({ v: 1 as const, at: new Date(at).toISOString(), run: run.id });
  const out: JournalEntry[] = [
    {
      ...stamp(run.startedAt),
      kind: 'run-started',
      who: { user: '', hostname: '', tool: '' },
      operation: run.operation,
      target: run.target,
      steps: run.plan.steps,
      warnings: run.plan.warnings,
    },
  ];
  const event = (at: number, e: RunEvent) => out.push({ ...stamp(at), kind: 'event', event: e });
  run.steps.forEach((s, index) => {
    if (s.startedAt !== undefined) event(s.startedAt, { type: 'step-started', index, at: s.startedAt, pid: s.pid, logOffset: s.logOffset });
    const at = s.endedAt ?? s.startedAt ?? run.startedAt;
    if (s.status === 'done' || s.status === 'shown') event(at, { type: 'step-done', index, at, note: s.note, exitCode: s.exitCode });
    else if (s.status === 'failed') event(at, { type: 'step-failed', index, at, reason: s.reason ?? msg('journal.status.unknown'), exitCode: s.exitCode });
    else if (s.status === 'cancelled') event(at, { type: 'step-cancelled', index, at, reason: s.reason ?? msg('journal.status.unknown') });
    else if (s.status === 'skipped') event(at, { type: 'decided', choice: 'skip', at });
  });
  if (isFinal(run)) out.push({ ...stamp(run.endedAt ?? run.startedAt), kind: 'run-ended', status: run.status });
  return out;
}
