// What tidb-ansible's own pre-checks refuse: empty core groups.

import { finding, groupSpan } from '../helpers';
import type { Finding, Rule } from '../types';

const REQUIRED = ['pd_servers', 'tikv_servers', 'monitoring_servers', 'monitored_servers'];

export const requiredGroupEmpty: Rule = {
  id: 'required-group-empty',
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return [];
    const withoutTidb = inv.groups.get('all')?.vars.deploy_without_tidb === true;
    const required = withoutTidb ? REQUIRED : ['tidb_servers', ...REQUIRED];
    const out: Finding[] = [];
    for (const g of required) {
      if (inv.groups.get(g)?.hosts.length) continue;
      out.push(finding('inventory', 'required-group-empty', 'error', groupSpan(inv, g), `[${g}] has no host: tidb-ansible refuses to run without one`));
    }
    return out;
  },
};
