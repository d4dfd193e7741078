// Hosts and group memberships from the host lines in file order, as Ansible builds them while reading,
// then reconciled as InventoryData.reconcile_inventory does: a host in a group leaves `ungrouped`, and a
// host listed only under [all] joins it. A subset of the lines gives the right hosts for the names on them
// (a host is made of its own lines only).

import type { Host, HostLine } from './types';

export interface HostIndex {
  hosts: Map<string, Host>;
  /** Each group's hosts in file order, each once (`ungrouped` as the parser lists it, before reconciling). */
  members: Map<string, string[]>;
}

export function indexHosts(hostLines: readonly HostLine[]): HostIndex {
  const hosts = new Map<string, Host>();
  const members = new Map<string, string[]>();
  for (const l of hostLines) {
    let list = members.get(l.group);
    if (!list) members.set(l.group, (list = []));
    for (const name of l.names) {
      let host = hosts.get(name);
      if (!host) {
        host = { name, vars: {}, groups: [] };
        // Ansible takes the port from the first line that defines the host
        if (l.port !== undefined) host.vars.ansible_port = l.port;
        hosts.set(name, host);
      }
      // a host's own (short) list of groups says whether the group already has it
      if (!host.groups.includes(l.group)) {
        host.groups.push(l.group);
        list.push(name);
      }
      for (const v of l.vars) host.vars[v.key] = v.value;
    }
  }
  for (const h of hosts.values()) reconcileHost(h);
  return { hosts, members };
}

function reconcileHost(h: Host): void {
  const g = h.groups;
  if (g.length === 1 && g[0] !== 'all') return; // the usual host: in one group
  if (g.includes('ungrouped')) {
    if (g.some((x) => x !== 'all' && x !== 'ungrouped')) h.groups = g.filter((x) => x !== 'ungrouped');
  } else if (g.length === 1) h.groups = ['all', 'ungrouped'];
}

/** In `ungrouped` after reconciling: listed in no group but `ungrouped` and `all`. */
export const inUngrouped = (host: Host | undefined) => !!host?.groups.includes('ungrouped');

/**
 * The members of `ungrouped`: the hosts its own lines list that stay there, then the hosts listed only
 * under [all], in the order hosts were first read (reconcile_inventory walks the inventory's hosts).
 */
export function ungroupedMembers(hostLines: readonly HostLine[], hosts: ReadonlyMap<string, Host>): string[] {
  const listed = new Set<string>();
  const joined = new Set<string>();
  for (const l of hostLines) {
    if (l.group !== 'ungrouped' && l.group !== 'all') continue;
    for (const name of l.names) {
      if (!inUngrouped(hosts.get(name))) continue;
      if (l.group === 'ungrouped') listed.add(name);
      else joined.add(name);
    }
  }
  const out = [...listed];
  for (const name of joined) if (!listed.has(name)) out.push(name);
  return out;
}
