// Guided scaling: plan from the inventory and PD, confirm, then let the run engine drive the steps one by one
// (edits, playbooks, PD requests with read-back, waits). The run is kept per folder in workspace state.

import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { msg, type Msg } from '../../core/l10n/message';
import type { StoreId } from '../../core/pd/types';
import { editsFor, textOf } from '../../core/plan/files';
import type { PdFacts } from '../../core/plan/facts';
import { readPdFacts } from '../../core/plan/pdFacts';
import { planScaleIn } from '../../core/plan/scaleIn';
import { planScaleOut } from '../../core/plan/scaleOut';
import { planCancelScaleIn, planForceTombstone, planRemoveTombstones, planEnablePlacementRules, type StoreTarget } from '../../core/plan/storeOps';
import type { EditStep, Plan, Step, WaitStep } from '../../core/plan/types';
import { apply, next, startRun, type Run, type RunEvent } from '../../core/run/engine';
import { executePdStep } from '../../core/run/pdStep';
import { waitVerdict, type Observation, type WaitState } from '../../core/run/wait';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { confirmPlan } from '../preview/confirmPlan';
import { askScaleOut } from '../scaleOutForm/askScaleOut';
import { show } from '../text';
import { RunStore } from './runStore';
import { TerminalRunner } from './terminalRunner';

/** Options for scripted use (the extension's own tests): skip the prompts a person would answer. */
export interface RunOptions {
  assumeYes?: boolean;
  /** Checks the operator confirmed (`last-store`). */
  confirmed?: string[];
}

export class Scaling implements vscode.Disposable {
  readonly runs: RunStore;
  private busy = false;

  constructor(private readonly ctx: Ctx) {
    this.runs = new RunStore(ctx.extension.workspaceState);
  }

  get lastRun(): Run | undefined {
    return this.runs.latest();
  }

  private playbookConfig(cluster: Cluster) {
    const cfg = vscode.workspace.getConfiguration('tiflash', cluster.dir);
    return { playbook: cfg.get<string>('ansiblePlaybookPath', 'ansible-playbook'), extraArgs: cfg.get<string[]>('playbookExtraArgs', []) };
  }

  private async facts(cluster: Cluster): Promise<PdFacts> {
    const live = this.ctx.stores.get(cluster);
    if (live) return readPdFacts(live.api);
    const unknown = { ok: false as const, error: { kind: 'unreachable' as const, message: msg('plan.blocked.pdUnknown') } };
    return { stores: unknown, rules: unknown };
  }

  /** `host`: a [tiflash_servers] name or an IP from a CodeLens or tree item; otherwise the operator is asked. */
  async scaleOut(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const known = host !== undefined && cluster.tiflash.some((h) => h.name === host);
    const target = known ? host : await askScaleOut(cluster, host);
    if (!target) return undefined;
    const plan = planScaleOut({ inventory: cluster.inventory, hosts: cluster.hosts, host: target, pd: await this.facts(cluster), ...this.playbookConfig(cluster) });
    return this.start(cluster, plan, opts);
  }

  async scaleIn(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const name = host ?? (await vscode.window.showQuickPick(cluster.tiflash.map((h) => h.name), { title: vscode.l10n.t('TiFlash: Scale In'), placeHolder: vscode.l10n.t('TiFlash host to remove') }));
    if (!name) return undefined;
    const input = { inventory: cluster.inventory, hosts: cluster.hosts, host: name, pd: await this.facts(cluster), confirmed: opts.confirmed, ...this.playbookConfig(cluster) };
    let plan = planScaleIn(input);
    const last = plan.blocked.find((b) => b.check === 'last-store');
    if (last && plan.blocked.length === 1) {
      const yes = vscode.l10n.t('Remove the last TiFlash store');
      const pick = opts.assumeYes ? yes : await vscode.window.showWarningMessage(show(last.message), { modal: true }, yes);
      if (pick !== yes) return undefined;
      plan = planScaleIn({ ...input, confirmed: [...(opts.confirmed ?? []), 'last-store'] });
    }
    return this.start(cluster, plan, opts);
  }

  async cancelScaleIn(cluster: Cluster, target: StoreTarget, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const recorded = this.runs.forDir(cluster.dir.fsPath);
    const before = recorded?.steps.find((s, i) => recorded.plan.steps[i].kind === 'pd' && s.removePeerLimitBefore !== undefined)?.removePeerLimitBefore;
    return this.start(cluster, planCancelScaleIn({ inventory: cluster.inventory, target, pd: await this.facts(cluster), removePeerLimitBefore: before }), opts);
  }

  async forceTombstone(cluster: Cluster, storeId: StoreId, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const plan = planForceTombstone({ inventory: cluster.inventory, target: { storeId }, pd: await this.facts(cluster) });
    if (!plan.blocked.length && !opts.assumeYes) {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Force store {0} to Tombstone', storeId),
        prompt: vscode.l10n.t('PD drops its replicas immediately: queries that read TiFlash may fail until replicas are rebuilt elsewhere. Never for TiKV. Type the store id to confirm.'),
        validateInput: (v) => (v.trim() === storeId ? undefined : vscode.l10n.t('Type {0} to confirm', storeId)),
      });
      if (typed?.trim() !== storeId) return undefined;
    }
    return this.start(cluster, plan, opts);
  }

  async removeTombstones(cluster: Cluster, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    return this.start(cluster, planRemoveTombstones(await this.facts(cluster)), opts);
  }

  async enablePlacementRules(cluster: Cluster, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    return this.start(cluster, planEnablePlacementRules(await this.facts(cluster)), opts);
  }

  /** A run that a reload interrupted waits for the operator (the run engine marks it interrupted). */
  resume(): Promise<Run | undefined> {
    return Promise.resolve(undefined);
  }

  private async start(cluster: Cluster, plan: Plan, opts: RunOptions): Promise<Run | undefined> {
    const run = startRun(plan, { id: randomUUID(), dir: cluster.dir.fsPath, at: Date.now() });
    if (plan.blocked.length) {
      const reasons = plan.blocked.map((b) => show(b.message)).join('\n');
      void vscode.window.showErrorMessage(vscode.l10n.t('Refused before anything ran: {0}', reasons), { modal: !opts.assumeYes });
      this.ctx.log.warn(`${plan.operation} ${plan.target} blocked: ${plan.blocked.map((b) => `${b.check}: ${show(b.message)}`).join('; ')}`);
      return { ...run, status: 'aborted', endedAt: Date.now() };
    }
    if (!opts.assumeYes && !(await confirmPlan(cluster, plan, { inventory: textOf(cluster.inventory), hosts: cluster.hosts && textOf(cluster.hosts) }))) return undefined;
    if (this.busy) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A TiFlash operation is already running.'));
      return undefined;
    }
    return this.drive(cluster, run, opts);
  }

  private async drive(cluster: Cluster, initial: Run, opts: RunOptions): Promise<Run> {
    this.busy = true;
    let run = initial;
    const terminal = new TerminalRunner(vscode.l10n.t('TiFlash {0} {1}', show(msg(`operation.${run.operation}`)), run.target), cluster.dir, vscode.Uri.joinPath(this.ctx.extension.globalStorageUri, 'steps').fsPath);
    const feed = async (e: RunEvent) => {
      const r = apply(run, e);
      if (!r.ok) throw new Error(r.why);
      run = r.run;
      await this.runs.save(run);
    };
    this.ctx.stores.setActive(cluster, run.id, true);
    try {
      await this.runs.save(run);
      for (;;) {
        const n = next(run);
        if (n.kind === 'finished') break;
        if (n.kind === 'execute') {
          await feed({ type: 'step-started', index: n.index, at: Date.now() });
          this.ctx.log.info(`${run.operation} ${run.target}: step ${n.index + 1}/${run.steps.length}: ${show(n.step.title)}`);
          await feed(await this.execute(cluster, n.index, n.step, terminal, opts));
        } else if (n.kind === 'decide') {
          const reason = run.steps[n.index].reason;
          this.ctx.log.error(`${show(n.step.title)}: ${reason ? show(reason) : ''}`);
          const labels = { retry: vscode.l10n.t('Retry'), skip: vscode.l10n.t('Skip'), abort: vscode.l10n.t('Abort') };
          const pick = opts.assumeYes ? undefined : await vscode.window.showErrorMessage(vscode.l10n.t('Step failed: {0}: {1}', show(n.step.title), reason ? show(reason) : ''), ...n.choices.map((c) => labels[c]));
          const choice = n.choices.find((c) => labels[c] === pick) ?? 'abort';
          await feed({ type: 'decided', choice, at: Date.now() });
        } else if (n.kind === 'resume') await feed({ type: 'resumed', how: 'abort', at: Date.now() });
        else throw new Error(`step ${n.index + 1} is still running`);
      }
      if (run.status === 'done') void vscode.window.showInformationMessage(vscode.l10n.t('{0} of {1} finished.', show(msg(`operation.${run.operation}`)), run.target));
      return run;
    } finally {
      this.ctx.stores.setActive(cluster, run.id, false);
      this.busy = false;
      this.ctx.stores.refresh();
    }
  }

  private async execute(cluster: Cluster, index: number, step: Step, terminal: TerminalRunner, opts: RunOptions): Promise<RunEvent> {
    const at = () => Date.now();
    const failed = (reason: Msg, exitCode?: number): RunEvent => ({ type: 'step-failed', index, at: at(), reason, exitCode });
    if (step.kind === 'edit' || step.kind === 'playbook') {
      const dirty = this.unsaved(cluster);
      if (dirty) return failed(msg('bridge.text', { reason: vscode.l10n.t('{0} has unsaved changes: save or revert them, then retry', vscode.workspace.asRelativePath(dirty)) }));
    }
    switch (step.kind) {
      case 'edit': {
        const r = await this.applyEdits(cluster, step);
        return r.ok ? { type: 'step-done', index, at: at(), note: r.note } : failed(r.reason);
      }
      case 'playbook': {
        const code = await terminal.run(step.argv, (l) => this.ctx.log.info(l));
        if (code === 0) return { type: 'step-done', index, at: at(), exitCode: 0 };
        return failed(msg('bridge.text', { reason: code === undefined ? vscode.l10n.t('the terminal was closed') : vscode.l10n.t('{0} exited with code {1}', step.playbook, code) }), code);
      }
      case 'pd': {
        const api = this.ctx.stores.apiForRun(cluster, (req, o) => this.ctx.log.info(`PD ${req.method} ${req.path} -> ${'status' in o ? o.status : show(o.reason)}`));
        if (!api) return failed(msg('plan.blocked.pdUnknown'));
        try {
          const r = await executePdStep(step, api);
          return r.ok ? { type: 'step-done', index, at: at(), note: r.note, removePeerLimitBefore: r.removePeerLimitBefore } : failed(r.reason);
        } finally {
          api.dispose();
        }
      }
      case 'wait':
        return this.wait(cluster, index, step, opts);
      case 'info':
        if (step.url) void vscode.window.showInformationMessage(show(step.title), vscode.l10n.t('Open Grafana')).then((p) => (p ? vscode.env.openExternal(vscode.Uri.parse(step.url!)) : undefined));
        else if (step.detail) void vscode.window.showInformationMessage(`${show(step.title)}: ${show(step.detail)}`);
        return { type: 'step-done', index, at: at() };
    }
  }

  private unsaved(cluster: Cluster): vscode.Uri | undefined {
    return vscode.workspace.textDocuments.find((d) => d.isDirty && (d.uri.fsPath === cluster.inventoryUri.fsPath || d.uri.fsPath === cluster.hostsUri.fsPath))?.uri;
  }

  /** Edits go through WorkspaceEdit (undoable) and are saved: playbooks read the files from disk. A line already there is done. */
  private async applyEdits(cluster: Cluster, step: EditStep): Promise<{ ok: true; note?: Msg } | { ok: false; reason: Msg }> {
    const uri = step.file === 'inventory' ? cluster.inventoryUri : cluster.hostsUri;
    const doc = await vscode.workspace.openTextDocument(uri);
    const r = editsFor(doc.getText(), step.ops);
    if (!r.ok) return { ok: false, reason: r.message };
    if (r.already) return { ok: true, note: msg('preview.noChange') };
    const we = new vscode.WorkspaceEdit();
    for (const e of r.edits) we.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    if (!(await vscode.workspace.applyEdit(we))) return { ok: false, reason: msg('bridge.text', { reason: vscode.l10n.t('could not edit {0}', uri.fsPath) }) };
    if (!(await doc.save())) return { ok: false, reason: msg('bridge.text', { reason: vscode.l10n.t('could not save {0}', uri.fsPath) }) };
    return { ok: true };
  }

  /** Polls (through the shared monitor) until the wait's end condition; Cancel stops waiting (the store stays as it is). */
  private wait(cluster: Cluster, index: number, step: WaitStep, opts: RunOptions): Promise<RunEvent> {
    return new Promise((resolve) => {
      let state: WaitState = { startedAt: Date.now(), missing: 0 };
      let lastAt: number | undefined;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: show(step.title), cancellable: true },
        (progress, token) => new Promise<void>((done) => {
          const finish = (e: RunEvent) => {
            sub.dispose();
            cancel.dispose();
            done();
            resolve(e);
          };
          const check = () => {
            const live = this.ctx.stores.get(cluster);
            if (!live) return;
            // each snapshot counts once, and only one taken after the wait began (not one from before the delete)
            if (!live.error && (live.updatedAt === undefined || live.updatedAt < state.startedAt || live.updatedAt === lastAt)) return;
            lastAt = live.updatedAt;
            const obs: Observation = live.error ? { ok: false, error: live.error.message } : live.stores ? { ok: true, stores: live.stores.stores } : { ok: false, error: msg('plan.blocked.pdUnknown') };
            const v = waitVerdict(step, obs, Date.now(), state);
            if (v.kind === 'done') return finish({ type: 'step-done', index, at: Date.now(), note: v.note });
            if (v.kind === 'failed') return finish({ type: 'step-failed', index, at: Date.now(), reason: v.reason });
            state = v.state;
            progress.report({ message: show(v.detail) });
          };
          const sub = this.ctx.stores.onDidChange(check);
          const cancel = token.onCancellationRequested(() => {
            void vscode.window.showWarningMessage(vscode.l10n.t('Stopped waiting. Store {0} stays Offline in PD and keeps moving its regions away; TiFlash still runs. Run Scale In again to resume waiting.', step.storeId ?? step.address), { modal: !opts.assumeYes });
            finish({ type: 'step-cancelled', index, at: Date.now(), reason: msg('bridge.text', { reason: vscode.l10n.t('Stopped waiting.') }) });
          });
          this.ctx.stores.refresh();
          check();
        }),
      );
    });
  }

  dispose(): void {
    this.runs.dispose();
  }
}
