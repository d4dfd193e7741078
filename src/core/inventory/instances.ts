// Every service instance tidb-ansible would deploy, with its ports and directories, so rules can
// find two instances on one address that collide. Defaults are tidb-ansible's group_vars.

import { follower } from './follow';
import { groupBy } from './groupBy';
import { carried } from './shift';
import { Overlay } from './overlay';
import { addressOf, resolveHostVars } from './resolve';
import { hostLineOf, TIFLASH_GROUP, TIFLASH_PORTS } from './tiflash';
import { touches, type Edit } from './change';
import { Derived, once, type Before } from './derived';
import type { HostLine, Inventory, Vars } from './types';
import { asText, intOr, tiflashDataDirs } from './values';

export const COMPONENT_PORTS: Record<string, Record<string, number>> = {
  tidb_servers: { tidb_port: 4000, tidb_status_port: 10080 },
  tikv_servers: { tikv_port: 20160, tikv_status_port: 20180 },
  pd_servers: { pd_client_port: 2379, pd_peer_port: 2380 },
  [TIFLASH_GROUP]: { ...TIFLASH_PORTS },
  monitored_servers: { node_exporter_port: 9100, blackbox_exporter_port: 9115 },
  monitoring_servers: { prometheus_port: 9090, pushgateway_port: 9091 },
  grafana_servers: { grafana_port: 3000 },
  alertmanager_servers: { alertmanager_port: 9093, alertmanager_cluster_port: 9094 },
};

/** Components whose instances each get a deploy_dir of their own. */
export const DIR_COMPONENTS = ['tidb_servers', 'tikv_servers', 'pd_servers', TIFLASH_GROUP];

export interface Instance {
  component: string;
  host: string;
  address: string;
  ports: { name: string; value: number }[];
  deployDir?: string;
  dataDirs: string[];
  line?: HostLine;
  vars: Readonly<Vars>;
}

const all = new Derived<Instance[]>(computeInstances);

/** Every instance of an inventory (computed once per parsed inventory; do not change the result). */
export const instances = (inv: Inventory): Instance[] => all.of(inv);

/** After an edit: instances of hosts it did not touch, at addresses it did not touch, stay as they were. */
export function inheritInstances(prev: Inventory, next: Inventory, edit: Edit): void {
  all.inherit(prev, next, edit);
}

function computeInstances(inv: Inventory, before?: Before<Instance[]>): Instance[] {
  const byComponent = groupBy(before?.value ?? [], (i) => i.component);
  const out: Instance[] = [];
  for (const [component, ports] of Object.entries(COMPONENT_PORTS)) {
    const defaults = Object.entries(ports);
    // node_exporter runs once per machine however many inventory names point at it
    const seenAddress = component === 'monitored_servers' ? new Set<string>() : undefined;
    const previous = follower(byComponent.get(component) ?? [], (i) => i.host);
    for (const host of inv.groups.get(component)?.hosts ?? []) {
      let old = previous(host);
      if (old && touches(before!.edit, host, old.address)) old = undefined;
      const address = old?.address ?? addressOf(inv, host);
      if (seenAddress?.has(address)) continue;
      seenAddress?.add(address);
      out.push(old ? carried(old, before!.edit.shift, inv.hostLines, withLine) : instance(inv, component, defaults, host, address));
    }
  }
  if (before) inheritByAddress(before.value, out, before.edit);
  return out;
}

// the same fields in the same order as `instance` builds them: one object shape for all (copies come by the thousand)
const withLine = (i: Instance, line: HostLine): Instance => ({
  component: i.component,
  host: i.host,
  address: i.address,
  ports: i.ports,
  deployDir: i.deployDir,
  dataDirs: i.dataDirs,
  line,
  vars: i.vars,
});

function instance(inv: Inventory, component: string, defaults: readonly [string, number][], host: string, address: string): Instance {
  const vars = resolveHostVars(inv, host);
  const ports = defaults.map(([name, value]) => ({ name, value: intOr(vars[name], value) }));
  const deployDir = asText(vars.deploy_dir);
  return {
    component,
    host,
    address,
    ports,
    deployDir: DIR_COMPONENTS.includes(component) ? deployDir : undefined,
    dataDirs: component === TIFLASH_GROUP ? tiflashDataDirs(vars.data_dir, deployDir ?? '') : [],
    line: hostLineOf(inv, component, host),
    vars,
  };
}

const byAddressCache = new WeakMap<readonly Instance[], ReadonlyMap<string, Instance[]>>();

/** Instances grouped by address (what collides is always on one machine). */
export function instancesByAddress(instances: readonly Instance[]): ReadonlyMap<string, Instance[]> {
  return once(byAddressCache, instances, (list) => groupBy(list, (i) => i.address));
}

/** An address the edit did not touch holds the same instances as before. */
function inheritByAddress(prev: readonly Instance[], next: readonly Instance[], edit: Edit): void {
  const before = byAddressCache.get(prev);
  // when lines moved, instances below the edit are new objects: the lists are built again when asked
  if (!before || edit.shift.delta) return;
  const now = groupBy(
    next.filter((i) => edit.addresses.has(i.address)),
    (i) => i.address,
  );
  byAddressCache.set(next, Overlay.of(before, new Map([...edit.addresses].map((a) => [a, now.get(a)]))));
}
