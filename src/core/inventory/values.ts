// Reading typed Ansible values the way tidb-ansible's templates use them.

import type { Value, Vars } from './types';

/** A variable as text; undefined when unset or None. */
export function asText(v: Value | undefined): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** An integer variable (a port), or the default when unset or not an integer. */
export function intOr(v: Value | undefined, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isInteger(n) ? n : fallback;
}

/** TiFlash's data_dir: a comma list of disks, `<deploy_dir>/tiflash/data/db` by default. */
export function tiflashDataDirs(dataDir: Value | undefined, deployDir: string): string[] {
  return (asText(dataDir) ?? `${deployDir}/tiflash/data/db`)
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
}

/** Whether a set of variables has any (without listing its keys: this runs once per host). */
export function hasVars(vars: Readonly<Vars>): boolean {
  for (const _ in vars) return true;
  return false;
}
