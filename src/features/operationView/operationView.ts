// "TiFlash Operation": the steps of the newest run with their state. It reads the runs saved in workspace
// state, so it shows the same after a reload.

import * as vscode from 'vscode';
import type { Run, StepStatus } from '../../core/run/engine';
import { commandLine } from '../../core/plan/shell';
import type { Step } from '../../core/plan/types';
import { msg } from '../../core/l10n/message';
import { show } from '../text';
import type { RunStore } from '../scaling/runStore';

export const OPERATION_VIEW_ID = 'tiflash.operation';

const ICONS: Record<StepStatus, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  running: new vscode.ThemeIcon('loading~spin'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  pending: new vscode.ThemeIcon('circle-large-outline'),
  skipped: new vscode.ThemeIcon('debug-step-over'),
  cancelled: new vscode.ThemeIcon('circle-slash'),
  shown: new vscode.ThemeIcon('info'),
};

interface StepNode {
  run: Run;
  index: number;
  step: Step;
}

export class OperationView implements vscode.TreeDataProvider<StepNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<StepNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly runs: RunStore) {
    this.view = vscode.window.createTreeView(OPERATION_VIEW_ID, { treeDataProvider: this });
    this.disposables = [this.emitter, this.view, runs.onDidChange(() => this.update())];
    this.update();
  }

  private update(): void {
    const run = this.runs.latest();
    this.view.description = run ? `${show(msg(`operation.${run.operation}`))} ${run.target}` : undefined;
    this.emitter.fire();
  }

  getChildren(node?: StepNode): StepNode[] {
    const run = this.runs.latest();
    if (node || !run) return [];
    return run.plan.steps.map((step, index) => ({ run, index, step }));
  }

  getTreeItem(node: StepNode): vscode.TreeItem {
    const status = node.run.steps[node.index].status;
    const item = new vscode.TreeItem(`${node.index + 1}. ${show(node.step.title)}`);
    item.iconPath = ICONS[status];
    item.description = node.step.kind;
    item.contextValue = `tiflashStep.${status}`;
    const md = new vscode.MarkdownString();
    if (node.step.kind === 'playbook') md.appendCodeblock(commandLine(node.step.argv), 'shell');
    if (node.step.kind === 'info' && node.step.detail) md.appendText(show(node.step.detail));
    item.tooltip = md.value ? md : undefined;
    return item;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
