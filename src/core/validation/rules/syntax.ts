// Lines Ansible rejects (from the parser) and lines it silently misreads.

import type { Inventory } from '../../inventory/types';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule } from '../types';

function misread(inv: Inventory, file: FileRole): Finding[] {
  const out: Finding[] = [];
  for (const h of inv.hostLines) {
    // `key=value` alone on a line becomes a host literally named "key=value"
    if (h.pattern.includes('=')) {
      out.push(finding(file, 'syntax', 'error', h, `'${h.pattern}' is read as a host name: a variable needs a host before it (or belongs in a [${h.group}:vars] section)`));
    }
  }
  return out;
}

export const syntax: Rule = {
  id: 'syntax',
  check(ctx) {
    const out: Finding[] = [];
    for (const [file, inv] of [['inventory', ctx.inventory], ['hosts', ctx.hosts]] as const) {
      if (!inv) continue;
      out.push(...inv.problems.map((p) => ({ ...p, file })), ...misread(inv, file));
    }
    return out;
  },
};
