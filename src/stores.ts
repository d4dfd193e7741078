// Live PD state per cluster: one PD client and one poller each, the latest snapshot,
// and the drain progress of Offline stores. Nothing is contacted in an untrusted workspace.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { langFromDisplay, msg, render } from './core/l10n/message';
import { PdApi, type PdApiOptions } from './core/pd/api';
import { pdEndpointsFromInventory, tidbAnsibleTlsFiles, tlsEnabled } from './core/pd/endpoints';
import type { PdError, TlsPem } from './core/pd/http';
import { matchStores, type HostState } from './core/pd/match';
import type { StoreId, StoreList } from './core/pd/types';
import { addSample, drainProgress, type DrainProgress, type DrainSample } from './core/poll/drain';
import { DEFAULT_POLL, Poller } from './core/poll/policy';
import type { Cluster, Inventories } from './inventories';

/** A PD failure in VS Code's display language. */
export const pdErrorText = (e: PdError): string => render(e.message, langFromDisplay(vscode.env.language));

export interface ClusterStores {
  api: PdApi;
  tls?: TlsPem;
  poller: Poller<StoreList>;
  endpoints: string[];
  /** The last complete list PD sent. */
  stores?: StoreList;
  error?: PdError;
  updatedAt?: number;
  drains: Map<StoreId, DrainSample[]>;
  /** Reasons that keep the poller in its fast mode (running operations). */
  activeReasons: Set<string>;
}

export class StoreMonitor implements vscode.Disposable {
  private readonly byDir = new Map<string, ClusterStores>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private focused = vscode.window.state.focused;

  constructor(private readonly inventories: Inventories, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      inventories.onDidChange(() => this.sync()),
      vscode.window.onDidChangeWindowState((s) => {
        this.focused = s.focused;
        for (const c of this.byDir.values()) c.poller.setFocused(s.focused);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tiflash')) this.restart();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sync()),
    );
  }

  get(cluster: Cluster): ClusterStores | undefined {
    return this.byDir.get(cluster.dir.fsPath);
  }

  /** Inventory hosts with their stores (and the TiFlash stores the inventory lacks). */
  states(cluster: Cluster): HostState[] {
    const live = this.get(cluster);
    // no answer yet: every host is unknown, never "not in PD"
    return matchStores(cluster.tiflash, live?.stores ? { ok: true, value: live.stores } : { ok: false, error: live?.error ?? { kind: 'unreachable', message: msg('pd.notRead') } });
  }

  drain(cluster: Cluster, storeId: StoreId): DrainProgress | undefined {
    return drainProgress(this.get(cluster)?.drains.get(storeId) ?? []);
  }

  refresh(): void {
    for (const c of this.byDir.values()) c.poller.refresh();
  }

  /** Poll fast while `reason` (an operation) is running. */
  setActive(cluster: Cluster, reason: string, active: boolean): void {
    const c = this.get(cluster);
    if (!c) return;
    if (active) c.activeReasons.add(reason);
    else c.activeReasons.delete(reason);
    c.poller.setActive(c.activeReasons.size > 0);
  }

  /** Starts pollers for new clusters, stops those of removed ones, restarts those whose endpoints changed. */
  sync(): void {
    const seen = new Set<string>();
    if (vscode.workspace.isTrusted) {
      for (const cluster of this.inventories.list()) {
        const key = cluster.dir.fsPath;
        seen.add(key);
        const endpoints = this.endpointsFor(cluster);
        const existing = this.byDir.get(key);
        if (existing && existing.endpoints.join() === endpoints.join()) continue;
        if (existing) this.stop(key);
        this.start(key, endpoints, this.tlsFor(cluster));
      }
    }
    for (const key of [...this.byDir.keys()]) if (!seen.has(key)) this.stop(key);
    this.emitter.fire();
  }

  private endpointsFor(cluster: Cluster): string[] {
    const configured = vscode.workspace.getConfiguration('tiflash', cluster.dir).get<string[]>('pdEndpoints', []);
    return configured.length ? configured : pdEndpointsFromInventory(cluster.inventory);
  }

  /** With `enable_tls = True`: the certificates tidb-ansible generated in the folder's conf/ssl (only that CA is trusted). */
  private tlsFor(cluster: Cluster): TlsPem | undefined {
    if (!tlsEnabled(cluster.inventory)) return undefined;
    const files = tidbAnsibleTlsFiles(cluster.dir.fsPath);
    try {
      return { ca: fs.readFileSync(files.ca, 'utf8'), cert: fs.readFileSync(files.cert, 'utf8'), key: fs.readFileSync(files.key, 'utf8') };
    } catch (e) {
      this.log.warn(`enable_tls = True but ${files.ca}, ${files.cert} or ${files.key} cannot be read (${(e as NodeJS.ErrnoException).code ?? e}): PD is asked without a client certificate`);
      return undefined;
    }
  }

  /** A PD module of its own for a run's writes (the same endpoints and TLS), reporting every exchange for the journal. */
  apiForRun(cluster: Cluster, onExchange: PdApiOptions['onExchange']): PdApi | undefined {
    const c = this.get(cluster);
    return c && new PdApi({ ...this.apiOptions(c.endpoints, c.tls), onExchange });
  }

  private apiOptions(endpoints: string[], tls: TlsPem | undefined): PdApiOptions {
    const cfg = vscode.workspace.getConfiguration('tiflash');
    return { endpoints, tls, timeoutMs: cfg.get<number>('requestTimeoutMs', 5000), log: (l) => (l.startsWith('GET ') ? this.log.debug(l) : this.log.info(l)) };
  }

  private start(key: string, endpoints: string[], tls: TlsPem | undefined): void {
    const cfg = vscode.workspace.getConfiguration('tiflash');
    const api = new PdApi(this.apiOptions(endpoints, tls));
    const entry: ClusterStores = {
      api, endpoints, tls, drains: new Map(), activeReasons: new Set(),
      poller: new Poller<StoreList>(
        () => api.stores(),
        (r) => this.onResult(entry, r),
        undefined,
        {
          ...DEFAULT_POLL,
          activeMs: cfg.get<number>('pollIntervalActiveMs', DEFAULT_POLL.activeMs),
          idleMs: cfg.get<number>('pollIntervalIdleMs', DEFAULT_POLL.idleMs),
        },
      ),
    };
    this.byDir.set(key, entry);
    entry.poller.setFocused(this.focused);
    entry.poller.start();
  }

  private onResult(entry: ClusterStores, r: { ok: true; value: StoreList } | { ok: false; error: unknown }): void {
    if (r.ok) {
      const now = Date.now();
      entry.stores = r.value;
      entry.error = undefined;
      entry.updatedAt = now;
      for (const s of r.value.stores) {
        if (s.state === 'Offline') entry.drains.set(s.id, addSample(entry.drains.get(s.id) ?? [], { at: now, regions: s.regionCount }));
        else entry.drains.delete(s.id);
      }
    } else {
      const was = entry.error;
      entry.error = r.error as PdError;
      // one line in the log when PD goes away, not one per tick
      if (!was) this.log.warn(`PD unreachable at ${entry.endpoints.join(', ')}: ${pdErrorText(entry.error)}`);
    }
    this.emitter.fire();
  }

  private stop(key: string): void {
    const c = this.byDir.get(key);
    c?.poller.stop();
    c?.api.dispose();
    this.byDir.delete(key);
  }

  private restart(): void {
    for (const key of [...this.byDir.keys()]) this.stop(key);
    this.sync();
  }

  dispose(): void {
    for (const key of [...this.byDir.keys()]) this.stop(key);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
