// What a host row says in the tree, its CodeLens and its tooltip: built from the read model only, as
// messages (the glue renders them and adds icons). A host named by its IP is not named twice.

import { msg, render, type Lang, type Msg } from '../l10n/message';
import { stateMsg } from '../pd/match';
import { drainParts } from './status';
import { ageMsg, durationMsg, pdTime } from './time';
import type { ClusterModel, HostRow } from './types';

/** A message, or text that is data (a host name, an address, a number). */
export type Part = Msg | string;

export const renderPart = (p: Part, lang: Lang): string => (typeof p === 'string' ? p : render(p, lang));

/** Parts as one line: " · " between them in both languages. */
export const joinParts = (parts: readonly Part[], lang: Lang): string => parts.map((p) => renderPart(p, lang)).join(' · ');

export const rowLabel = (row: HostRow): Part => row.host?.name ?? msg('view.row.orphan', { id: row.store!.id });

/** `192.168.0.12 · Up · 2 min ago`; the address only when the label is not already it. */
export function rowDescription(row: HostRow): Part[] {
  const address = row.host ? (row.host.address !== row.host.name ? row.host.address : undefined) : row.store?.address;
  const parts: Part[] = address ? [address, stateMsg(row.state)] : [stateMsg(row.state)];
  if (row.staleMs !== undefined) parts.push(ageMsg(row.staleMs));
  if (!row.host) parts.push(msg('view.row.notInInventory'));
  if (row.drain) parts.push(msg('view.row.regions', { n: row.drain.regions }));
  return parts;
}

/** The state lens on a host line: `Up · store 53 · 100 regions`, its age once PD fails, or that it is unknown. */
export function lensTitle(row: HostRow): Part[] {
  if (row.state === 'Unknown') return [msg('view.lens.unknown')];
  const head = row.store ? msg('view.lens.store', { state: stateMsg(row.state), id: row.store.id, regions: row.store.regionCount }) : stateMsg(row.state);
  return row.staleMs !== undefined ? [head, ageMsg(row.staleMs)] : [head];
}

export type Detail = [label: Part, value: Part | number];

/**
 * The tooltip's rows: the inventory's facts, then PD's (times relative to `now`, with the local time that
 * `localTime` writes), the drain, and why a state is unknown.
 */
export function hostDetails(row: HostRow, model: ClusterModel, now: number, localTime: (ms: number) => string): Detail[] {
  const rows: Detail[] = [];
  const at = (ms: number | undefined) => (ms === undefined ? undefined : msg('view.at', { age: ageMsg(now - ms), time: localTime(ms) }));
  const add = (label: Part, value: Part | number | undefined) => {
    if (value !== undefined && value !== '') rows.push([label, value]);
  };
  if (row.host) {
    add(msg('view.tip.name'), row.host.name);
    add(msg('view.tip.address'), row.host.address);
    add('flash_service_port', row.host.ports.flash_service_port);
    add('deploy_dir', row.host.deployDir);
  }
  const s = row.store;
  if (s) {
    add(msg('view.tip.storeId'), s.id);
    add(msg('view.tip.state'), row.staleMs !== undefined ? msg('view.tip.stateAsOf', { state: s.stateName, age: ageMsg(row.staleMs) }) : s.stateName);
    if (row.state === 'Disconnected') add(msg('view.tip.heartbeatState'), msg('view.tip.disconnected'));
    if (row.state === 'Down') add(msg('view.tip.heartbeatState'), msg('view.tip.down'));
    add(msg('view.tip.version'), s.version);
    add(msg('view.tip.regions'), s.regionCount);
    add(msg('view.tip.capacity'), s.capacity ? `${s.capacity} / ${s.available ?? '?'}` : undefined);
    add(msg('view.tip.heartbeat'), at(pdTime(s.lastHeartbeatTs)));
    add(msg('view.tip.started'), at(pdTime(s.startTs)));
  } else if (row.match.kind === 'absent') add(msg('view.tip.pdStore'), msg('view.tip.noStore'));
  const d = row.drain;
  if (d?.rate) add(msg('view.tip.drainRate'), msg('view.tip.drainRateValue', { rate: d.rate.toFixed(1) }));
  if (d?.etaSeconds !== undefined && !d.stuck) add(msg('view.tip.eta'), durationMsg(d.etaSeconds));
  if (d && (d.stuck || d.staleMs !== undefined)) for (const p of [...drainParts(d), ...(d.stuck?.findings.map((f) => f.message) ?? [])]) add('⚠', p);
  add(msg('view.tip.why'), row.reason);
  add(msg('view.tip.pdVersion'), model.version?.text);
  return rows;
}
