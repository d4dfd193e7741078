// Guided scale-out and scale-in: build the plan from the inventory and PD, confirm, then run the
// steps one by one (edits, playbooks in a terminal, PD calls, waiting for Tombstone). The run is
// kept in workspace state so a reload can resume it.

import * as vscode from 'vscode';
import { langFromDisplay, render } from '../../core/l10n/message';
import { editsFor } from '../../core/plan/editOps';
import { planScaleIn } from '../../core/plan/scaleIn';
import { planScaleOut } from '../../core/plan/scaleOut';
import { isTiFlash, type StoreId } from '../../core/pd/types';
import type { RunProgress } from '../../core/plan/progress';
import type { Plan, Step } from '../../core/plan/types';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { TerminalRunner } from './terminalRunner';

export type Operation = 'scale-out' | 'scale-in';

/** Options for scripted use (tests, the walkthrough): skip the prompts a person would answer. */
export interface RunOptions {
  assumeYes?: boolean;
}

export interface SavedRun extends RunProgress {
  operation: Operation;
  dir: string;
  host: string;
}

const STATE_KEY = 'tiflash.run';

export class Scaling implements vscode.Disposable {
  private running = false;
  private readonly emitter = new vscode.EventEmitter<SavedRun>();
  /** Fires whenever the run's progress is saved: the progress view follows it. */
  readonly onDidChangeRun = this.emitter.event;

  constructor(private readonly ctx: Ctx) {}

  get lastRun(): SavedRun | undefined {
    return this.ctx.extension.workspaceState.get<SavedRun>(STATE_KEY);
  }

  private async save(run: SavedRun): Promise<void> {
    await this.ctx.extension.workspaceState.update(STATE_KEY, { ...run });
    this.emitter.fire(run);
  }

  async scaleOut(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<SavedRun | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const name = host ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('TiFlash: Scale Out'),
      prompt: vscode.l10n.t('IP address of the new TiFlash node'),
      validateInput: (v) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an IP address: TiFlash hosts must be IP addresses')),
    }))?.trim();
    if (!name) return undefined;
    const cfg = this.playbookConfig(cluster);
    const plan = planScaleOut({ inventory: cluster.inventory, hosts: cluster.hosts, host: name, stores: this.ctx.stores.get(cluster)?.stores, ...cfg });
    return this.confirmAndRun(cluster, 'scale-out', plan, vscode.l10n.t('Scale out TiFlash on {0}? This edits inventory.ini and hosts.ini and runs {1} playbooks.', name, plan.steps.filter((s) => s.kind === 'playbook').length), opts);
  }

  async scaleIn(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<SavedRun | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const name = host ?? (await vscode.window.showQuickPick(cluster.tiflash.map((h) => h.name), { title: vscode.l10n.t('TiFlash: Scale In'), placeHolder: vscode.l10n.t('TiFlash host to remove') }));
    if (!name) return undefined;
    const live = this.ctx.stores.get(cluster);
    if (!live) return undefined;
    const [stores, rules] = await Promise.all([live.client.stores(), live.client.tiflashRules()]);
    if (!stores.ok || !rules.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read PD: {0}', (!stores.ok ? stores.error : !rules.ok ? rules.error : undefined)?.message ?? ''));
      return undefined;
    }
    const input = { inventory: cluster.inventory, hosts: cluster.hosts, host: name, stores: stores.value, rules: rules.value, ...this.playbookConfig(cluster) };
    let plan = planScaleIn(input);
    if (plan.blocked.length === 1 && plan.blocked[0].check === 'last-store') {
      const yes = vscode.l10n.t('Remove the last TiFlash store');
      const pick = opts.assumeYes ? yes : await vscode.window.showWarningMessage(plan.blocked[0].message, { modal: true }, yes);
      if (pick !== yes) return undefined;
      plan = planScaleIn({ ...input, confirmLast: true });
    }
    const pd = plan.steps.find((s) => s.kind === 'pd');
    const store = pd?.storeId !== undefined ? stores.value.find((s) => s.id === pd.storeId) : undefined;
    const question = store
      ? vscode.l10n.t('Scale in {0}: delete TiFlash store {1} ({2} regions) in PD. It goes Offline, its regions move away, and only when it is Tombstone is TiFlash stopped and the host removed from the inventories.', name, store.id, store.regionCount)
      : vscode.l10n.t('Scale in {0}: it is not a live store in PD, so TiFlash is stopped and the host removed from the inventories.', name);
    return this.confirmAndRun(cluster, 'scale-in', plan, question, opts);
  }

  private playbookConfig(cluster: Cluster) {
    const cfg = vscode.workspace.getConfiguration('tiflash', cluster.dir);
    return { playbook: cfg.get<string>('ansiblePlaybookPath', 'ansible-playbook'), extraArgs: cfg.get<string[]>('playbookExtraArgs', []) };
  }

  private async confirmAndRun(cluster: Cluster, operation: Operation, plan: Plan, question: string, opts: RunOptions): Promise<SavedRun | undefined> {
    if (plan.blocked.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot {0} {1}: {2}', operation, plan.host, plan.blocked.map((b) => b.message).join(' ')), { modal: !opts.assumeYes });
      this.ctx.log.warn(`${operation} ${plan.host} blocked: ${plan.blocked.map((b) => `${b.check}: ${b.message}`).join('; ')}`);
      return { operation, dir: cluster.dir.fsPath, host: plan.host, steps: plan.steps, next: 0, status: 'aborted' };
    }
    if (this.running) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A TiFlash operation is already running.'));
      return undefined;
    }
    if (!opts.assumeYes) {
      const detail = [...plan.warnings, '', ...plan.steps.map((s, i) => `${i + 1}. ${s.title}`)].join('\n');
      const go = vscode.l10n.t('Start');
      if ((await vscode.window.showWarningMessage(question, { modal: true, detail }, go)) !== go) return undefined;
    }
    const run: SavedRun = { operation, dir: cluster.dir.fsPath, host: plan.host, steps: plan.steps, next: 0, status: 'running' };
    return this.execute(cluster, run, opts);
  }

  /** Resumes a run that a reload interrupted. */
  async resume(opts: RunOptions = {}): Promise<SavedRun | undefined> {
    const run = this.lastRun;
    if (!run || run.status !== 'running' || this.running) return undefined;
    const cluster = this.ctx.inventories.list().find((c) => c.dir.fsPath === run.dir);
    if (!cluster) return undefined;
    this.ctx.log.info(`resuming ${run.operation} ${run.host} at step ${run.next + 1}`);
    return this.execute(cluster, run, opts);
  }

  private async execute(cluster: Cluster, run: SavedRun, opts: RunOptions): Promise<SavedRun> {
    this.running = true;
    const terminal = new TerminalRunner(vscode.l10n.t('TiFlash {0} {1}', run.operation, run.host), cluster.dir, vscode.Uri.joinPath(this.ctx.extension.globalStorageUri, 'steps').fsPath);
    this.ctx.stores.setActive(cluster, run.operation, true);
    try {
      await this.save(run);
      while (run.next < run.steps.length && run.status === 'running') {
        const step = run.steps[run.next];
        this.ctx.log.info(`${run.operation} ${run.host}: step ${run.next + 1}/${run.steps.length}: ${step.title}`);
        const outcome = await this.step(cluster, step, terminal, opts);
        if (outcome === 'ok' || outcome === 'skip') run.next++;
        else if (outcome === 'abort') run.status = 'aborted';
        await this.save(run);
      }
      if (run.status === 'running') run.status = 'done';
      await this.save(run);
      if (run.status === 'done') {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} of {1} finished.', run.operation, run.host));
        if (run.operation === 'scale-in') void this.offerRemoveTombstones(cluster, opts);
      }
      return run;
    } finally {
      this.ctx.stores.setActive(cluster, run.operation, false);
      this.running = false;
      this.ctx.stores.refresh();
      if (run.status === 'done') terminal.dispose();
    }
  }

  /** One step: ok, or after a failure the operator's choice. */
  private async step(cluster: Cluster, step: Step, terminal: TerminalRunner, opts: RunOptions): Promise<'ok' | 'skip' | 'abort' | 'retry'> {
    const confirmEach = vscode.workspace.getConfiguration('tiflash', cluster.dir).get<boolean>('confirmEachStep', false);
    if (confirmEach && !opts.assumeYes) {
      const go = vscode.l10n.t('Run');
      const skip = vscode.l10n.t('Skip');
      const pick = await vscode.window.showInformationMessage(step.title, { modal: true, detail: step.argv?.join(' ') }, go, skip);
      if (pick === skip) return 'skip';
      if (pick !== go) return 'abort';
    }
    // playbooks read the inventories from disk, and an edit step saves them: unsaved changes of the
    // operator's would be ignored by the one and saved unasked by the other
    let error = step.kind === 'edit' || step.kind === 'playbook' ? this.unsavedInventory(cluster) : undefined;
    if (!error) switch (step.kind) {
      case 'edit':
        error = await this.applyEdits(cluster, step);
        break;
      case 'playbook': {
        const code = await terminal.run(step.argv!, (l) => this.ctx.log.info(l));
        if (code !== 0) error = code === undefined ? vscode.l10n.t('the terminal was closed') : vscode.l10n.t('{0} exited with code {1}', step.argv!.slice(0, 2).join(' '), code);
        break;
      }
      case 'pd': {
        const r = await this.ctx.stores.get(cluster)!.client.deleteStore(step.storeId!);
        if (!r.ok) error = r.error.message;
        else this.ctx.log.info(`PD: store ${step.storeId} deleted (now Offline)`);
        break;
      }
      case 'wait':
        return this.waitTombstone(cluster, step.storeId!, opts);
      case 'open':
        void vscode.window.showInformationMessage(step.title, vscode.l10n.t('Open Grafana')).then((p) => (p ? vscode.env.openExternal(vscode.Uri.parse(step.url!)) : undefined));
        break;
      case 'manual':
        void vscode.window.showInformationMessage(`${step.title}: ${step.detail ?? ''}`);
        break;
    }
    if (!error) return 'ok';
    this.ctx.log.error(`${step.title}: ${error}`);
    if (opts.assumeYes) return 'abort';
    const retry = vscode.l10n.t('Retry');
    const skip = vscode.l10n.t('Skip');
    const pick = await vscode.window.showErrorMessage(vscode.l10n.t('Step failed: {0}: {1}', step.title, error), retry, skip, vscode.l10n.t('Abort'));
    return pick === retry ? 'retry' : pick === skip ? 'skip' : 'abort';
  }

  private unsavedInventory(cluster: Cluster): string | undefined {
    const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && (d.uri.fsPath === cluster.inventoryUri.fsPath || d.uri.fsPath === cluster.hostsUri.fsPath));
    return dirty ? vscode.l10n.t('{0} has unsaved changes: save or revert them, then retry', vscode.workspace.asRelativePath(dirty.uri)) : undefined;
  }

  /** Edits go through WorkspaceEdit (undoable) and are saved: playbooks read the files from disk. */
  private async applyEdits(cluster: Cluster, step: Step): Promise<string | undefined> {
    for (const file of ['inventory', 'hosts'] as const) {
      const ops = (step.edits ?? []).filter((e) => e.file === file);
      if (!ops.length) continue;
      const uri = file === 'inventory' ? cluster.inventoryUri : cluster.hostsUri;
      const doc = await vscode.workspace.openTextDocument(uri);
      const r = editsFor(doc.getText(), ops);
      if (!r.ok) return render(r.message, langFromDisplay(vscode.env.language));
      const we = new vscode.WorkspaceEdit();
      for (const e of r.edits) we.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      if (!(await vscode.workspace.applyEdit(we))) return vscode.l10n.t('could not edit {0}', uri.fsPath);
      if (!(await doc.save())) return vscode.l10n.t('could not save {0}', uri.fsPath);
    }
    return undefined;
  }

  /** Polls (through the shared monitor) until the store is Tombstone or gone; Cancel explains what is left. */
  private waitTombstone(cluster: Cluster, storeId: StoreId, opts: RunOptions): Promise<'ok' | 'abort'> {
    return new Promise((resolve) => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Store {0} is Offline: waiting for Tombstone', storeId), cancellable: true },
        (progress, token) => new Promise<void>((done) => {
          const check = () => {
            const live = this.ctx.stores.get(cluster);
            const store = live?.stores?.find((s) => s.id === storeId);
            if (live?.stores && (!store || store.state === 'Tombstone')) return finish('ok');
            if (store) {
              const p = this.ctx.stores.drain(cluster, storeId);
              progress.report({ message: vscode.l10n.t('{0} regions left', store.regionCount) + (p?.etaSeconds !== undefined ? ` · ETA ${p.etaSeconds}s` : '') });
            } else if (live?.error) progress.report({ message: vscode.l10n.t('PD unreachable, retrying: {0}', live.error.message) });
          };
          const sub = this.ctx.stores.onDidChange(check);
          const cancel = token.onCancellationRequested(() => {
            void vscode.window.showWarningMessage(vscode.l10n.t('Stopped waiting. Store {0} stays Offline in PD and keeps moving its regions away; TiFlash still runs. Run Scale In again to resume waiting.', storeId), { modal: !opts.assumeYes });
            finish('abort');
          });
          const finish = (r: 'ok' | 'abort') => {
            sub.dispose();
            cancel.dispose();
            done();
            resolve(r);
          };
          this.ctx.stores.refresh();
          check();
        }),
      );
    });
  }

  /** Forced offline (v4.0): PD drops the store's replicas at once. Only behind typed consent. */
  async forceTombstone(cluster: Cluster, storeId: StoreId, opts: RunOptions = {}): Promise<boolean> {
    if (!this.ctx.requireTrust()) return false;
    const live = this.ctx.stores.get(cluster)?.stores?.find((s) => s.id === storeId);
    // never for TiKV: only a store PD labels engine=tiflash
    if (!live || !isTiFlash(live)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Store {0} is not a TiFlash store known to PD: nothing was changed.', storeId));
      return false;
    }
    const typed = opts.assumeYes ? String(storeId) : await vscode.window.showInputBox({
      title: vscode.l10n.t('Force store {0} to Tombstone', storeId),
      prompt: vscode.l10n.t('PD drops its replicas immediately: queries that read TiFlash may fail until replicas are rebuilt elsewhere. Never for TiKV. Type the store id to confirm.'),
      validateInput: (v) => (v.trim() === String(storeId) ? undefined : vscode.l10n.t('Type {0} to confirm', storeId)),
    });
    if (typed?.trim() !== String(storeId)) return false;
    const r = await this.ctx.stores.get(cluster)!.client.setTombstone(storeId);
    if (!r.ok) void vscode.window.showErrorMessage(r.error.message);
    this.ctx.stores.refresh();
    return r.ok;
  }

  private async offerRemoveTombstones(cluster: Cluster, opts: RunOptions): Promise<void> {
    if (opts.assumeYes) return;
    const yes = vscode.l10n.t('Remove Tombstone records');
    if ((await vscode.window.showInformationMessage(vscode.l10n.t('PD keeps records of Tombstone stores. Remove them now?'), yes)) === yes) {
      await this.removeTombstones(cluster);
    }
  }

  async removeTombstones(cluster: Cluster): Promise<void> {
    if (!this.ctx.requireTrust()) return;
    const r = await this.ctx.stores.get(cluster)?.client.removeTombstones();
    if (r && !r.ok) void vscode.window.showErrorMessage(r.error.message);
    this.ctx.stores.refresh();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
