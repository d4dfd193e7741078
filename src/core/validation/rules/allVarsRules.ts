// Checks on [all:vars] that tidb-ansible enforces before every playbook.

import type { Inventory } from '../../inventory/types';
import { finding, forEachVar } from '../helpers';
import type { Finding, Rule } from '../types';

function allVar(inv: Inventory, key: string) {
  return [...inv.groupVarLines].reverse().find((g) => g.group === 'all' && g.entry.key === key);
}

export const ansibleUserRoot: Rule = {
  id: 'ansible-user-root',
  check(ctx) {
    const out: Finding[] = [];
    forEachVar(ctx.inventory, (e) => {
      if (e.key === 'ansible_user' && e.value === 'root') out.push(finding('inventory', 'ansible-user-root', 'error', e.valueSpan, 'ansible_user must not be root: tidb-ansible deploys as a normal user (tidb) with sudo'));
    });
    return out;
  },
};

export const timezoneMissing: Rule = {
  id: 'timezone-missing',
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv || !inv.sections.some((s) => s.group === 'all' && s.kind === 'vars')) return [];
    const tz = allVar(inv, 'timezone');
    if (tz && tz.entry.raw !== '' && tz.entry.value !== '') return [];
    const section = inv.sections.find((s) => s.group === 'all' && s.kind === 'vars')!;
    return [finding('inventory', 'timezone-missing', 'error', tz?.entry.valueSpan ?? section, 'timezone must be set in [all:vars] (for example timezone = Asia/Shanghai): tidb-ansible checks it before every playbook')];
  },
};
