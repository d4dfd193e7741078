// Hosts and group memberships from the host lines in file order, as Ansible builds them while reading,
// then reconciled as InventoryData.reconcile_inventory does (a host in a group leaves `ungrouped`).

import type { Host, HostLine } from './types';

export interface HostIndex {
  hosts: Map<string, Host>;
  /** Each group's hosts in file order, each once. */
  members: Map<string, string[]>;
}

/** `keep`: hosts of an earlier index that no edited line mentions, taken over as they are. */
export function indexHosts(hostLines: readonly HostLine[], keep?: { hosts: ReadonlyMap<string, Host>; changed: ReadonlySet<string> }): HostIndex {
  const hosts = new Map<string, Host>();
  const members = new Map<string, string[]>();
  const memberSets = new Map<string, Set<string>>();
  const built = new Set<Host>();
  for (const l of hostLines) {
    let list = members.get(l.group);
    let set = memberSets.get(l.group);
    if (!list || !set) {
      members.set(l.group, (list = []));
      memberSets.set(l.group, (set = new Set()));
    }
    for (const name of l.names) {
      let host = hosts.get(name);
      if (!host) {
        host = keep && !keep.changed.has(name) ? keep.hosts.get(name) : undefined;
        if (!host) {
          host = { name, vars: {}, groups: [] };
          // Ansible takes the port from the first line that defines the host
          if (l.port) host.vars.ansible_port = l.port;
          built.add(host);
        }
        hosts.set(name, host);
      }
      if (!set.has(name)) {
        set.add(name);
        list.push(name);
      }
      if (!built.has(host)) continue;
      if (!host.groups.includes(l.group)) host.groups.push(l.group);
      for (const v of l.vars) host.vars[v.key] = v.value;
    }
  }
  for (const h of built) if (h.groups.length > 1) h.groups = h.groups.filter((g) => g !== 'ungrouped');
  const ungrouped = members.get('ungrouped');
  if (ungrouped) members.set('ungrouped', ungrouped.filter((h) => hosts.get(h)!.groups[0] === 'ungrouped'));
  return { hosts, members };
}
