// The same host listed twice in one group: the second line's variables silently override the first's.

import { deleteLine, isSplitLine } from '../../inventory/edit';
import { msg } from '../../l10n/message';
import type { HostLine, Inventory } from '../../inventory/types';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule } from '../types';

/** Groups whose lines name more hosts than the group holds: only those can have a duplicate (a cheap count first). */
function suspectGroups(inv: Inventory): Set<string> {
  const named = new Map<string, number>();
  // a section's lines come one after another: count a run, then add it up
  let [group, count] = ['', 0];
  const flush = () => named.set(group, (named.get(group) ?? 0) + count);
  for (const h of inv.hostLines) {
    if (h.group !== group) {
      if (count) flush();
      [group, count] = [h.group, 0];
    }
    count += h.names.length;
  }
  if (count) flush();
  const out = new Set<string>();
  // reconciling takes hosts that are also in another group out of `ungrouped`: count those lines in full
  for (const [group, n] of named) if (group === 'ungrouped' || n > (inv.groups.get(group)?.hosts.length ?? 0)) out.add(group);
  return out;
}

function duplicates(inv: Inventory, file: FileRole): Finding[] {
  const suspects = suspectGroups(inv);
  if (!suspects.size) return [];
  const out: Finding[] = [];
  const seen = new Map<string, Map<string, HostLine>>();
  for (const h of inv.hostLines) {
    if (!suspects.has(h.group)) continue;
    let firsts = seen.get(h.group);
    if (!firsts) seen.set(h.group, (firsts = new Map<string, HostLine>()));
    for (const name of h.names) {
      const first = firsts.get(name);
      if (!first) {
        firsts.set(name, h);
        continue;
      }
      // only a line of its own can go: not a range, not a line Ansible reads as several
      const fixes =
        h.names.length === 1 && !isSplitLine(inv, h.line)
          ? [{ title: msg('validation.fix.removeDuplicate', { name }), edits: [{ file, edit: deleteLine(inv, h.line) }] }]
          : undefined;
      out.push(finding(file, 'duplicate-host', 'warning', h, msg('validation.duplicateHost', { name, group: h.group, first: first.line + 1 }), fixes));
      break;
    }
  }
  return out;
}

export const duplicateHost: Rule = {
  check(ctx) {
    return [...(ctx.inventory ? duplicates(ctx.inventory, 'inventory') : []), ...(ctx.hosts ? duplicates(ctx.hosts, 'hosts') : [])];
  },
};
