// Every service instance tidb-ansible would deploy, with its ports and directories, so rules can
// find two instances on one address that collide. Defaults are tidb-ansible's group_vars.

import { addressOf, resolveHostVars } from './resolve';
import { hostLineOf, TIFLASH_GROUP, TIFLASH_PORTS } from './tiflash';
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

const instancesCache = new WeakMap<Inventory, Instance[]>();

/** Every instance of an inventory (computed once per parsed inventory; do not change the result). */
export function instances(inv: Inventory): Instance[] {
  let list = instancesCache.get(inv);
  if (!list) instancesCache.set(inv, (list = computeInstances(inv)));
  return list;
}

function computeInstances(inv: Inventory): Instance[] {
  const out: Instance[] = [];
  for (const [component, defaults] of Object.entries(COMPONENT_PORTS)) {
    const seenAddress = new Set<string>();
    for (const host of inv.groups.get(component)?.hosts ?? []) {
      const vars = resolveHostVars(inv, host);
      const address = addressOf(inv, host);
      // node_exporter runs once per machine however many inventory names point at it
      if (component === 'monitored_servers' && seenAddress.has(address)) continue;
      seenAddress.add(address);
      const ports = Object.entries(defaults).map(([name, value]) => ({ name, value: intOr(vars[name], value) }));
      const deployDir = asText(vars.deploy_dir);
      out.push({
        component, host, address, ports,
        deployDir: DIR_COMPONENTS.includes(component) ? deployDir : undefined,
        dataDirs: component === TIFLASH_GROUP ? tiflashDataDirs(vars.data_dir, deployDir ?? '') : [],
        line: hostLineOf(inv, component, host),
        vars,
      });
    }
  }
  return out;
}

const byAddressCache = new WeakMap<Instance[], Map<string, Instance[]>>();

/** Instances grouped by address (what collides is always on one machine). */
export function instancesByAddress(instances: Instance[]): Map<string, Instance[]> {
  let out = byAddressCache.get(instances);
  if (out) return out;
  out = new Map();
  for (const i of instances) {
    const list = out.get(i.address);
    if (list) list.push(i);
    else out.set(i.address, [i]);
  }
  byAddressCache.set(instances, out);
  return out;
}
