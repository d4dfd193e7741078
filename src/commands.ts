// The one table of commands. Each id is declared once here and in package.json's contributes.
//
// How arguments arrive: a CodeLens passes (inventory URI, host name); a tree item's context menu passes
// (node, selected nodes); the palette passes nothing; a view's title bar passes the tree's *focused* item (VS Code
// does that for every view/title command). So title-bar buttons use commands that ignore their arguments and ask.

import * as vscode from 'vscode';
import type { Ctx } from './context';
import type { HostNode, HostsView } from './features/hostsView/hostsView';
import type { RunOptions, Scaling } from './features/scaling/scaling';
import type { StoreTarget } from './core/plan/storeOps';
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
  return {};
}

/** The folder to act on: the only one, else the operator picks. */
async function chooseCluster(ctx: Ctx, cluster?: Cluster): Promise<Cluster | undefined> {
  if (cluster) return cluster;
  const list = ctx.inventories.list();
  if (!list.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No inventory.ini in this workspace. Open a tidb-ansible folder.'));
    return undefined;
  }
  if (list.length === 1) return list[0];
  const items = list.map((c) => ({ label: vscode.workspace.asRelativePath(c.dir), cluster: c }));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which tidb-ansible folder?') });
  return pick?.cluster;
}

/** An Offline TiFlash store of the folder, picked by the operator (the palette passes none). */
async function chooseOffline(ctx: Ctx, cluster: Cluster): Promise<StoreTarget | undefined> {
  const offline = ctx.stores.states(cluster).filter((s) => s.store?.state === 'Offline');
  if (!offline.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No TiFlash store is Offline in PD: there is no scale-in to cancel.'));
    return undefined;
  }
  const items = offline.map((s) => ({
    label: s.host?.name ?? vscode.l10n.t('store {0}', s.store!.id),
    description: s.store!.address,
    target: s.host ? { host: s.host.name } : { storeId: s.store.id },
  }));
  const title = vscode.l10n.t('TiFlash: Cancel Scale-In');
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Offline store to bring back Up') }))?.target;
}

type Handler = (ctx: Ctx, f: Features, ...args: unknown[]) => unknown;

/** Scripted answers are for the extension's own tests only: no other caller may scale without consent. */
function runOptions(ctx: Ctx, opts: unknown): RunOptions {
  return ctx.extension.extensionMode === vscode.ExtensionMode.Test && opts && typeof opts === 'object' && !Array.isArray(opts) ? opts : {};
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
    const cluster = await chooseCluster(ctx, t.cluster);
    return cluster && f.scaling.scaleOut(cluster, t.host, runOptions(ctx, opts));
  },
  /** The view's title bar: never the focused tree item, always the form. */
  'tiflash.scaleOutNew': async (ctx, f, _focused, _none, opts) => {
    const cluster = await chooseCluster(ctx);
    return cluster && f.scaling.scaleOut(cluster, undefined, runOptions(ctx, opts));
  },
  'tiflash.scaleIn': async (ctx, f, target, host, opts) => {
    const t = resolveTarget(ctx, target as Target, host);
    const cluster = await chooseCluster(ctx, t.cluster);
    return cluster && f.scaling.scaleIn(cluster, t.host, runOptions(ctx, opts));
  },
  'tiflash.cancelScaleIn': async (ctx, f, target, host, opts) => {
    const t = resolveTarget(ctx, target as Target, host);
    const cluster = await chooseCluster(ctx, t.cluster);
    if (!cluster) return undefined;
    const store: StoreTarget | undefined = t.host ? { host: t.host } : t.storeId ? { storeId: t.storeId } : await chooseOffline(ctx, cluster);
    return store && f.scaling.cancelScaleIn(cluster, store, runOptions(ctx, opts));
  },
  'tiflash.forceTombstone': async (ctx, f, target, opts) => {
    const t = resolveTarget(ctx, target as Target, undefined);
    if (t.cluster && t.storeId !== undefined) return f.scaling.forceTombstone(t.cluster, t.storeId, runOptions(ctx, opts));
    return false;
  },
  'tiflash.removeTombstones': async (ctx, f, _focused, opts) => {
    const cluster = await chooseCluster(ctx);
    return cluster && f.scaling.removeTombstones(cluster, runOptions(ctx, opts));
  },
  'tiflash.enablePlacementRules': async (ctx, f, _focused, opts) => {
    const cluster = await chooseCluster(ctx);
    return cluster && f.scaling.enablePlacementRules(cluster, runOptions(ctx, opts));
  },
  'tiflash.resume': (ctx, f, _focused, opts) => f.scaling.resume(undefined, runOptions(ctx, opts)),
  'tiflash.configurePd': () => vscode.commands.executeCommand('workbench.action.openSettings', 'tiflash.pdEndpoints'),
  'tiflash.showLog': (ctx) => ctx.log.show(),
};

export function registerCommands(ctx: Ctx, features: Features): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    ctx.own(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, features, ...args)));
  }
}
