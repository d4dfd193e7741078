// The read model of one cluster, a pure function of its inputs: every inventory host with its match and
// state (from PD's last complete list, with its age once PD fails), the stores the inventory lacks, drain
// progress and the stuck-drain verdict, what each row allows, and PD's version. No view derives any of it.

import { msg } from '../l10n/message';
import type { PdError } from '../pd/http';
import { matchStores, stateLabel, type HostState, type HostStateLabel } from '../pd/match';
import { checkDrain, stalledFor } from '../pd/stuckDrain';
import type { Store } from '../pd/types';
import { capabilitiesOf, versionNote, type PdCapabilities } from '../pd/version';
import { drainProgress } from '../poll/drain';
import type { ClusterModel, DrainView, HostActions, HostRow, ModelInput, PdAnswers, PdStatus } from './types';

/** Stuck findings are read again after this long (or the setting's duration, if longer). */
const RECHECK_MS = 60_000;

export function pdStatus(pd: PdAnswers): PdStatus {
  if (pd.off) return { kind: 'off', reason: pd.off };
  if (pd.failing) return { kind: 'failing', error: pd.failing.error, since: pd.failing.since, readAt: pd.stores?.at };
  return pd.stores ? { kind: 'ok', readAt: pd.stores.at } : { kind: 'unread' };
}

/** Why there is no list to match against: every host is then unknown, never "not in PD". */
function noListError(status: PdStatus): PdError {
  if (status.kind === 'failing') return status.error;
  return { kind: 'unreachable', message: status.kind === 'off' ? status.reason : msg('pd.notRead') };
}

const NOTHING: HostActions = { scaleOut: false, scaleIn: false, cancelScaleIn: false, forceTombstone: false };

function actionsOf(m: HostState, state: HostStateLabel, caps: PdCapabilities | undefined): HostActions {
  if (m.kind !== 'store' && m.kind !== 'absent' && m.kind !== 'orphan') return NOTHING;
  const offline = state === 'Offline';
  const inInventory = m.kind !== 'orphan';
  return {
    scaleOut: inInventory && (state === 'NotInPd' || state === 'Tombstone'),
    scaleIn: inInventory && (state === 'Up' || state === 'Offline' || state === 'Disconnected' || state === 'Down'),
    cancelScaleIn: offline,
    // only where PD's version is known to accept it
    forceTombstone: offline && caps?.forceTombstone === true,
  };
}

export function clusterModel(input: ModelInput): ClusterModel {
  const { pd, now } = input;
  const status = pdStatus(pd);
  const list = pd.stores?.list;
  const capabilities = pd.version && capabilitiesOf(pd.version);
  const staleMs = status.kind === 'failing' && status.readAt !== undefined ? now - status.readAt : undefined;
  const matches = matchStores(input.hosts, list ? { ok: true, value: list } : { ok: false, error: noListError(status) });
  const drains: DrainView[] = [];
  const counts = new Map<HostStateLabel, number>();
  let wantsDrainFacts = false;
  const rows = matches.map((m): HostRow => {
    const state = stateLabel(m);
    counts.set(state, (counts.get(state) ?? 0) + 1);
    const drained = m.store && state === 'Offline' && list ? drainView(m.store, m.host?.name, input, status, capabilities, list.stores) : undefined;
    if (drained) {
      drains.push(drained.view);
      wantsDrainFacts ||= drained.wantsFacts;
    }
    return {
      id: m.host ? m.host.name : `store-${m.store.id}`,
      match: m,
      host: m.host,
      store: m.store,
      state,
      reason: m.kind === 'unknown' || m.kind === 'ambiguous' ? m.reason : undefined,
      // an unknown state has no age: it is unknown now
      staleMs: m.kind === 'unknown' || m.kind === 'ambiguous' ? undefined : staleMs,
      drain: drained?.view,
      actions: actionsOf(m, state, capabilities),
    };
  });
  return {
    now,
    hosts: input.hosts,
    rows,
    pd: status,
    drains,
    counts,
    wantsDrainFacts,
    version: pd.version,
    versionNote: pd.version && versionNote(pd.version),
    capabilities,
  };
}

function drainView(
  store: Store,
  hostName: string | undefined,
  input: ModelInput,
  status: PdStatus,
  caps: PdCapabilities | undefined,
  stores: readonly Store[],
): { view: DrainView; wantsFacts: boolean } {
  const readAt = input.pd.stores!.at;
  const recorded = input.drains.get(store.id);
  const samples = recorded?.length ? recorded : [{ at: readAt, regions: store.regionCount }];
  const progress = drainProgress(samples)!;
  const failing = status.kind === 'failing';
  // while PD fails nothing is known after the last list: the drain is judged as of then
  const asOf = failing ? readAt : input.now;
  const stalledMs = stalledFor(samples, asOf);
  const facts = input.pd.drainFacts;
  const verdict = checkDrain({
    store,
    samples,
    now: asOf,
    stuckAfterMs: input.stuckAfterMs,
    stores,
    rules: facts?.rules,
    schedule: facts?.schedule,
    limits: facts?.limits,
    limitTypes: caps?.storeLimit,
  });
  const view: DrainView = {
    storeId: store.id,
    hostName,
    regions: progress.regions,
    stalledMs,
    readAt,
    ...(failing ? { staleMs: input.now - readAt } : { rate: progress.rate, etaSeconds: progress.etaSeconds }),
  };
  if (!verdict.stuck) return { view, wantsFacts: false };
  view.stuck = { stalledMs: verdict.stalledMs, summary: verdict.summary, findings: facts ? verdict.findings : [], checkedAt: facts?.at };
  const stuckSince = asOf - verdict.stalledMs + input.stuckAfterMs;
  const fresh = facts !== undefined && facts.at >= stuckSince && input.now - facts.at < Math.max(RECHECK_MS, input.stuckAfterMs);
  return { view, wantsFacts: !failing && !fresh };
}
