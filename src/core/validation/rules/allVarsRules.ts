// Checks on [all:vars] that tidb-ansible enforces before every playbook.

import type { Inventory } from '../../inventory/types';
import { msg } from '../../l10n/message';
import { finding, forEachVar } from '../helpers';
import type { Finding, Rule } from '../types';

function allVar(inv: Inventory, key: string) {
  return [...inv.groupVarLines].reverse().find((g) => g.group === 'all' && g.entry.key === key);
}

export const ansibleUserRoot: Rule = {
  check(ctx) {
    const out: Finding[] = [];
    forEachVar(ctx.inventory, (e) => {
      if (e.key === 'ansible_user' && e.value === 'root')
        out.push(finding('inventory', 'ansible-user-root', 'error', e.valueSpan, msg('validation.ansibleUserRoot')));
    });
    return out;
  },
};

export const timezoneMissing: Rule = {
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv || !inv.sections.some((s) => s.group === 'all' && s.kind === 'vars')) return [];
    const tz = allVar(inv, 'timezone');
    if (tz && tz.entry.raw !== '' && tz.entry.value !== '') return [];
    const section = inv.sections.find((s) => s.group === 'all' && s.kind === 'vars')!;
    return [finding('inventory', 'timezone-missing', 'error', tz?.entry.valueSpan ?? section, msg('validation.timezoneMissing'))];
  },
};
