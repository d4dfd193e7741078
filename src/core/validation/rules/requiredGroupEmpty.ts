// What tidb-ansible's own pre-checks refuse: empty core groups.

import { msg } from '../../l10n/message';
import { finding, groupSpan } from '../helpers';
import type { Finding, Rule } from '../types';

const REQUIRED = ['pd_servers', 'tikv_servers', 'monitoring_servers', 'monitored_servers'];

export const requiredGroupEmpty: Rule = {
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return [];
    const withoutTidb = inv.groups.get('all')?.vars.deploy_without_tidb === true;
    const required = withoutTidb ? REQUIRED : ['tidb_servers', ...REQUIRED];
    const out: Finding[] = [];
    for (const g of required) {
      if (inv.groups.get(g)?.hosts.length) continue;
      out.push(finding('inventory', 'required-group-empty', 'error', groupSpan(inv, g), msg('validation.requiredGroupEmpty', { group: g })));
    }
    return out;
  },
};
