// What a host line resolves to, for the hover: every variable with where it comes from, and TiFlash's
// defaults where the inventory does not set them. A TiFlash instance's own values come first.

import { resolveHostVarsWithOrigin } from './resolve';
import { firstAt } from './shift';
import { TIFLASH_GROUP, TIFLASH_PORT_NAMES, TIFLASH_PORTS } from './tiflash';
import type { HostLine, Inventory, Value } from './types';
import { deployDirOf } from './values';

export interface VarRow {
  key: string;
  value: Value;
  /** `host`, a group name, or `default` (tidb-ansible's role defaults). */
  from: string;
}

/** The host line at `line` (host lines are in line order). */
export function hostLineAt(inv: Inventory, line: number): HostLine | undefined {
  const l = inv.hostLines[firstAt(inv.hostLines, line)];
  return l?.line === line ? l : undefined;
}

/** What makes a TiFlash instance: its six ports, its directories, its address. */
const INSTANCE_KEYS = [...TIFLASH_PORT_NAMES, 'deploy_dir', 'data_dir', 'ansible_host'];

export function describeHost(inv: Inventory, host: string): VarRow[] {
  const resolved = resolveHostVarsWithOrigin(inv, host);
  const rows: VarRow[] = [...resolved].map(([key, v]) => ({ key, value: v.value, from: v.from }));
  const tiflash = !!inv.hosts.get(host)?.groups.includes(TIFLASH_GROUP);
  if (tiflash) {
    for (const key of TIFLASH_PORT_NAMES) if (!resolved.has(key)) rows.push({ key, value: TIFLASH_PORTS[key], from: 'default' });
    if (!resolved.has('data_dir')) rows.push({ key: 'data_dir', value: `${deployDirOf(resolved.get('deploy_dir')?.value)}/tiflash/data/db`, from: 'default' });
  }
  const rank = (r: VarRow) => {
    const own = tiflash ? INSTANCE_KEYS.indexOf(r.key) : -1;
    return own >= 0 ? own : INSTANCE_KEYS.length + (r.from === 'host' ? 0 : 1);
  };
  return rows.sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
}
