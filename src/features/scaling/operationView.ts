// "TiFlash Operation": the steps of the current (or last) scale-out / scale-in with their progress.
// It reads the run saved in workspace state, so it shows the same after a reload.

import * as vscode from 'vscode';
import { commandLine } from '../../core/plan/argv';
import { stepStatus, type StepStatus } from '../../core/plan/progress';
import type { Step } from '../../core/plan/types';
import type { SavedRun, Scaling } from './scaling';

export const OPERATION_VIEW_ID = 'tiflash.operation';

const ICONS: Record<StepStatus, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  running: new vscode.ThemeIcon('loading~spin'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  pending: new vscode.ThemeIcon('circle-large-outline'),
};

interface StepNode {
  run: SavedRun;
  index: number;
  step: Step;
}

export class OperationView implements vscode.TreeDataProvider<StepNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<StepNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly scaling: Scaling) {
    this.view = vscode.window.createTreeView(OPERATION_VIEW_ID, { treeDataProvider: this });
    this.disposables = [this.emitter, this.view, scaling.onDidChangeRun(() => this.update())];
    this.update();
  }

  private update(): void {
    const run = this.scaling.lastRun;
    this.view.description = run ? `${run.operation} ${run.host}` : undefined;
    this.emitter.fire();
  }

  getChildren(node?: StepNode): StepNode[] {
    const run = this.scaling.lastRun;
    if (node || !run) return [];
    return run.steps.map((step, index) => ({ run, index, step }));
  }

  getTreeItem(node: StepNode): vscode.TreeItem {
    const status = stepStatus(node.run, node.index);
    const item = new vscode.TreeItem(`${node.index + 1}. ${node.step.title}`);
    item.iconPath = ICONS[status];
    item.description = node.step.kind;
    item.contextValue = `tiflashStep.${status}`;
    const md = new vscode.MarkdownString();
    if (node.step.argv) md.appendCodeblock(commandLine(node.step.argv), 'shell');
    if (node.step.detail) md.appendText(node.step.detail);
    item.tooltip = md.value ? md : undefined;
    return item;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
