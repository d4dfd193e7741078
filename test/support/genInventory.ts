// Generates tidb-ansible-like inventories with the quirks found in the field.

import { Rng } from './random';

const GROUPS = ['tidb_servers', 'tikv_servers', 'pd_servers', 'monitoring_servers', 'monitored_servers', 'tiflash_servers'];
const NOISE = ['', '# comment', '; other comment', '   ', '## TiDB Cluster Part'];

export function genInventory(rng: Rng): string {
  const eol = rng.pick(['\n', '\r\n']);
  const out: string[] = [];
  if (rng.chance(0.3)) out.push(rng.pick(NOISE));
  for (const g of GROUPS) {
    if (rng.chance(0.15)) continue;
    out.push(`[${g}]${rng.chance(0.1) ? ' # section' : ''}`);
    const n = rng.int(5);
    for (let i = 0; i < n; i++) {
      const ip = `10.0.${rng.int(3)}.${rng.int(250) + 1}`;
      const alias = rng.chance(0.2) ? `${g.slice(0, 4)}${i} ansible_host=${ip}` : ip;
      const vars = rng.chance(0.3) ? ` tcp_port=${9000 + rng.int(5)}` : '';
      out.push(`${rng.chance(0.1) ? '  ' : ''}${alias}${vars}${rng.chance(0.1) ? ' # note' : ''}`);
      if (rng.chance(0.2)) out.push(rng.pick(NOISE));
    }
    if (rng.chance(0.7)) out.push('');
  }
  out.push('[all:vars]', 'deploy_dir = /home/tidb/deploy', 'ansible_user = tidb');
  const text = out.join(eol) + (rng.chance(0.7) ? eol : '');
  return (rng.chance(0.1) ? '\ufeff' : '') + text;
}
