// Child processes of the harness, each in a process group of its own: stopping the group stops
// whatever the process started (extension hosts, npm's shells), and a test can check that a
// process that should stop its children on SIGTERM really did.

import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Started {
  proc: ChildProcessByStdio<null, Readable, Readable>;
  pid: number;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<number | string>;
}

export function startGroup(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Started {
  const proc = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  if (proc.pid === undefined) throw new Error(`could not start ${cmd}`);
  return { proc, pid: proc.pid, output: () => out, exited };
}

/** The first match of `re` in the output; fails when the process exits first or after `timeoutMs`. */
export function waitForOutput(p: Started, re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = re.exec(p.output());
      if (!m) return;
      done();
      resolve(m);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${re} within ${timeoutMs} ms; output:\n${p.output()}`));
    }, timeoutMs);
    const onExit = (code: number | string) => {
      check();
      done();
      reject(new Error(`exited (${code}) before printing ${re}; output:\n${p.output()}`));
    };
    const done = () => {
      clearTimeout(timer);
      p.proc.stdout.off('data', check);
      p.proc.stderr.off('data', check);
    };
    p.proc.stdout.on('data', check);
    p.proc.stderr.on('data', check);
    void p.exited.then(onExit);
    check();
  });
}

/** Whether a process can still be signalled: `pid`, or with a negative number any process of that group. */
function signalable(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether any process of the group `pgid` is still there. */
export const groupAlive = (pgid: number): boolean => signalable(-pgid);

/** Whether process `pid` is still there. */
export const processAlive = (pid: number): boolean => signalable(pid);

/** Resolves true once `there()` is false, false if it is still true after `timeoutMs`. */
async function goneWithin(there: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (there()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Resolves true once the group is empty, false if it is not after `timeoutMs`. */
export const groupGone = (pgid: number, timeoutMs: number): Promise<boolean> => goneWithin(() => groupAlive(pgid), timeoutMs);

/** Resolves true once none of `pids` is left (whatever group each is in), false if some are after `timeoutMs`. */
export const processesGone = (pids: readonly number[], timeoutMs: number): Promise<boolean> => goneWithin(() => pids.some(processAlive), timeoutMs);

/** Every process below `root` (its children, theirs, ...), read from ps: a child that left the group is still one. */
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const line of execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    parent.set(pid, ppid);
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(below);
}

/** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. */
export async function stopGroup(p: Started, graceMs = 10_000): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-p.pid, s);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  if (await groupGone(p.pid, graceMs)) return;
  signal('SIGKILL');
  await groupGone(p.pid, 5_000);
}
