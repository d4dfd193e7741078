// "TiFlash Operation": the steps of the newest run as they really went. Done, skipped, failed (exit code and
// reason), cancelled, shown (information the operator reads, never "done" for them), running and never-run
// steps each look different; a running step says what it waits for. Clicking a step opens what it is about:
// a playbook's output, an edit's diff, Grafana in the browser, or the step in the run's journal. The wipe
// notice stays, one directory a row. A run that starts gets the view opened and its current step revealed.

import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import { stepWhat } from '../../core/run/journalText';
import { isFinal, type Run, type StepRecord } from '../../core/run/engine';
import type { Step } from '../../core/plan/types';
import type { JournalDocs } from '../journal/journalDocs';
import { PlanPreviews } from '../preview/planPreviews';
import type { RunStore } from '../scaling/runStore';
import { show } from '../text';

export const OPERATION_VIEW_ID = 'tiflash.operation';
const OPEN_STEP = 'tiflash.operation.openStep';

/** How a step looks: one of these per state, so no two states share an icon. */
export type StepLook = 'done' | 'skipped' | 'failed' | 'deciding' | 'cancelled' | 'shown' | 'running' | 'interrupted' | 'pending' | 'notRun';

const ICONS: Record<StepLook, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  skipped: new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('testing.iconSkipped')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  deciding: new vscode.ThemeIcon('question', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.yellow')),
  shown: new vscode.ThemeIcon('info', new vscode.ThemeColor('charts.blue')),
  running: new vscode.ThemeIcon('loading~spin'),
  interrupted: new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.orange')),
  pending: new vscode.ThemeIcon('circle-large-outline'),
  notRun: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground')),
};

function lookWords(look: StepLook): string {
  switch (look) {
    case 'done':
      return vscode.l10n.t('done');
    case 'skipped':
      return vscode.l10n.t('skipped');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'deciding':
      return vscode.l10n.t('failed: waiting for your choice');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
    case 'shown':
      return vscode.l10n.t('for you to read or do');
    case 'running':
      return vscode.l10n.t('running');
    case 'interrupted':
      return vscode.l10n.t('interrupted by a reload');
    case 'pending':
      return vscode.l10n.t('pending');
    case 'notRun':
      return vscode.l10n.t('not run');
  }
}

export function stepLook(run: Run, index: number): StepLook {
  const s = run.steps[index];
  switch (s.status) {
    case 'running':
      return run.status === 'interrupted' ? 'interrupted' : 'running';
    case 'failed':
      return run.status === 'waiting' ? 'deciding' : 'failed';
    case 'pending':
      return isFinal(run) ? 'notRun' : 'pending';
    default:
      return s.status;
  }
}

/** What a running step waits for: the run's own note when it has one, else what the step needs to go on. */
function waitsFor(step: Step, record: StepRecord): string {
  if (record.note) return show(record.note);
  if (step.kind === 'playbook') return step.asksPassword ? vscode.l10n.t('waits for the SSH password in its terminal') : vscode.l10n.t('see its terminal');
  if (step.kind === 'wait')
    return step.until === 'tombstone'
      ? vscode.l10n.t('waits for PD to report store {0} Tombstone', step.storeId ?? '?')
      : vscode.l10n.t('waits for PD to report {0} Up', step.address);
  return '';
}

type Node =
  | { kind: 'step'; run: Run; index: number; step: Step }
  /** One directory of the wipe notice, or its full text. */
  | { kind: 'wipe'; run: Run; index: number; text: string; dir: boolean };

export class OperationView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];
  /** The run whose start opened the view (each run opens it once). */
  private revealed: string | undefined;

  constructor(
    private readonly runs: RunStore,
    private readonly journal: JournalDocs,
  ) {
    this.view = vscode.window.createTreeView(OPERATION_VIEW_ID, { treeDataProvider: this });
    this.disposables = [
      this.emitter,
      this.view,
      runs.onDidChange(() => this.update()),
      vscode.commands.registerCommand(OPEN_STEP, (runId: string, index: number) => this.open(runId, index)),
    ];
    this.update();
  }

  /** Whether the view is on screen (it opens itself when a run starts). */
  get visible(): boolean {
    return this.view.visible;
  }

  private update(): void {
    const run = this.runs.latest();
    this.view.description = run ? `${show(msg(`operation.${run.operation}`))} ${run.target} · ${show(msg(`journal.status.${run.status}`))}` : undefined;
    this.emitter.fire();
    if (run && !isFinal(run) && run.id !== this.revealed) {
      this.revealed = run.id;
      void this.reveal(run);
    }
  }

  /**
   * Opens and expands the view at the run's current step, without taking the keyboard (a playbook may be waiting
   * for a password). A closed view knows no rows yet: it opens on the first try and has asked for them soon after.
   */
  private async reveal(run: Run): Promise<void> {
    const index = run.steps.findIndex((s) => s.status === 'running' || s.status === 'pending' || s.status === 'failed');
    if (index < 0) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.view.reveal({ kind: 'step', run, index, step: run.plan.steps[index] }, { select: false, focus: false, expand: true });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  getChildren(node?: Node): Node[] {
    const run = this.runs.latest();
    if (!run) return [];
    if (!node) return run.plan.steps.map((step, index) => ({ kind: 'step', run, index, step }));
    if (node.kind !== 'step' || node.step.kind !== 'info' || !node.step.dirs?.length) return [];
    const { index, step } = node;
    return [
      ...step.dirs!.map((d): Node => ({ kind: 'wipe', run, index, text: d, dir: true })),
      ...(step.detail ? [{ kind: 'wipe', run, index, text: show(step.detail), dir: false } as const] : []),
    ];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'wipe' ? { kind: 'step', run: node.run, index: node.index, step: node.run.plan.steps[node.index] } : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.kind === 'step' ? this.stepItem(node.run, node.index, node.step) : this.wipeItem(node);
  }

  private stepItem(run: Run, index: number, step: Step): vscode.TreeItem {
    const record = run.steps[index];
    const look = stepLook(run, index);
    const item = new vscode.TreeItem(
      `${index + 1}. ${show(step.title)}`,
      step.kind === 'info' && step.dirs?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `${run.id}/${index}`;
    item.iconPath = ICONS[look];
    const exit = record.exitCode !== undefined && record.exitCode !== 0 ? vscode.l10n.t('exit code {0}', record.exitCode) : undefined;
    const running = look === 'running' ? waitsFor(step, record) : undefined;
    item.description = [lookWords(look), exit, running].filter(Boolean).join(' · ');
    item.contextValue = `tiflashStep.${look}.${step.kind}`;
    item.tooltip = this.tooltip(run, index, step, look);
    item.command = { command: OPEN_STEP, title: vscode.l10n.t('Open'), arguments: [run.id, index] };
    item.accessibilityInformation = { label: `${item.label as string}: ${item.description}` };
    return item;
  }

  private tooltip(run: Run, index: number, step: Step, look: StepLook): vscode.MarkdownString {
    const record = run.steps[index];
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${index + 1}. `)
      .appendText(show(step.title))
      .appendMarkdown('**\n\n');
    md.appendText(lookWords(look));
    if (record.exitCode !== undefined) md.appendText(` · ${vscode.l10n.t('exit code {0}', record.exitCode)}`);
    if (record.attempts > 1) md.appendText(` · ${vscode.l10n.t('attempt {0}', record.attempts)}`);
    md.appendMarkdown('\n\n');
    if (record.reason) md.appendMarkdown('$(error) ').appendText(show(record.reason)).appendMarkdown('\n\n');
    if (record.note) md.appendText(show(record.note)).appendMarkdown('\n\n');
    const times = [record.startedAt, record.endedAt].filter((t): t is number => t !== undefined).map((t) => new Date(t).toLocaleString());
    if (times.length) md.appendText(times.join(' → ')).appendMarkdown('\n\n');
    const what = stepWhat(step).map(show);
    if (step.kind === 'playbook' || step.kind === 'pd' || step.kind === 'edit')
      md.appendCodeblock(what.join('\n'), step.kind === 'playbook' ? 'shell' : 'text');
    else for (const w of what) md.appendText(w).appendMarkdown('\n\n');
    md.appendMarkdown(`*${this.clickHint(step)}*`);
    return md;
  }

  private clickHint(step: Step): string {
    if (step.kind === 'playbook') return vscode.l10n.t('Click: its output in the Ansible log');
    if (step.kind === 'edit') return vscode.l10n.t('Click: its diff');
    if (step.kind === 'info' && step.url) return vscode.l10n.t('Click: open {0} in the browser', step.url);
    return vscode.l10n.t('Click: the step in the journal of the run');
  }

  private wipeItem(node: Extract<Node, { kind: 'wipe' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(node.text);
    item.id = `${node.run.id}/${node.index}/${node.dir ? 'dir' : 'detail'}/${node.text}`;
    item.iconPath = new vscode.ThemeIcon(node.dir ? 'folder' : 'warning', node.dir ? undefined : new vscode.ThemeColor('charts.yellow'));
    item.description = node.dir ? vscode.l10n.t('delete by hand before the machine joins again') : undefined;
    item.tooltip = node.text;
    item.contextValue = node.dir ? 'tiflashWipeDir' : 'tiflashWipeDetail';
    return item;
  }

  /** What a click on a step opens. */
  private async open(runId: string, index: number): Promise<void> {
    const run = this.runs.all().find((r) => r.id === runId);
    const step = run?.plan.steps[index];
    if (!run || !step) return;
    if (step.kind === 'playbook') await this.journal.openOutput(run.dir, run.id, index);
    else if (step.kind === 'edit') await PlanPreviews.current.openStepDiff(run.dir, run.plan.steps, index);
    else if (step.kind === 'info' && step.url) await vscode.env.openExternal(vscode.Uri.parse(step.url));
    else await this.journal.openRun(run.dir, run.id, index);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
