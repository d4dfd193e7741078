// Entry point: build the context, register the features and commands. Nothing heavy here:
// inventories are parsed and PD is contacted after activation returns.

import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './context';
import { HostLenses } from './features/codeLens/hostLenses';
import { InventoryCompletion } from './features/completion/inventoryCompletion';
import { InventoryDiagnostics } from './features/diagnostics/inventoryDiagnostics';
import { HostHover } from './features/hover/hostHover';
import { HostsView } from './features/hostsView/hostsView';
import { JournalDocs } from './features/journal/journalDocs';
import { OperationView } from './features/operationView/operationView';
import { PlanPreviews } from './features/preview/planPreviews';
import { ScaleOutForms } from './features/scaleOutForm/scaleOutForms';
import { Scaling } from './features/scaling/scaling';
import { StoreStatus } from './features/statusBar/storeStatus';

export interface Api {
  ctx: Ctx;
  hostsView: HostsView;
  scaling: Scaling;
  statusBar: StoreStatus;
  activationMs: number;
  ready: Promise<void>;
  /** What the operator reviews and answers (the preview, the scale-out form) and the run views: tests drive them. */
  ui: { previews: PlanPreviews; forms: ScaleOutForms; journal: JournalDocs; operationView: OperationView; runs: Scaling['runs'] };
}

export function activate(context: vscode.ExtensionContext): Api {
  const started = performance.now();
  const ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  const features = {
    hostsView: ctx.own(new HostsView(ctx)),
    scaling: ctx.own(new Scaling(ctx)),
  };
  const journal = ctx.own(new JournalDocs(ctx, features.scaling.runs));
  const ui = {
    previews: ctx.own(PlanPreviews.register()),
    forms: ctx.own(ScaleOutForms.register(context.extensionUri)),
    journal,
    operationView: ctx.own(new OperationView(features.scaling.runs, journal)),
    runs: features.scaling.runs,
  };
  ctx.own(new HostLenses(ctx));
  ctx.own(new InventoryDiagnostics(ctx));
  ctx.own(new HostHover(ctx));
  ctx.own(new InventoryCompletion(ctx));
  const statusBar = ctx.own(new StoreStatus(ctx));
  registerCommands(ctx, features);
  const activationMs = performance.now() - started;
  ctx.log.info(`activated in ${activationMs.toFixed(1)} ms`);
  // the work that needs files, processes or network starts after activate() has returned
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(() => ctx.inventories.ready())
    .then(() => {
      ctx.stores.sync();
      // a run the window's reload interrupted waits for the operator's decision (not awaited: it asks)
      void features.scaling.recoverAfterReload();
    });
  return { ctx, hostsView: features.hostsView, scaling: features.scaling, statusBar, activationMs, ready, ui };
}

export function deactivate(): void {
  // the context is disposed through context.subscriptions
}
