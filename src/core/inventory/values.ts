// Reading typed Ansible values the way tidb-ansible's templates use them.

import { pyNumberText } from './pyJson';
import type { Value, Vars } from './types';

/**
 * A variable as text, as a template renders it (Python's str()); undefined when unset or None. A list or dict
 * stays its Python text (`['10.0.0.1']`), never the bare item JavaScript would join it to, nor `[object Object]`.
 */
export function asText(v: Value | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : pyRepr(v);
}

/** Python's repr() of a value (its str() too, but for a string). */
function pyRepr(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? pyNumberText(v) : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`)
    .join(', ')}}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python's repr() of a str: single quotes unless it holds one and no double quote; control characters escaped. */
function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (ch in ESCAPES) out += ESCAPES[ch];
    else if (ch === quote) out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** A deploy_dir as tidb-ansible uses it: `/home/tidb/deploy` when unset. */
export function deployDirOf(v: Value | undefined): string {
  return asText(v) ?? '/home/tidb/deploy';
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
