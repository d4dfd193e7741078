// The "TiFlash Hosts" tree: every TiFlash host of every inventory.ini with its PD state, plus TiFlash stores
// PD knows but the inventory lacks, rendered from each cluster's read model only (once per change).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { contextValue } from '../../core/model/menu';
import { hostDetails, joinParts, renderPart, rowDescription, rowLabel, type Part } from '../../core/model/present';
import { ageMsg } from '../../core/model/time';
import type { HostRow } from '../../core/model/types';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { pdErrorText } from '../../stores';
import { stateIcon } from '../stateStyle';
import { displayLang, show } from '../text';

export type HostNode =
  | { kind: 'cluster'; cluster: Cluster }
  /** `state`: the model's row (commands read `state.host` and `state.store`). */
  | { kind: 'host'; cluster: Cluster; state: HostRow }
  /** PD did not answer: the item opens the setting that fixes it. */
  | { kind: 'unreachable'; cluster: Cluster; endpoints: string[]; message: string; readAgo?: string }
  /** What the operator should know about the cluster's PD (a version tidb-ansible does not deploy). */
  | { kind: 'notice'; cluster: Cluster; message: string };

export const VIEW_ID = 'tiflash.hosts';

const text = (p: Part) => renderPart(p, displayLang());
const localTime = (ms: number) => new Date(ms).toLocaleString(vscode.env.language);

export class HostsView implements vscode.TreeDataProvider<HostNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<HostNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<HostNode>;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private hasInventory: boolean | undefined;

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // the monitor fires once per change of an inventory, a PD answer or a setting: one render each
    this.disposables.push(
      this.view,
      ctx.stores.onDidChange(() => this.update()),
    );
  }

  private update(): void {
    const has = this.ctx.inventories.list().length > 0;
    if (has !== this.hasInventory) void vscode.commands.executeCommand('setContext', 'tiflash.hasInventory', (this.hasInventory = has));
    this.view.message = vscode.workspace.isTrusted ? undefined : vscode.l10n.t('Untrusted workspace: PD is not contacted.');
    this.emitter.fire(undefined);
  }

  getChildren(node?: HostNode): HostNode[] {
    const clusters = this.ctx.inventories.list();
    if (!node) {
      if (clusters.length === 1) return this.hostsOf(clusters[0]);
      return clusters.map((cluster) => ({ kind: 'cluster', cluster }));
    }
    return node.kind === 'cluster' ? this.hostsOf(node.cluster) : [];
  }

  private hostsOf(cluster: Cluster): HostNode[] {
    const model = this.ctx.stores.model(cluster);
    const nodes: HostNode[] = [];
    const pd = model.pd;
    if (pd.kind === 'failing') {
      const readAgo = pd.readAt === undefined ? undefined : show(ageMsg(model.now - pd.readAt));
      nodes.push({ kind: 'unreachable', cluster, endpoints: this.ctx.stores.get(cluster)?.endpoints ?? [], message: pdErrorText(pd.error), readAgo });
    }
    if (model.versionNote) nodes.push({ kind: 'notice', cluster, message: show(model.versionNote) });
    return [...nodes, ...model.rows.map((state): HostNode => ({ kind: 'host', cluster, state }))];
  }

  getTreeItem(node: HostNode): vscode.TreeItem {
    switch (node.kind) {
      case 'unreachable': {
        const item = new vscode.TreeItem(vscode.l10n.t('PD unreachable: set PD endpoints'));
        const where = node.endpoints.join(', ') || vscode.l10n.t('no endpoint');
        item.description = node.readAgo ? vscode.l10n.t('{0} · last read {1}', where, node.readAgo) : where;
        item.tooltip = vscode.l10n.t('{0}\n\nStates below are the last known. Retrying with backoff; click to set tiflash.pdEndpoints.', node.message);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.command = { command: 'tiflash.configurePd', title: vscode.l10n.t('Configure PD endpoints'), arguments: [node] };
        item.contextValue = 'tiflashUnreachable';
        return item;
      }
      case 'notice': {
        const item = new vscode.TreeItem(node.message);
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('info', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'tiflashNotice';
        return item;
      }
      case 'cluster': {
        const item = new vscode.TreeItem(path.basename(node.cluster.dir.fsPath), vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.workspace.asRelativePath(node.cluster.dir);
        item.iconPath = new vscode.ThemeIcon('folder-library');
        item.contextValue = 'tiflashCluster';
        return item;
      }
      case 'host':
        return this.hostItem(node.cluster, node.state);
    }
  }

  private hostItem(cluster: Cluster, row: HostRow): vscode.TreeItem {
    const item = new vscode.TreeItem(text(rowLabel(row)));
    item.description = joinParts(rowDescription(row), displayLang());
    item.iconPath = stateIcon(row.state, row.staleMs !== undefined);
    item.contextValue = contextValue(row);
    item.id = `${cluster.dir.fsPath}#${row.id}`;
    const line = row.host?.line;
    if (line) {
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open in inventory.ini'),
        arguments: [cluster.inventoryUri, { selection: new vscode.Range(line.line, line.start, line.line, line.end) }],
      };
    }
    return item;
  }

  /** Tooltips are built when hovered, from the model of that moment. */
  resolveTreeItem(item: vscode.TreeItem, node: HostNode): vscode.TreeItem {
    if (node.kind !== 'host') return item;
    const md = new vscode.MarkdownString();
    const cell = (p: Part | number) => (typeof p === 'number' ? String(p) : text(p)).replace(/[|\\]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
    const rows = hostDetails(node.state, this.ctx.stores.model(node.cluster), Date.now(), localTime);
    md.appendMarkdown(`| | |\n|---|---|\n${rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`).join('\n')}`);
    item.tooltip = md;
    return item;
  }

  /** Selects and reveals a host (used after a CodeLens click). */
  async reveal(cluster: Cluster, hostName: string): Promise<void> {
    const node = this.getChildren(this.ctx.inventories.list().length === 1 ? undefined : { kind: 'cluster', cluster }).find(
      (n) => n.kind === 'host' && n.state.host?.name === hostName,
    );
    if (node) await this.view.reveal(node, { select: true, focus: true });
  }

  getParent(node: HostNode): HostNode | undefined {
    return node.kind !== 'cluster' && this.ctx.inventories.list().length > 1 ? { kind: 'cluster', cluster: node.cluster } : undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
