// Executes the one step the run engine asks for and returns its outcome as an engine event. Each step is
// checked again as it starts (the files may have changed during a long wait); what it did goes to the journal.

import * as vscode from 'vscode';
import { msg, type Msg } from '../../core/l10n/message';
import { editsFor } from '../../core/plan/files';
import type { EditStep, InfoStep, PdStep, PlaybookStep, Step } from '../../core/plan/types';
import { logSize } from '../../core/run/ansibleLog';
import type { Run, RunEvent } from '../../core/run/engine';
import { executePdStep } from '../../core/run/pdStep';
import { playbookOutcome } from '../../core/run/playbookOutcome';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { playbookOptions, recheckNow, unsavedFile, unsavedReason } from './checks';
import type { Operator } from './operator';
import { logTarget, runPlaybook, type PlaybookRun } from './playbookTask';
import type { RunJournal } from './runJournal';
import { runApi } from './runApi';
import { runWait } from './waitStep';
import { show } from '../text';

export interface StepEnv {
  ctx: Ctx;
  cluster: Cluster;
  operator: Operator;
  journal: RunJournal;
  /** Aborted to end a wait from outside (a cancel of the scale-in it waits for). */
  signal: AbortSignal;
  /** The run as it is now. */
  run(): Run;
  /** Applies an event to the run (saved, journaled). */
  feed(e: RunEvent): Promise<void>;
}

const failed = (index: number, reason: Msg, exitCode?: number): RunEvent => ({ type: 'step-failed', index, at: Date.now(), reason, exitCode });

export async function executeStep(env: StepEnv, index: number, step: Step): Promise<RunEvent> {
  if (step.kind === 'playbook') return playbook(env, index, step);
  await env.feed({ type: 'step-started', index, at: Date.now() });
  switch (step.kind) {
    case 'edit':
      return edit(env, index, step);
    case 'pd':
      return pd(env, index, step);
    case 'wait':
      return runWait(env, index, step);
    case 'info':
      return info(index, step);
  }
}

async function playbook(env: StepEnv, index: number, step: PlaybookStep): Promise<RunEvent> {
  const { cluster } = env;
  const log = await logTarget(cluster.dir.fsPath);
  const logOffset = await logSize(log.path);
  await env.feed({ type: 'step-started', index, at: Date.now(), logOffset });
  const dirty = unsavedFile(cluster);
  if (dirty) return failed(index, unsavedReason(dirty));
  const changed = await recheckNow(cluster, playbookOptions(env.ctx.settings.of(cluster.dir)), env.run().plan, index, step);
  if (changed) return failed(index, changed);
  const run = env.run();
  const attempt = run.steps[index].attempts;
  const again = attempt > 1 ? ` (${attempt})` : '';
  const label = `TiFlash ${show(msg(`operation.${run.operation}`))} ${run.target} · ${index + 1}/${run.steps.length} ${step.playbook}${again}`;
  env.ctx.log.info(`${label}: run in ${cluster.dir.fsPath}: ${JSON.stringify(step.argv)}`);
  const r = await runPlaybook({
    dir: cluster.dir,
    step,
    id: { run: run.id, step: step.id, attempt },
    label,
    log,
    logOffset,
    started: (pid) => env.feed({ type: 'step-process', index, at: Date.now(), pid }),
    typedAway: (file) =>
      env.operator.tell(
        'warning',
        vscode.l10n.t('While {0} waits for the SSH password, the keyboard belongs to its terminal: what was typed into {1} was undone.', step.playbook, file),
      ),
  });
  const e = playbookEvent(index, step, r);
  if (r.error !== undefined) return e;
  const verdict = e.type === 'step-failed' ? { verdict: e.reason } : {};
  await env.journal.write({
    kind: 'playbook',
    step: index,
    argv: step.argv,
    pid: r.pid,
    exitCode: r.exitCode,
    recap: Object.fromEntries(r.recap.hosts),
    ...verdict,
  });
  env.ctx.log.info(`${label}: process ${r.pid ?? '?'} exited with ${r.exitCode ?? 'no code'}${e.type === 'step-failed' ? `: ${show(e.reason)}` : ''}`);
  return e;
}

/** The step's outcome from what its process did: exit code and recap, never the exit code alone. */
export function playbookEvent(index: number, step: PlaybookStep, r: PlaybookRun): RunEvent {
  if (r.error !== undefined) return failed(index, msg('exec.playbook.notStarted', { playbook: step.playbook, error: r.error }));
  const outcome = playbookOutcome(step, r.exitCode, r.recap);
  return outcome.ok ? { type: 'step-done', index, at: Date.now(), exitCode: r.exitCode } : failed(index, outcome.reason, r.exitCode);
}

/** Edits go through WorkspaceEdit (undoable) and are saved: playbooks read the files from disk. A line already there is done. */
async function edit(env: StepEnv, index: number, step: EditStep): Promise<RunEvent> {
  const { cluster } = env;
  const dirty = unsavedFile(cluster);
  if (dirty) return failed(index, unsavedReason(dirty));
  const changed = await recheckNow(cluster, playbookOptions(env.ctx.settings.of(cluster.dir)), env.run().plan, index, step);
  if (changed) return failed(index, changed);
  const uri = step.file === 'inventory' ? cluster.inventoryUri : cluster.hostsUri;
  const file = vscode.workspace.asRelativePath(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const r = editsFor(doc.getText(), step.ops);
  if (!r.ok) return failed(index, r.message);
  if (r.already) return { type: 'step-done', index, at: Date.now(), note: msg('preview.noChange') };
  const we = new vscode.WorkspaceEdit();
  for (const e of r.edits) we.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  if (!(await vscode.workspace.applyEdit(we))) return failed(index, msg('exec.editFailed', { file }));
  if (!(await doc.save())) return failed(index, msg('exec.saveFailed', { file }));
  return { type: 'step-done', index, at: Date.now() };
}

/** Performs the previewed writes through a PD module of the run's own, journals every exchange and reports the result. */
async function pd(env: StepEnv, index: number, step: PdStep): Promise<RunEvent> {
  const api = runApi(env.ctx, env.cluster, env.journal, index);
  if (!api) return failed(index, msg('exec.noPd'));
  try {
    const r = await executePdStep(step, api);
    if (!r.ok) return failed(index, r.reason);
    env.operator.tell('info', `${show(step.title)}: ${show(r.note)}`);
    return { type: 'step-done', index, at: Date.now(), note: r.note, removePeerLimitBefore: r.removePeerLimitBefore };
  } finally {
    api.dispose();
    env.ctx.stores.refresh();
  }
}

/** Shown, never "done" by the extension: a link to open, or what the operator must do by hand. */
function info(index: number, step: InfoStep): RunEvent {
  if (step.url) {
    const open = vscode.l10n.t('Open Grafana');
    void vscode.window
      .showInformationMessage(show(step.title), open)
      .then((p) => (p === open ? vscode.env.openExternal(vscode.Uri.parse(step.url!)) : undefined));
  } else if (step.detail) void vscode.window.showWarningMessage(`${show(step.title)}: ${show(step.detail)}`);
  return { type: 'step-done', index, at: Date.now() };
}
