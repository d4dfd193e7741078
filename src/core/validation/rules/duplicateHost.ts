// The same host listed twice in one group: the second line's variables silently override the first's.

import { deleteLine } from '../../inventory/edit';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule } from '../types';
import type { Inventory } from '../../inventory/types';

function duplicates(inv: Inventory, file: FileRole): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const h of inv.hostLines) {
    for (const name of h.names) {
      const key = `${h.group}\u0000${name}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, h.line);
        continue;
      }
      const fixes = h.names.length === 1 ? [{ title: `Remove the duplicate line of ${name}`, edits: [{ file, edit: deleteLine(inv, h.line) }] }] : undefined;
      out.push(finding(file, 'duplicate-host', 'warning', h, `${name} is already listed in [${h.group}] on line ${first + 1}`, fixes));
      break;
    }
  }
  return out;
}

export const duplicateHost: Rule = {
  id: 'duplicate-host',
  check(ctx) {
    return [...(ctx.inventory ? duplicates(ctx.inventory, 'inventory') : []), ...(ctx.hosts ? duplicates(ctx.hosts, 'hosts') : [])];
  },
};
