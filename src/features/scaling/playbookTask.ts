// Runs one playbook step without a shell: a VS Code task with a process execution of the step's argument
// vector, in the tidb-ansible folder, in a terminal of its own that stays open (its output can be reviewed after
// success or failure). The pid and the exit code come from the task's process events; what the process did
// comes from Ansible's log (`log_path`, or `<folder>/log/ansible.log` set for the task when none is configured).

import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlaybookStep } from '../../core/plan/types';
import { runLogPath, readAnsibleSettings } from '../../core/run/ansibleConfig';
import { readProcessLog } from '../../core/run/ansibleLog';
import { parseRecap, type Recap } from '../../core/run/recap';
import { KeyboardGuard } from './keyboardGuard';

/** package.json `taskDefinitions`: a run's step, one attempt. */
export const TASK_TYPE = 'tiflash-ansible';

export interface TaskId {
  run: string;
  step: string;
  attempt: number;
}

export interface PlaybookTaskOptions {
  /** The tidb-ansible folder: the process runs there. */
  dir: vscode.Uri;
  step: PlaybookStep;
  id: TaskId;
  /** The task's name (its terminal's title). */
  label: string;
  /** Ansible's log for the step (`logTarget`) and its size before the step began. */
  log: LogTarget;
  logOffset: number;
  /** The process started. */
  started(pid: number): Promise<void>;
  /** Text was typed into `file` while the step waited for the password (it was undone). */
  typedAway(file: string): void;
}

export interface PlaybookRun {
  pid?: number;
  exitCode?: number;
  /** Why the task could not be started at all. */
  error?: string;
  recap: Recap;
}

export interface LogTarget {
  path: string;
  /** What the process's environment needs to log there. */
  env: Record<string, string>;
}

/** Where the step's process logs, and the environment that makes it log there. */
export async function logTarget(dir: string): Promise<LogTarget> {
  const target = runLogPath(dir, readAnsibleSettings(dir, process.env, os.homedir()));
  // Ansible does not log at all when the log's folder is missing
  await fs.mkdir(path.dirname(target.path), { recursive: true });
  return { path: target.path, env: target.setByUs ? { ANSIBLE_LOG_PATH: target.path } : {} };
}

const sameTask = (d: vscode.TaskDefinition, id: TaskId) => d.type === TASK_TYPE && d.run === id.run && d.step === id.step && d.attempt === id.attempt;

export async function runPlaybook(o: PlaybookTaskOptions): Promise<PlaybookRun> {
  const { log, logOffset } = o;
  // an inventory Ansible cannot parse fails the run instead of leaving it with no host
  const env = { ...log.env, ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true' };
  const [command, ...args] = o.step.argv;
  const scope = vscode.workspace.getWorkspaceFolder(o.dir) ?? vscode.TaskScope.Workspace;
  const task = new vscode.Task({ type: TASK_TYPE, ...o.id }, scope, o.label, 'TiFlash', new vscode.ProcessExecution(command, args, { cwd: o.dir.fsPath, env }));
  task.presentationOptions = {
    reveal: vscode.TaskRevealKind.Always,
    focus: !!o.step.asksPassword,
    panel: vscode.TaskPanelKind.Dedicated,
    clear: false,
    echo: true,
    showReuseMessage: false,
    close: false,
  };
  let pid: number | undefined;
  let guard: Promise<KeyboardGuard | undefined> = Promise.resolve(undefined);
  let fed: Promise<void> = Promise.resolve();
  const subscriptions: vscode.Disposable[] = [];
  const ended = new Promise<number | undefined>((resolve) => {
    subscriptions.push(
      vscode.tasks.onDidStartTaskProcess((e) => {
        if (!sameTask(e.execution.task.definition, o.id)) return;
        pid = e.processId;
        fed = o.started(e.processId);
        if (o.step.asksPassword) guard = guardUntilLogged(e.processId, log.path, logOffset, (file) => o.typedAway(file));
      }),
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (sameTask(e.execution.task.definition, o.id)) resolve(e.exitCode);
      }),
      // a process that never started ends the task without an end of process
      vscode.tasks.onDidEndTask((e) => {
        if (sameTask(e.execution.task.definition, o.id)) setTimeout(() => resolve(undefined), 1000);
      }),
    );
  });
  try {
    try {
      await vscode.tasks.executeTask(task);
    } catch (e) {
      return { error: (e as Error).message, recap: parseRecap('') };
    }
    const exitCode = await ended;
    (await guard)?.dispose();
    await fed;
    const recap = parseRecap(pid === undefined ? '' : await readProcessLog(log.path, logOffset, pid));
    return { pid, exitCode, recap };
  } finally {
    vscode.Disposable.from(...subscriptions).dispose();
  }
}

/** The terminal VS Code runs process `pid` in (it may take a moment to appear). */
export async function terminalOf(pid: number, tries = 20): Promise<vscode.Terminal | undefined> {
  for (let i = 0; i < tries; i++) {
    // a terminal whose process never started never answers: ask each for a moment only
    const terminals = vscode.window.terminals;
    const pids = await Promise.all(terminals.map((t) => Promise.race([t.processId, sleep(200).then(() => undefined)])));
    const found = terminals[pids.indexOf(pid)];
    if (found) return found;
    await sleep(100);
  }
  return undefined;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Gives the terminal the keyboard until the process logs its first line (it has its password then). */
async function guardUntilLogged(pid: number, logPath: string, offset: number, typedAway: (file: string) => void): Promise<KeyboardGuard | undefined> {
  const terminal = await terminalOf(pid);
  return terminal && new KeyboardGuard(terminal, typedAway, async () => (await readProcessLog(logPath, offset, pid)).trim() !== '');
}
