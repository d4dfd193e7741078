// The JSON shape of `ansible-inventory --list`, built from our model (used by the CLI and the oracle test).

import { toJson, unusual } from './pyJson';
import { resolveHostVars } from './resolve';
import type { Inventory, Vars } from './types';
import { hasVars } from './values';

export interface AnsibleList {
  _meta: { hostvars: Record<string, Vars> };
  [group: string]: { hosts?: string[]; children?: string[] } | { hostvars: Record<string, Vars> };
}

export function toAnsibleList(inv: Inventory): AnsibleList {
  const out: AnsibleList = { _meta: { hostvars: {} } };
  // every group reachable from `all`, each once, depth first as ansible-inventory walks them (with a stack: chains may be long)
  const seen = new Set<string>();
  const walk = ['all'];
  while (walk.length) {
    const name = walk.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const g = inv.groups.get(name)!;
    const entry: { hosts?: string[]; children?: string[] } = {};
    if (name !== 'all' && g.hosts.length) entry.hosts = [...g.hosts];
    if (g.children.length) entry.children = [...g.children];
    if (entry.hosts || entry.children) out[name] = entry;
    for (let i = g.children.length - 1; i >= 0; i--) if (!seen.has(g.children[i])) walk.push(g.children[i]);
  }
  for (const host of inv.hosts.keys()) {
    const vars = resolveHostVars(inv, host);
    if (hasVars(vars)) out._meta.hostvars[host] = vars;
  }
  return out;
}

/**
 * The JSON text of toAnsibleList(inv), as toJson writes it. Every value in it is a host's own or a group's:
 * when none of those few thousand needs Python's formatting, the list (every host's merged copy, a hundred
 * thousand values on a large cluster) goes straight to JSON.stringify.
 */
export function ansibleListJson(inv: Inventory, indent = 2): string {
  const list = toAnsibleList(inv);
  for (const owner of [inv.hosts.values(), inv.groups.values()]) for (const { vars } of owner) if (unusual(vars)) return toJson(list, indent);
  return JSON.stringify(list, null, indent);
}
