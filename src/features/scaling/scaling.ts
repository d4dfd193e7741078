// Guided operations: a plan from the inventory and PD, the operator's confirmation of exactly that plan, then
// the folder's lock, real Ansible asked which hosts each playbook would act on, and the run engine driving the
// steps one by one. Runs are kept per folder (the operation view and a reload read them) and journaled.

import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { parseInventory } from '../../core/inventory/parse';
import type { Inventory } from '../../core/inventory/types';
import { msg } from '../../core/l10n/message';
import type { StoreId } from '../../core/pd/types';
import type { PdFacts } from '../../core/plan/facts';
import { readPdFacts } from '../../core/plan/pdFacts';
import { planScaleIn } from '../../core/plan/scaleIn';
import { withTableNames } from '../../core/plan/tableNames';
import { planScaleOut } from '../../core/plan/scaleOut';
import { planCancelScaleIn, planEnablePlacementRules, planForceTombstone, planRemoveTombstones, type StoreTarget } from '../../core/plan/storeOps';
import type { Plan } from '../../core/plan/types';
import { isFinal, onReload, startRun, type Run } from '../../core/run/engine';
import { readJournal } from '../../core/run/journal';
import { releaseLock } from '../../core/run/lock';
import { limitBeforeDelete } from '../../core/run/recorded';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { show } from '../text';
import { filesNow, lines, playbookOptions, preflightWithProgress, unsavedFile } from './checks';
import { drive } from './driver';
import { takeLock } from './folderLock';
import { endMessage } from './nextSteps';
import { operatorFor, type Operator, type RunOptions } from './operator';
import { RunJournal, who } from './runJournal';
import { RunStore } from './runStore';

export type { RunOptions } from './operator';

interface Active {
  run: Run;
  /** Ends the run's wait from outside (a cancel of the scale-in it waits for). */
  stop: AbortController;
  ended: Promise<Run>;
}

export class Scaling implements vscode.Disposable {
  readonly runs: RunStore;
  /** Runs going on in this window, by folder. */
  private readonly active = new Map<string, Active>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.runs = new RunStore(ctx.extension.workspaceState);
    this.disposables.push(
      this.runs,
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.askInterrupted({})),
    );
  }

  get lastRun(): Run | undefined {
    return this.runs.latest();
  }

  /** `host`: a [tiflash_servers] name or an IP from a CodeLens or tree item; otherwise the operator is asked. */
  async scaleOut(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const operator = operatorFor(opts);
    const known = host !== undefined && cluster.tiflash.some((h) => h.name === host);
    const target = known ? host : await operator.scaleOutSpec(cluster, host);
    if (!target) return undefined;
    const planNow = async () =>
      planScaleOut({
        ...(await this.inventories(cluster)),
        host: target,
        pd: await this.facts(cluster),
        ...playbookOptions(this.ctx.settings.of(cluster.dir)),
      });
    const plan = await planNow();
    const [only] = plan.blocked;
    if (plan.blocked.length === 1 && only.check === 'placement-rules-disabled') {
      const question = vscode.l10n.t('Enable placement rules in PD now? The request is shown before it is sent; the scale-out is planned again afterwards.');
      const offer = `${show(only.message)}\n${question}`;
      if (!(await operator.consent(offer, vscode.l10n.t('Enable Placement Rules…')))) return undefined;
      const enabled = await this.enablePlacementRules(cluster, opts);
      if (enabled?.status !== 'done') return enabled;
      return this.start(cluster, await planNow(), operator);
    }
    return this.start(cluster, plan, operator);
  }

  async scaleIn(cluster: Cluster, host: string | undefined, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const operator = operatorFor(opts);
    const name =
      host ??
      (await vscode.window.showQuickPick(
        cluster.tiflash.map((h) => h.name),
        { title: vscode.l10n.t('TiFlash: Scale In'), placeHolder: vscode.l10n.t('TiFlash host to remove') },
      ));
    if (!name) return undefined;
    const files = await this.inventories(cluster);
    const pd = await this.facts(cluster);
    let input = { ...files, host: name, pd, confirmed: opts.confirmed, ...playbookOptions(this.ctx.settings.of(cluster.dir)) };
    let plan = planScaleIn(input);
    // refused for its placement rules: name the tables (TiDB's status port) so the reason gives the exact statements
    const tidb = this.ctx.settings.of(cluster.dir).tidbStatusEndpoints;
    const named = await withTableNames(plan, files.inventory, pd, { endpoints: tidb, tls: this.ctx.stores.get(cluster)?.tls });
    if (named !== pd) plan = planScaleIn((input = { ...input, pd: named }));
    const last = plan.blocked.find((b) => b.check === 'last-store');
    if (last && plan.blocked.length === 1) {
      if (!(await operator.consent(show(last.message), vscode.l10n.t('Remove the last TiFlash store')))) return undefined;
      plan = planScaleIn({ ...input, confirmed: [...(opts.confirmed ?? []), 'last-store'] });
    }
    return this.start(cluster, plan, operator);
  }

  /** Offline → Up. A scale-in of that store running in this window stops waiting and ends as cancelled first. */
  async cancelScaleIn(cluster: Cluster, target: StoreTarget, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const { inventory } = await this.inventories(cluster);
    const pd = await this.facts(cluster);
    const first = planCancelScaleIn({ inventory, target, pd });
    const storeId = first.steps[0]?.kind === 'pd' ? first.steps[0].storeId : undefined;
    const before = storeId === undefined ? undefined : limitBeforeDelete(await readJournal(cluster.dir.fsPath), storeId);
    const plan = before === undefined ? first : planCancelScaleIn({ inventory, target, pd, removePeerLimitBefore: before });
    return this.start(cluster, plan, operatorFor(opts), () => this.stopWaitingFor(cluster, storeId));
  }

  async forceTombstone(cluster: Cluster, storeId: StoreId, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    const operator = operatorFor(opts);
    const plan = planForceTombstone({ inventory: (await this.inventories(cluster)).inventory, target: { storeId }, pd: await this.facts(cluster) });
    if (!plan.blocked.length && !(await operator.typedStoreId(storeId))) return undefined;
    return this.start(cluster, plan, operator);
  }

  async removeTombstones(cluster: Cluster, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    return this.start(cluster, planRemoveTombstones(await this.facts(cluster)), operatorFor(opts));
  }

  async enablePlacementRules(cluster: Cluster, opts: RunOptions = {}): Promise<Run | undefined> {
    if (!this.ctx.requireTrust()) return undefined;
    return this.start(cluster, planEnablePlacementRules(await this.facts(cluster)), operatorFor(opts));
  }

  /** The interrupted (or undecided) runs of `cluster` (of every folder when undefined) go on as the operator decides. */
  async resume(cluster: Cluster | undefined, opts: RunOptions = {}): Promise<Run[]> {
    if (!this.ctx.requireTrust()) return [];
    const pending = this.runs.all().filter((r) => !isFinal(r) && !this.active.has(r.dir) && (!cluster || r.dir === cluster.dir.fsPath));
    if (!pending.length) {
      operatorFor(opts).tell('info', vscode.l10n.t('No interrupted TiFlash operation to resume.'));
      return [];
    }
    const out: Run[] = [];
    for (const run of pending) {
      const r = await this.continueRun(run, operatorFor(opts));
      if (r) out.push(r);
    }
    return out;
  }

  /** On activation: a run that was going on when the window went away is interrupted, and (trusted) the operator is asked. */
  async recoverAfterReload(opts: RunOptions = {}): Promise<void> {
    for (const run of this.runs.all()) {
      if (run.status !== 'running' || this.active.has(run.dir)) continue;
      const interrupted = onReload(run, Date.now());
      await this.runs.save(interrupted);
      await new RunJournal(run.dir, run.id, this.ctx.log).write({ kind: 'event', event: { type: 'interrupted', at: Date.now() } });
    }
    if (vscode.workspace.isTrusted) await this.askInterrupted(opts);
  }

  private async askInterrupted(opts: RunOptions): Promise<void> {
    const pending = this.runs.all().filter((r) => !isFinal(r) && !this.active.has(r.dir));
    await Promise.all(
      pending.map(async (r) => {
        const operator = operatorFor(opts);
        // a failed step that waited for Retry / Skip / Abort: a reminder first, not a modal question at startup
        if (r.status === 'waiting') {
          const text = vscode.l10n.t('The {0} of {1} stopped at a failed step and waits for your decision.', show(msg(`operation.${r.operation}`)), r.target);
          if (!(await operator.remind(text, vscode.l10n.t('Decide…')))) return;
        }
        await this.continueRun(r, operator);
      }),
    );
  }

  private async continueRun(run: Run, operator: Operator): Promise<Run | undefined> {
    const cluster = this.ctx.inventories.list().find((c) => c.dir.fsPath === run.dir);
    if (!cluster) {
      operator.tell(
        'warning',
        vscode.l10n.t('The interrupted {0} of {1} was in {2}, which has no inventory.ini now.', show(msg(`operation.${run.operation}`)), run.target, run.dir),
      );
      return undefined;
    }
    if (!(await takeLock(run.dir, run, operator))) return undefined;
    return this.go(cluster, run, operator, new RunJournal(run.dir, run.id, this.ctx.log));
  }

  /** Blocked plans are refused with their reasons; otherwise: confirmation, lock, preflight, run. */
  private async start(cluster: Cluster, plan: Plan, operator: Operator, beforeLock?: () => Promise<void>): Promise<Run | undefined> {
    const dir = cluster.dir.fsPath;
    const run = startRun(plan, { id: randomUUID(), dir, at: Date.now() });
    const refused = (why: string): Run => {
      operator.tell('error', vscode.l10n.t('Refused before anything ran:'), why, true);
      this.ctx.log.warn(`${plan.operation} ${plan.target} refused: ${why.replace(/\n/g, '; ')}`);
      return { ...run, status: 'aborted', endedAt: Date.now() };
    };
    if (plan.blocked.length) return refused(lines(plan.blocked.map((b) => b.message)));
    if (!(await operator.confirmPlan(cluster, plan, await filesNow(cluster)))) return undefined;
    await beforeLock?.();
    if (!(await takeLock(dir, run, operator))) return undefined;
    let journal: RunJournal | undefined;
    try {
      const dirty = unsavedFile(cluster);
      if (dirty) return refused(vscode.l10n.t('{0} has unsaved changes: save or revert them, then start again.', vscode.workspace.asRelativePath(dirty)));
      const problems = await preflightWithProgress(cluster, plan, await filesNow(cluster));
      if (problems.length) return refused(lines(problems));
      journal = new RunJournal(dir, run.id, this.ctx.log);
      try {
        await journal.begin({
          kind: 'run-started',
          who: who(this.ctx.extension),
          operation: plan.operation,
          target: plan.target,
          steps: plan.steps,
          warnings: plan.warnings,
        });
      } catch (e) {
        journal = undefined;
        return refused(vscode.l10n.t('The operation journal in {0} cannot be written: {1}', dir, (e as Error).message));
      }
    } finally {
      if (!journal) await releaseLock(dir, run.id);
    }
    await this.runs.save(run);
    return this.go(cluster, run, operator, journal);
  }

  /** Runs while holding the folder's lock, and releases it at the end. */
  private go(cluster: Cluster, run: Run, operator: Operator, journal: RunJournal): Promise<Run> {
    const stop = new AbortController();
    const ended = this.driveLocked(cluster, run, operator, journal, stop.signal);
    this.active.set(run.dir, { run, stop, ended });
    return ended;
  }

  private async driveLocked(cluster: Cluster, run: Run, operator: Operator, journal: RunJournal, signal: AbortSignal): Promise<Run> {
    this.ctx.stores.setActive(cluster, run.id, true);
    try {
      const end = await drive({ ctx: this.ctx, cluster, operator, journal, signal, runs: this.runs }, run);
      if (isFinal(end)) operator.tell(end.status === 'aborted' ? 'warning' : 'info', endMessage(end));
      return end;
    } finally {
      this.ctx.stores.setActive(cluster, run.id, false);
      await releaseLock(run.dir, run.id);
      this.active.delete(run.dir);
      this.ctx.stores.refresh();
    }
  }

  /** A scale-in of `storeId` running in this window: its wait ends as cancelled, and the run with it. */
  private async stopWaitingFor(cluster: Cluster, storeId: StoreId | undefined): Promise<void> {
    const a = this.active.get(cluster.dir.fsPath);
    if (!a || !storeId || a.run.operation !== 'scale-in' || !a.run.plan.steps.some((s) => s.kind === 'wait' && s.storeId === storeId)) return;
    a.stop.abort(msg('exec.wait.cancelledByCancel', { id: storeId }));
    await a.ended;
  }

  /** The folder's inventories as they are now (not as the last parse after a file event left them). */
  private async inventories(cluster: Cluster): Promise<{ inventory: Inventory; hosts?: Inventory }> {
    const files = await filesNow(cluster);
    return {
      inventory: files.inventory === undefined ? cluster.inventory : parseInventory(files.inventory),
      hosts: files.hosts === undefined ? undefined : parseInventory(files.hosts),
    };
  }

  private async facts(cluster: Cluster): Promise<PdFacts> {
    const live = this.ctx.stores.get(cluster);
    if (live) return readPdFacts(live.api);
    const unknown = { ok: false as const, error: { kind: 'unreachable' as const, message: msg('plan.blocked.pdUnknown') } };
    return { stores: unknown, rules: unknown };
  }

  /** A run going on stays saved as running: the next activation finds it interrupted and asks (never cancelled here). */
  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
