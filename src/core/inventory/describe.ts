// What a host line resolves to, for the hover: every variable with where it comes from,
// and TiFlash's defaults where the inventory does not set them.

import { resolveHostVarsWithOrigin } from './resolve';
import { TIFLASH_GROUP, TIFLASH_PORTS } from './tiflash';
import type { HostLine, Inventory, Value } from './types';

export interface VarRow {
  key: string;
  value: Value;
  /** `host`, a group name, or `default` (tidb-ansible's role defaults). */
  from: string;
}

export function hostLineAt(inv: Inventory, line: number): HostLine | undefined {
  return inv.hostLines.find((h) => h.line === line);
}

export function describeHost(inv: Inventory, host: string): VarRow[] {
  const resolved = resolveHostVarsWithOrigin(inv, host);
  const rows: VarRow[] = [...resolved].map(([key, v]) => ({ key, value: v.value, from: v.from }));
  if (inv.hosts.get(host)?.groups.includes(TIFLASH_GROUP)) {
    for (const [key, value] of Object.entries(TIFLASH_PORTS)) if (!resolved.has(key)) rows.push({ key, value, from: 'default' });
    if (!resolved.has('data_dir')) rows.push({ key: 'data_dir', value: `${String(resolved.get('deploy_dir')?.value ?? '/home/tidb/deploy')}/tiflash/data/db`, from: 'default' });
  }
  return rows.sort((a, b) => (a.from === 'host' ? 0 : 1) - (b.from === 'host' ? 0 : 1) || a.key.localeCompare(b.key));
}
