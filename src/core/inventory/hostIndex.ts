// Hosts and group memberships from the host lines in file order, as Ansible builds them while reading,
// then reconciled as InventoryData.reconcile_inventory does (a host in a group leaves `ungrouped`).
// A subset of the lines gives the right hosts for the names on them (a host is made of its own lines only).

import type { Host, HostLine } from './types';

export interface HostIndex {
  hosts: Map<string, Host>;
  /** Each group's hosts in file order, each once. */
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
        if (l.port) host.vars.ansible_port = l.port;
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
  for (const h of hosts.values()) if (h.groups.length > 1) h.groups = h.groups.filter((g) => g !== 'ungrouped');
  return { hosts, members };
}

/** Hosts listed in no group but `ungrouped` (a host also listed in a group leaves it). */
export const onlyUngrouped = (host: Host | undefined) => host?.groups[0] === 'ungrouped';

/** The `ungrouped` members that stay there, judged by the inventory's hosts. */
export function stayUngrouped(members: readonly string[], hosts: ReadonlyMap<string, Host>): string[] {
  return members.filter((h) => onlyUngrouped(hosts.get(h)));
}
