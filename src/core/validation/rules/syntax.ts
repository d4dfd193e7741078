// Lines Ansible rejects (from the parser) and lines it silently misreads.

import type { Inventory } from '../../inventory/types';
import { excerpt } from '../../inventory/text';
import { msg } from '../../l10n/message';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule } from '../types';

function misread(inv: Inventory, file: FileRole): Finding[] {
  const out: Finding[] = [];
  for (const h of inv.hostLines) {
    // `key=value` alone on a line becomes a host literally named "key=value"
    if (h.pattern.includes('=')) {
      out.push(finding(file, 'syntax', 'error', h, msg('validation.varAloneOnLine', { text: excerpt(h.pattern), group: h.group })));
    }
  }
  return out;
}

export const syntax: Rule = {
  check(ctx) {
    const out: Finding[] = [];
    for (const [file, inv] of [
      ['inventory', ctx.inventory],
      ['hosts', ctx.hosts],
    ] as const) {
      if (!inv) continue;
      out.push(...inv.problems.map((p) => ({ ...p, file })), ...misread(inv, file));
    }
    return out;
  },
};
