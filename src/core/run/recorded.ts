// What earlier runs recorded in the journal that a later operation needs.

import type { StoreId } from '../pd/types';
import type { JournalEntry } from './journal';

/** PD 4.0's remove-peer limit of `storeId` before this tool last deleted it (a cancel puts it back); undefined when none was recorded. */
export function limitBeforeDelete(entries: readonly JournalEntry[], storeId: StoreId): number | undefined {
  const stepsOf = new Map<string, Extract<JournalEntry, { kind: 'run-started' }>['steps']>();
  let found: number | undefined;
  for (const e of entries) {
    if (e.kind === 'run-started') stepsOf.set(e.run, e.steps);
    if (e.kind !== 'event' || e.event.type !== 'step-done' || e.event.removePeerLimitBefore === undefined) continue;
    const step = stepsOf.get(e.run)?.[e.event.index];
    if (step?.kind === 'pd' && step.action.kind === 'delete-store' && step.action.storeId === storeId) found = e.event.removePeerLimitBefore;
  }
  return found;
}
