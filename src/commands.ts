// The one table of commands. Each id is declared once here and in package.json's contributes.

import * as vscode from 'vscode';
import type { Ctx } from './context';
import type { HostNode, HostsView } from './features/hostsView/hostsView';
import type { RunOptions, Scaling } from './features/scaling/scaling';
import type { StoreId } from './core/pd/types';
import type { Cluster } from './inventories';

export interface Features {
  hostsView: HostsView;
  scaling: Scaling;
}

/** Commands are called from CodeLens (inventory URI + host name), the tree (a node) and the palette (nothing). */
type Target = vscode.Uri | HostNode | undefined;

function resolveTarget(ctx: Ctx, target: Target, host: unknown): { cluster?: Cluster; host?: string; storeId?: StoreId } {
  if (target instanceof vscode.Uri) return { cluster: ctx.inventories.forFile(target), host: typeof host === 'string' ? host : undefined };
  if (target && 'kind' in target && target.kind === 'host') return { cluster: target.cluster, host: target.state.host?.name, storeId: target.state.store?.id };
  if (target && 'kind' in target) return { cluster: target.cluster };
  const editor = vscode.window.activeTextEditor?.document.uri;
  return { cluster: (editor && ctx.inventories.forFile(editor)) ?? ctx.inventories.list()[0] };
}

async function needCluster(ctx: Ctx, cluster: Cluster | undefined): Promise<Cluster | undefined> {
  if (cluster) return cluster;
  const list = ctx.inventories.list();
  if (!list.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No inventory.ini in this workspace. Open a tidb-ansible folder.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(list.map((c) => ({ label: vscode.workspace.asRelativePath(c.dir), cluster: c })), { placeHolder: vscode.l10n.t('Which tidb-ansible folder?') });
  return pick?.cluster;
}

type Handler = (ctx: Ctx, f: Features, ...args: unknown[]) => unknown;

/** Skipping confirmations is for the extension's own tests only: no other caller may scale without consent. */
function runOptions(ctx: Ctx, opts: unknown): RunOptions {
  return ctx.extension.extensionMode === vscode.ExtensionMode.Test && opts && typeof opts === 'object' ? (opts as RunOptions) : {};
}

export const COMMANDS: Record<string, Handler> = {
  'tiflash.refresh': async (ctx) => {
    await ctx.inventories.reload();
    ctx.stores.refresh();
  },
  'tiflash.revealHost': async (ctx, f, target, host) => {
    const t = resolveTarget(ctx, target as Target, host);
    if (t.cluster && t.host) await f.hostsView.reveal(t.cluster, t.host);
  },
  'tiflash.scaleOut': async (ctx, f, target, host, opts) => {
    const t = resolveTarget(ctx, target as Target, host);
    const cluster = await needCluster(ctx, t.cluster);
    return cluster && f.scaling.scaleOut(cluster, t.host, runOptions(ctx, opts));
  },
  'tiflash.scaleIn': async (ctx, f, target, host, opts) => {
    const t = resolveTarget(ctx, target as Target, host);
    const cluster = await needCluster(ctx, t.cluster);
    return cluster && f.scaling.scaleIn(cluster, t.host, runOptions(ctx, opts));
  },
  'tiflash.forceTombstone': async (ctx, f, target, opts) => {
    const t = resolveTarget(ctx, target as Target, undefined);
    if (t.cluster && t.storeId !== undefined) return f.scaling.forceTombstone(t.cluster, t.storeId, runOptions(ctx, opts));
    return false;
  },
  'tiflash.removeTombstones': async (ctx, f, target) => {
    const cluster = await needCluster(ctx, resolveTarget(ctx, target as Target, undefined).cluster);
    if (cluster) await f.scaling.removeTombstones(cluster);
  },
  'tiflash.resume': (_ctx, f) => f.scaling.resume(),
  'tiflash.configurePd': () => vscode.commands.executeCommand('workbench.action.openSettings', 'tiflash.pdEndpoints'),
  'tiflash.showLog': (ctx) => ctx.log.show(),
};

export function registerCommands(ctx: Ctx, features: Features): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    ctx.own(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, features, ...args)));
  }
}
