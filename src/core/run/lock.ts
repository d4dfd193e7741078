// One operation per tidb-ansible folder, across windows, machines sharing the folder and the CLI: a lock file
// created exclusively in the folder, naming its owner and start time. A lock whose owner is gone is
// explained and can be taken over, with the operator's consent, never silently.

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Operation } from '../plan/types';

export const LOCK_FILE = path.join('log', 'tiflash-ansible.lock');

export interface LockOwner {
  runId: string;
  operation: Operation;
  target: string;
  pid: number;
  hostname: string;
  user: string;
  startedAt: number;
}

/** Whether the holder is gone: only provable for a process on this machine. */
export type Staleness = 'alive' | 'dead' | 'unknown';

export type LockResult = { ok: true } | { ok: false; holder?: LockOwner; staleness: Staleness };

export interface Here {
  hostname: string;
  /** Whether a process id is alive on this machine. */
  alive(pid: number): boolean;
}

export const lockPath = (dir: string) => path.join(dir, LOCK_FILE);

export async function readLock(dir: string): Promise<LockOwner | undefined | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(lockPath(dir), 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v.runId === 'string' && typeof v.pid === 'number' && typeof v.hostname === 'string' ? (v as LockOwner) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export function staleness(holder: LockOwner | undefined, here: Here): Staleness {
  if (!holder || holder.hostname !== here.hostname) return 'unknown';
  return here.alive(holder.pid) ? 'alive' : 'dead';
}

/** Creates the lock if nobody holds it (atomic: O_EXCL). */
export async function acquireLock(dir: string, owner: LockOwner, here: Here): Promise<LockResult> {
  await fs.mkdir(path.dirname(lockPath(dir)), { recursive: true });
  try {
    await fs.writeFile(lockPath(dir), JSON.stringify(owner, null, 2) + '\n', { flag: 'wx' });
    return { ok: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const holder = await readLock(dir);
  const h = holder === 'unreadable' ? undefined : holder;
  return { ok: false, holder: h, staleness: staleness(h, here) };
}

/** Replaces the lock of `expected` (the operator agreed it is gone) with `owner`; refused if the lock changed meanwhile. */
export async function takeOverLock(dir: string, expected: LockOwner | undefined, owner: LockOwner, here: Here): Promise<LockResult> {
  const now = await readLock(dir);
  const holder = now === 'unreadable' ? undefined : now;
  // an unreadable lock (expected undefined) may be replaced only while it is still unreadable or gone
  const unchanged = expected ? holder?.runId === expected.runId && holder.pid === expected.pid : holder === undefined;
  if (!unchanged) return { ok: false, holder, staleness: staleness(holder, here) };
  const tmp = `${lockPath(dir)}.${process.pid}.tmp`;
  await fs.mkdir(path.dirname(tmp), { recursive: true });
  await fs.writeFile(tmp, JSON.stringify(owner, null, 2) + '\n');
  await fs.rename(tmp, lockPath(dir));
  return { ok: true };
}

/** Removes the lock only when it is this run's. */
export async function releaseLock(dir: string, runId: string): Promise<void> {
  const holder = await readLock(dir);
  if (holder && holder !== 'unreadable' && holder.runId === runId) await fs.rm(lockPath(dir), { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
