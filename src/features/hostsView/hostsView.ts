// The "TiFlash Hosts" tree: every TiFlash host of every inventory.ini with its live PD state,
// plus TiFlash stores PD knows but the inventory lacks (the classic leftovers).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { stateLabel, type HostState } from '../../core/pd/match';
import { formatDuration } from '../../core/poll/drain';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { pdErrorText } from '../../stores';
import { stateIcon, stateText } from '../stateStyle';

export type HostNode =
  | { kind: 'cluster'; cluster: Cluster }
  | { kind: 'host'; cluster: Cluster; state: HostState }
  /** PD did not answer: the item opens the setting that fixes it. */
  | { kind: 'unreachable'; cluster: Cluster; endpoints: string[]; message: string };

export const VIEW_ID = 'tiflash.hosts';

export class HostsView implements vscode.TreeDataProvider<HostNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<HostNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly view: vscode.TreeView<HostNode>;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly ctx: Ctx) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      ctx.inventories.onDidChange(() => this.update()),
      ctx.stores.onDidChange(() => this.update()),
    );
  }

  private update(): void {
    const clusters = this.ctx.inventories.list();
    void vscode.commands.executeCommand('setContext', 'tiflash.hasInventory', clusters.length > 0);
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
    const live = this.ctx.stores.get(cluster);
    const hosts: HostNode[] = this.ctx.stores.states(cluster).map((state) => ({ kind: 'host', cluster, state }));
    return live?.error ? [{ kind: 'unreachable', cluster, endpoints: live.endpoints, message: pdErrorText(live.error) }, ...hosts] : hosts;
  }

  getTreeItem(node: HostNode): vscode.TreeItem {
    if (node.kind === 'unreachable') {
      const item = new vscode.TreeItem(vscode.l10n.t('PD unreachable: set PD endpoints'));
      item.description = node.endpoints.join(', ') || vscode.l10n.t('no endpoint');
      item.tooltip = vscode.l10n.t('{0}\n\nStates below are the last known. Retrying with backoff; click to set tiflash.pdEndpoints.', node.message);
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.command = { command: 'tiflash.configurePd', title: vscode.l10n.t('Configure PD endpoints') };
      item.contextValue = 'tiflashUnreachable';
      return item;
    }
    if (node.kind === 'cluster') {
      const item = new vscode.TreeItem(path.basename(node.cluster.dir.fsPath), vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.workspace.asRelativePath(node.cluster.dir);
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'tiflashCluster';
      return item;
    }
    const { host, store } = node.state;
    const label = stateLabel(node.state);
    const item = new vscode.TreeItem(host?.name ?? vscode.l10n.t('store {0}', store!.id));
    const address = host?.address ?? store!.address;
    const drain = store?.state === 'Offline' ? this.ctx.stores.drain(node.cluster, store.id) : undefined;
    const extra = drain ? ` · ${vscode.l10n.t('{0} regions', drain.regions)}` : '';
    item.description = `${address} · ${stateText(label)}${host ? '' : ` · ${vscode.l10n.t('not in inventory')}`}${extra}`;
    item.iconPath = stateIcon(label);
    item.contextValue = `tiflash${host ? 'Host' : 'Orphan'}.${label}`;
    item.tooltip = this.tooltip(node.state, drain?.etaSeconds);
    item.id = `${node.cluster.dir.fsPath}#${host?.name ?? `store-${store!.id}`}`;
    if (host?.line) {
      item.command = {
        command: 'vscode.open', title: vscode.l10n.t('Open in inventory.ini'),
        arguments: [node.cluster.inventoryUri, { selection: new vscode.Range(host.line.line, host.line.start, host.line.line, host.line.end) }],
      };
    }
    return item;
  }

  private tooltip(s: HostState, eta?: number): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    const rows: [string, string | number | undefined][] = [];
    if (s.host) {
      rows.push([vscode.l10n.t('Inventory name'), s.host.name], [vscode.l10n.t('Address'), s.host.address],
        [vscode.l10n.t('flash_service_port'), s.host.ports.flash_service_port], ['deploy_dir', s.host.deployDir]);
    }
    if (s.store) {
      rows.push([vscode.l10n.t('Store id'), s.store.id], [vscode.l10n.t('State'), s.store.stateName], [vscode.l10n.t('Version'), s.store.version],
        [vscode.l10n.t('Regions'), s.store.regionCount], [vscode.l10n.t('Capacity / available'), s.store.capacity ? `${s.store.capacity} / ${s.store.available ?? '?'}` : undefined],
        [vscode.l10n.t('Last heartbeat'), s.store.lastHeartbeatTs], [vscode.l10n.t('Uptime'), s.store.uptime]);
      if (eta !== undefined) rows.push([vscode.l10n.t('Tombstone in about'), formatDuration(eta)]);
    } else rows.push([vscode.l10n.t('PD store'), vscode.l10n.t('none: this host is not a store in PD')]);
    md.appendMarkdown(`| | |\n|---|---|\n${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `| ${k} | ${String(v).replace(/\|/g, '\\|')} |`).join('\n')}`);
    return md;
  }

  /** Selects and reveals a host (used after a CodeLens click). */
  async reveal(cluster: Cluster, hostName: string): Promise<void> {
    const node = this.getChildren(this.ctx.inventories.list().length === 1 ? undefined : { kind: 'cluster', cluster })
      .find((n) => n.kind === 'host' && n.state.host?.name === hostName);
    if (node) await this.view.reveal(node, { select: true, focus: true });
  }

  getParent(node: HostNode): HostNode | undefined {
    return node.kind === 'host' && this.ctx.inventories.list().length > 1 ? { kind: 'cluster', cluster: node.cluster } : undefined;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
