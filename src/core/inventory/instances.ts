// Every service instance tidb-ansible would deploy, with its ports and directories, so rules can
// find two instances on one address that collide. Defaults are tidb-ansible's group_vars.

import { groupDepths, resolveHostVars } from './resolve';
import { hostAddress, hostLineIndex, TIFLASH_GROUP, TIFLASH_PORTS } from './tiflash';
import type { HostLine, Inventory, Value, Vars } from './types';

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
  vars: Vars;
}

const toText = (v: Value | undefined) => (v === undefined || v === null ? undefined : String(v));

export function instances(inv: Inventory): Instance[] {
  const depths = groupDepths(inv);
  const out: Instance[] = [];
  const varsCache = new Map<string, Vars>();
  const lines = hostLineIndex(inv);
  const varsOf = (host: string) => {
    if (!varsCache.has(host)) varsCache.set(host, resolveHostVars(inv, host, depths));
    return varsCache.get(host)!;
  };
  for (const [component, defaults] of Object.entries(COMPONENT_PORTS)) {
    const seenAddress = new Set<string>();
    for (const host of inv.groups.get(component)?.hosts ?? []) {
      const vars = varsOf(host);
      const address = hostAddress(vars, host);
      // node_exporter runs once per machine however many inventory names point at it
      if (component === 'monitored_servers' && seenAddress.has(address)) continue;
      seenAddress.add(address);
      const ports = Object.entries(defaults).map(([name, value]) => {
        const v = vars[name];
        const n = typeof v === 'number' ? v : Number(v);
        return { name, value: Number.isInteger(n) ? n : value };
      });
      const deployDir = toText(vars.deploy_dir);
      const dataDir = component === TIFLASH_GROUP ? toText(vars.data_dir) ?? `${deployDir ?? ''}/tiflash/data/db` : undefined;
      out.push({
        component, host, address, ports,
        deployDir: DIR_COMPONENTS.includes(component) ? deployDir : undefined,
        dataDirs: dataDir ? dataDir.split(',').map((d) => d.trim()).filter(Boolean) : [],
        line: lines.get(`${component}\u0000${host}`),
        vars,
      });
    }
  }
  return out;
}
