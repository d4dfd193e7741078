// One operation per tidb-ansible folder, across windows and processes: the lock is taken after the
// operator confirmed (never before), and a lock someone else holds is explained: who, what, since when. A lock
// whose owner is gone can be taken over with the operator's consent; this window's own interrupted run takes
// its lock back without asking.

import * as os from 'node:os';
import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import type { Run } from '../../core/run/engine';
import { acquireLock, lockPath, processAlive, takeOverLock, type Here, type LockOwner, type LockResult } from '../../core/run/lock';
import type { Operator } from './operator';
import { show } from '../text';

const here: Here = { hostname: os.hostname(), alive: processAlive };

export function ownerOf(run: Run): LockOwner {
  return {
    runId: run.id,
    operation: run.operation,
    target: run.target,
    pid: process.pid,
    hostname: here.hostname,
    user: os.userInfo().username,
    startedAt: Date.now(),
  };
}

export function describeHolder(dir: string, r: Extract<LockResult, { ok: false }>): string {
  const file = lockPath(dir);
  const h = r.holder;
  if (!h) return vscode.l10n.t('Another TiFlash operation holds the lock of this folder, but its lock file {0} cannot be read.', file);
  const what = vscode.l10n.t(
    'The {0} of {1} started by {2} on {3} (process {4}) at {5} holds the lock of this folder ({6}).',
    show(msg(`operation.${h.operation}`)),
    h.target,
    h.user,
    h.hostname,
    h.pid,
    new Date(h.startedAt).toLocaleString(),
    file,
  );
  if (h.hostname === here.hostname && h.pid === process.pid) return `${what} ${vscode.l10n.t('It runs in this window: see the TiFlash Operation view.')}`;
  switch (r.staleness) {
    case 'alive':
      return `${what} ${vscode.l10n.t('It is still running: wait until it ends.')}`;
    case 'dead':
      return `${what} ${vscode.l10n.t('Its process has ended without releasing the lock (a closed window or a crash).')}`;
    case 'unknown':
      return `${what} ${vscode.l10n.t('It runs on another machine: if you are sure it has ended there, delete the lock file.')}`;
  }
}

/** True when this run now holds the folder's lock. */
export async function takeLock(dir: string, run: Run, operator: Operator): Promise<boolean> {
  const owner = ownerOf(run);
  const r = await acquireLock(dir, owner, here);
  if (r.ok) return true;
  const gone = !r.holder || r.staleness === 'dead';
  const ours = r.holder?.runId === run.id && r.staleness === 'dead';
  const text = describeHolder(dir, r);
  if (ours || (gone && (await operator.consent(text, vscode.l10n.t('Take over the lock'))))) {
    const t = await takeOverLock(dir, r.holder, owner, here);
    if (t.ok) return true;
    operator.tell('warning', describeHolder(dir, t));
    return false;
  }
  if (!gone) operator.tell('warning', text);
  return false;
}
