// A tree row's contextValue: its kind and state, then the actions the read model allows, so that
// package.json's `when` clauses test the same flags the model sets (a unit test evaluates them).

import type { HostActions, HostRow } from './types';

const ACTIONS: readonly (keyof HostActions)[] = ['scaleOut', 'scaleIn', 'cancelScaleIn', 'forceTombstone'];

/** `tiflashHost.Offline.scaleIn.cancelScaleIn.forceTombstone`, `tiflashOrphan.Tombstone`, `tiflashHost.Unknown`. */
export function contextValue(row: HostRow): string {
  return [`tiflash${row.host ? 'Host' : 'Orphan'}`, row.state, ...ACTIONS.filter((a) => row.actions[a])].join('.');
}
