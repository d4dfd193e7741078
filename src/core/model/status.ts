// The status bar item, from the clusters' read models: PD unreachable (with the age of what is shown), a stuck
// drain, a drain's regions, rate and ETA, or the count of stores per state. Texts are messages; the glue adds
// the icon that `kind` names and renders them.

import { msg, type Msg } from '../l10n/message';
import { stateMsg, type HostStateLabel } from '../pd/match';
import { ageMsg, durationMsg } from './time';
import type { ClusterModel, DrainView } from './types';

export type StatusKind = 'untrusted' | 'reading' | 'unreachable' | 'stuck' | 'draining' | 'summary';

export interface StatusView {
  kind: StatusKind;
  /** Shown joined by " · " (`joinParts` in ./present). */
  text: Msg[];
  /** Worth the warning colour. */
  warning: boolean;
  /** Tooltip lines, the first being what the item is. */
  tooltip: Msg[];
}

export interface NamedModel {
  /** The tidb-ansible folder's name (said only when there are several). */
  name: string;
  model: ClusterModel;
}

/** The states counted in the summary, in this order (Tombstone and "not in PD" are not stores that serve). */
const COUNTED: readonly HostStateLabel[] = ['Up', 'Offline', 'Disconnected', 'Down', 'Unknown'];

export function summaryMsg(counts: ReadonlyMap<HostStateLabel, number>): Msg {
  const parts = COUNTED.filter((s) => counts.get(s)).map((s) => msg('view.status.count', { n: counts.get(s)!, state: stateMsg(s) }));
  return parts.length ? msg('view.status.summary', { counts: parts }) : msg('view.status.noStores');
}

/** A drain in one line: regions, rate and ETA; or that it is stuck; or, while PD fails, the count as of then. */
export function drainParts(d: DrainView): Msg[] {
  if (d.staleMs !== undefined) return [msg('view.drain.stale', { regions: d.regions, age: ageMsg(d.staleMs) })];
  if (d.stuck) return [msg('view.status.stuck', { id: d.storeId, regions: d.regions, minutes: Math.max(1, Math.round(d.stuck.stalledMs / 60_000)) })];
  const parts = [msg('view.status.draining', { id: d.storeId, regions: d.regions })];
  if (d.rate) parts.push(msg('view.status.rate', { rate: d.rate.toFixed(1) }));
  if (d.etaSeconds !== undefined) parts.push(msg('view.status.eta', { eta: durationMsg(d.etaSeconds) }));
  return parts;
}

/** What the wait notification and the log say about a draining store: the status bar's parts, then what a stuck check found. */
export function drainReport(d: DrainView): Msg[] {
  const checked = d.stuck && d.staleMs === undefined ? d.stuck.findings.map((f) => f.message) : [];
  return [...drainParts(d), ...(d.stuck && d.staleMs === undefined && !checked.length ? [msg('view.drain.checking')] : checked)];
}

/** PD's version, the age of the list, the outage, a version note: one cluster's tooltip lines. */
export function pdLines(m: ClusterModel): Msg[] {
  const lines: Msg[] = [m.version ? msg('view.pd.version', { version: m.version.text }) : msg('view.pd.versionUnread')];
  if (m.versionNote) lines.push(m.versionNote);
  const pd = m.pd;
  if (pd.kind === 'off') lines.push(pd.reason);
  if (pd.kind === 'failing') lines.push(msg('view.pd.failing', { duration: durationMsg((m.now - pd.since) / 1000), reason: pd.error.message }));
  if ((pd.kind === 'ok' || pd.kind === 'failing') && pd.readAt !== undefined) lines.push(msg('view.pd.readAt', { age: ageMsg(m.now - pd.readAt) }));
  for (const d of m.drains) if (d.stuck && d.staleMs === undefined) lines.push(d.stuck.summary, ...d.stuck.findings.map((f) => f.message));
  return lines;
}

export function statusOf(clusters: readonly NamedModel[]): StatusView {
  const many = clusters.length > 1;
  const tooltip = [
    msg('view.status.title'),
    ...clusters.flatMap(({ name, model }) => (many ? pdLines(model).map((text) => msg('view.status.cluster', { name, text })) : pdLines(model))),
  ];
  const models = clusters.map((c) => c.model);
  const view = (kind: StatusKind, text: Msg | Msg[], warning = false): StatusView => ({ kind, text: Array.isArray(text) ? text : [text], warning, tooltip });
  if (models.length && models.every((m) => m.pd.kind === 'off')) return view('untrusted', msg('view.status.untrusted'));
  const failing = models.flatMap((m) => (m.pd.kind === 'failing' ? [m.pd] : []));
  if (failing.length) {
    // the oldest state shown is the one to own up to
    const read = failing.map((p) => p.readAt);
    const oldest = read.includes(undefined) ? undefined : Math.min(...(read as number[]));
    return view(
      'unreachable',
      oldest === undefined ? msg('view.status.unreachable') : msg('view.status.unreachableAge', { age: ageMsg(models[0].now - oldest) }),
      true,
    );
  }
  const drains = models.flatMap((m) => m.drains);
  const stuck = drains.find((d) => d.stuck);
  const more = drains.length > 1 ? [msg('view.status.moreOffline', { n: drains.length - 1 })] : [];
  if (stuck) return view('stuck', [...drainParts(stuck), ...more], true);
  if (drains.length) return view('draining', [...drainParts(drains[0]), ...more]);
  if (models.some((m) => m.pd.kind === 'unread')) return view('reading', msg('view.status.reading'));
  const counts = new Map<HostStateLabel, number>();
  for (const m of models) for (const [s, n] of m.counts) counts.set(s, (counts.get(s) ?? 0) + n);
  return view('summary', summaryMsg(counts));
}
