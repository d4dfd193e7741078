// Live PD state per cluster: one PD module and one poller each, PD's last answers, the drain samples, and
// the cluster's read model (src/core/model), computed once per change (inventory, PD answer, setting) and
// cached. Views render only the model and listen only to onDidChange, which fires once per change.
// Nothing is contacted in an untrusted workspace.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TiFlashHost } from './core/inventory/tiflash';
import { msg } from './core/l10n/message';
import { changeLines } from './core/model/events';
import { clusterModel } from './core/model/cluster';
import type { ClusterModel, DrainFacts, DrainView } from './core/model/types';
import { PdApi, type PdApiOptions } from './core/pd/api';
import type { PdError, TlsPem } from './core/pd/http';
import type { HostState } from './core/pd/match';
import type { StoreId, StoreList } from './core/pd/types';
import type { PdVersion } from './core/pd/version';
import { addSample, type DrainSample } from './core/poll/drain';
import { Poller, type PollIntervals, type PollOutcome } from './core/poll/policy';
import { connectionKey, connectionOf, type Connection, type TlsFiles } from './core/settings/connection';
import type { SettingValues } from './core/settings/schema';
import { show } from './features/text';
import type { Cluster, Inventories } from './inventories';
import type { Settings } from './settings';

/** A PD failure in VS Code's display language. */
export const pdErrorText = (e: PdError): string => show(e.message);

export interface ClusterStores {
  api: PdApi;
  tls?: TlsPem;
  endpoints: string[];
  /** The last complete list PD sent. */
  stores?: StoreList;
  error?: PdError;
  updatedAt?: number;
  drains: Map<StoreId, DrainSample[]>;
  /** Reasons that keep the poller in its fast mode (running operations). */
  activeReasons: Set<string>;
}

interface Entry extends ClusterStores {
  connection: Connection;
  /** Absent when PD may not be contacted (unreadable TLS files): `error` says why. */
  poller?: Poller<StoreList>;
  failingSince?: number;
  version?: PdVersion;
  drainFacts?: DrainFacts;
  readingFacts: boolean;
  readingVersion?: boolean;
}

interface Cached {
  hosts: readonly TiFlashHost[];
  stuckAfterMs: number;
  model: ClusterModel;
}

const intervalsOf = (s: SettingValues): PollIntervals => ({ activeMs: s.pollIntervalActiveMs, idleMs: s.pollIntervalIdleMs });
const stuckAfterOf = (s: SettingValues) => s.stuckDrainSeconds * 1000;

export class StoreMonitor implements vscode.Disposable {
  private readonly byDir = new Map<string, Entry>();
  private readonly models = new Map<string, Cached>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private focused = vscode.window.state.focused;

  constructor(
    private readonly inventories: Inventories,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      inventories.onDidChange(() => this.sync()),
      vscode.window.onDidChangeWindowState((s) => {
        this.focused = s.focused;
        for (const c of this.byDir.values()) c.poller?.setFocused(s.focused);
      }),
      settings.onDidChange(() => this.sync()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sync()),
    );
  }

  get(cluster: Cluster): ClusterStores | undefined {
    return this.byDir.get(cluster.dir.fsPath);
  }

  /** The cluster's read model (what every view shows). */
  model(cluster: Cluster): ClusterModel {
    const key = cluster.dir.fsPath;
    const cached = this.models.get(key);
    return cached && cached.hosts === cluster.tiflash ? cached.model : this.compute(cluster, this.settings.of(cluster.dir));
  }

  /** Inventory hosts with their stores (and the TiFlash stores the inventory lacks), as the model matched them. */
  states(cluster: Cluster): HostState[] {
    return this.model(cluster).rows.map((r) => r.match);
  }

  /** A draining store's progress, rate, ETA and stuck verdict (`drainReport` in core/model/status words it). */
  drain(cluster: Cluster, storeId: StoreId): DrainView | undefined {
    return this.model(cluster).drains.find((d) => d.storeId === storeId);
  }

  refresh(): void {
    const unread = [...this.byDir].filter(([, c]) => !c.poller).map(([key]) => key);
    for (const c of this.byDir.values()) c.poller?.refresh();
    // TLS files that could not be read are read again
    for (const key of unread) this.stop(key);
    if (unread.length) this.sync();
  }

  /** Poll fast while `reason` (an operation) is running; a failed poll is then retried within the active interval. */
  setActive(cluster: Cluster, reason: string, active: boolean): void {
    const c = this.byDir.get(cluster.dir.fsPath);
    if (!c) return;
    if (active) c.activeReasons.add(reason);
    else c.activeReasons.delete(reason);
    c.poller?.setActive(c.activeReasons.size > 0);
  }

  /**
   * Follows the inventories, the settings and trust: starts PD modules for new clusters, stops those of
   * removed ones, restarts only those whose connection (endpoints, TLS, timeout, size cap) changed, gives
   * pollers new intervals, and recomputes the models whose inputs changed. Fires once if anything did.
   */
  sync(): void {
    let changed = false;
    const seen = new Set<string>();
    for (const cluster of this.inventories.list()) {
      const key = cluster.dir.fsPath;
      seen.add(key);
      const s = this.settings.of(cluster.dir);
      let restarted = false;
      if (vscode.workspace.isTrusted) {
        const connection = connectionOf(s, cluster.inventory, key);
        const existing = this.byDir.get(key);
        restarted = !existing || connectionKey(existing.connection) !== connectionKey(connection);
        if (restarted) {
          // a running operation keeps its fast polls on the new connection
          const active = existing?.activeReasons ?? new Set<string>();
          this.stop(key);
          this.start(key, connection, s, active);
        } else existing!.poller?.setIntervals(intervalsOf(s));
      }
      const cached = this.models.get(key);
      if (restarted || !cached || cached.hosts !== cluster.tiflash || cached.stuckAfterMs !== stuckAfterOf(s)) {
        this.compute(cluster, s);
        changed = true;
      }
    }
    for (const key of [...this.byDir.keys()]) if (!seen.has(key)) this.stop(key);
    for (const key of [...this.models.keys()]) {
      if (!seen.has(key)) {
        this.models.delete(key);
        changed = true;
      }
    }
    if (changed) this.emitter.fire();
  }

  /** A PD module of its own for a run's writes (the same connection), reporting every exchange for the journal. */
  apiForRun(cluster: Cluster, onExchange: PdApiOptions['onExchange']): PdApi | undefined {
    const c = this.byDir.get(cluster.dir.fsPath);
    return c && new PdApi({ ...this.apiOptions(c.connection, c.tls), onExchange });
  }

  private apiOptions(c: Connection, tls: TlsPem | undefined): PdApiOptions {
    // a connection that needs TLS but has no files read sends nothing: no endpoint
    const endpoints = c.tls && !tls ? [] : c.endpoints;
    return { endpoints, tls, timeoutMs: c.timeoutMs, maxBodyBytes: c.maxBodyBytes, log: (l) => (l.startsWith('GET ') ? this.log.debug(l) : this.log.info(l)) };
  }

  private start(key: string, connection: Connection, s: SettingValues, activeReasons: Set<string>): void {
    const tls = connection.tls && readTls(connection.tls);
    const api = new PdApi(this.apiOptions(connection, tls?.ok ? tls.pem : undefined));
    const entry: Entry = { api, connection, endpoints: connection.endpoints, drains: new Map(), activeReasons, readingFacts: false };
    this.byDir.set(key, entry);
    if (tls && !tls.ok) {
      entry.error = tls.error;
      entry.failingSince = Date.now();
      this.log.warn(pdErrorText(tls.error));
      return;
    }
    entry.tls = tls?.pem;
    entry.poller = new Poller<StoreList>(
      () => api.stores(),
      (r) => this.onResult(key, entry, r),
      intervalsOf(s),
    );
    entry.poller.setFocused(this.focused);
    entry.poller.setActive(activeReasons.size > 0);
    entry.poller.start();
  }

  private onResult(key: string, entry: Entry, r: PollOutcome<StoreList>): void {
    const now = Date.now();
    if (r.ok) {
      entry.stores = r.value;
      entry.error = undefined;
      entry.failingSince = undefined;
      entry.updatedAt = now;
      const keep = stuckAfterOf(this.settings.of(this.clusterOf(key)?.dir)) + 60_000;
      for (const s of r.value.stores) {
        if (s.state === 'Offline') entry.drains.set(s.id, addSample(entry.drains.get(s.id) ?? [], { at: now, regions: s.regionCount }, keep));
        else entry.drains.delete(s.id);
      }
      if (!entry.version && !entry.readingVersion) void this.readVersion(key, entry);
    } else {
      entry.error = r.error as PdError;
      entry.failingSince ??= now;
    }
    this.update(key);
  }

  /** `GET /version`, once per PD module (a failed read is tried again after the next good poll). */
  private async readVersion(key: string, entry: Entry): Promise<void> {
    entry.readingVersion = true;
    const v = await entry.api.version();
    entry.readingVersion = false;
    if (!v.ok || this.byDir.get(key) !== entry) return;
    entry.version = v.value;
    this.update(key);
  }

  /** Placement rules, PD's low-space-ratio and the store limits, read only while a drain has stopped falling. */
  private async readDrainFacts(key: string, entry: Entry): Promise<void> {
    entry.readingFacts = true;
    try {
      const [rules, schedule, limits] = await Promise.all([entry.api.tiflashRules(), entry.api.scheduleConfig(), entry.api.storeLimits()]);
      if (this.byDir.get(key) !== entry) return;
      entry.drainFacts = {
        at: Date.now(),
        rules: rules.ok ? rules.value : undefined,
        schedule: schedule.ok ? schedule.value : undefined,
        limits: limits.ok ? limits.value : undefined,
      };
    } finally {
      entry.readingFacts = false;
    }
    this.update(key);
  }

  /** A new answer for one cluster: its model again, what changed in the log, once onDidChange. */
  private update(key: string): void {
    const cluster = this.clusterOf(key);
    if (!cluster) return;
    const entry = this.byDir.get(key);
    const prev = this.models.get(key)?.model;
    const next = this.compute(cluster, this.settings.of(cluster.dir));
    const { warn, info } = changeLines(prev, next, entry?.endpoints ?? []);
    for (const m of warn) this.log.warn(show(m));
    for (const m of info) this.log.info(show(m));
    if (entry && next.wantsDrainFacts && !entry.readingFacts) void this.readDrainFacts(key, entry);
    this.emitter.fire();
  }

  private compute(cluster: Cluster, s: SettingValues): ClusterModel {
    const key = cluster.dir.fsPath;
    const e = this.byDir.get(key);
    const model = clusterModel({
      hosts: cluster.tiflash,
      pd: e
        ? {
            stores: e.stores && e.updatedAt !== undefined ? { list: e.stores, at: e.updatedAt } : undefined,
            failing: e.error && { error: e.error, since: e.failingSince ?? Date.now() },
            version: e.version,
            drainFacts: e.drainFacts,
          }
        : vscode.workspace.isTrusted
          ? {}
          : { off: msg('view.pd.untrusted') },
      drains: e?.drains ?? new Map(),
      now: Date.now(),
      stuckAfterMs: stuckAfterOf(s),
    });
    this.models.set(key, { hosts: cluster.tiflash, stuckAfterMs: stuckAfterOf(s), model });
    return model;
  }

  private clusterOf(key: string): Cluster | undefined {
    return this.inventories.list().find((c) => c.dir.fsPath === key);
  }

  private stop(key: string): void {
    const c = this.byDir.get(key);
    c?.poller?.stop();
    c?.api.dispose();
    this.byDir.delete(key);
  }

  dispose(): void {
    for (const key of [...this.byDir.keys()]) this.stop(key);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The PEM files of a TLS cluster; an unreadable one means PD is not asked (never without the CA it must be). */
function readTls(files: TlsFiles): { ok: true; pem: TlsPem } | { ok: false; error: PdError } {
  const read = (file: string): string | PdError => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      return { kind: 'refused', message: msg('view.pd.tlsUnreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }) };
    }
  };
  const [ca, cert, key] = [read(files.ca), read(files.cert), read(files.key)];
  for (const x of [ca, cert, key]) if (typeof x !== 'string') return { ok: false, error: x };
  return { ok: true, pem: { ca: ca as string, cert: cert as string, key: key as string } };
}
