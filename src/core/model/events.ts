// What changed between two read models of a cluster that the log should say once: PD lost and back,
// a drain found stuck (with what was checked) and moving again, a PD version outside tidb-ansible's.

import { msg, msgKey, type Msg } from '../l10n/message';
import { drainReport } from './status';
import { durationMsg } from './time';
import type { ClusterModel, DrainView } from './types';

const checkedKey = (d: DrainView | undefined) =>
  d?.stuck?.checkedAt !== undefined && d.staleMs === undefined ? d.stuck.findings.map((f) => msgKey(f.message)).join('\n') : undefined;

/** Log lines (warnings first) for the step from `prev` to `next`; endpoints name where PD was asked. */
export function changeLines(prev: ClusterModel | undefined, next: ClusterModel, endpoints: readonly string[]): { warn: Msg[]; info: Msg[] } {
  const warn: Msg[] = [];
  const info: Msg[] = [];
  const was = prev?.pd;
  const now = next.pd;
  if (now.kind === 'failing' && was?.kind !== 'failing') warn.push(msg('view.log.pdLost', { endpoints: endpoints.join(', '), reason: now.error.message }));
  if (now.kind === 'ok' && was?.kind === 'failing')
    info.push(msg('view.log.pdBack', { endpoint: endpoints.join(', '), duration: durationMsg((next.now - was.since) / 1000) }));
  if (next.versionNote && !prev?.versionNote) warn.push(next.versionNote);
  for (const d of next.drains) {
    const before = prev?.drains.find((x) => x.storeId === d.storeId);
    const key = checkedKey(d);
    if (key !== undefined && key !== checkedKey(before)) warn.push(...drainReport(d));
    if (before?.stuck && !d.stuck && d.staleMs === undefined) info.push(msg('view.drain.moving', { id: d.storeId, regions: d.regions }));
  }
  return { warn, info };
}
