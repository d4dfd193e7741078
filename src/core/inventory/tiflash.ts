// TiFlash instances as tidb-ansible deploys them: the six ports, deploy_dir and data_dir with the
// defaults of group_vars/tiflash_servers.yml and roles/tiflash/defaults/main.yml.

import { addressOf, resolveHostVars } from './resolve';
import type { HostLine, Inventory, Vars } from './types';
import { asText, intOr, tiflashDataDirs } from './values';

export const TIFLASH_GROUP = 'tiflash_servers';

export const TIFLASH_PORTS = {
  tcp_port: 9000,
  http_port: 8123,
  flash_service_port: 3930,
  flash_proxy_port: 20170,
  flash_proxy_status_port: 20292,
  metrics_port: 8234,
} as const;

export type TiFlashPortName = keyof typeof TIFLASH_PORTS;
export const TIFLASH_PORT_NAMES = Object.keys(TIFLASH_PORTS) as TiFlashPortName[];

export interface TiFlashHost {
  /** Inventory name: the IP itself or an alias. This is what `-l` must name. */
  name: string;
  /** `ansible_host` or the name. */
  address: string;
  ports: Record<TiFlashPortName, number>;
  deployDir: string;
  dataDirs: string[];
  /** Groups other than tiflash_servers that list a host with the same address. */
  otherGroups: string[];
  /** Other TiFlash instances on the same address. */
  siblings: string[];
  /** The line in [tiflash_servers] that defines it. */
  line?: HostLine;
  vars: Readonly<Vars>;
}

const lineIndexCache = new WeakMap<Inventory, Map<string, Map<string, HostLine>>>();

/** The first line of `group` that defines `host`. */
export function hostLineOf(inv: Inventory, group: string, host: string): HostLine | undefined {
  let index = lineIndexCache.get(inv);
  if (!index) {
    index = new Map();
    for (const l of inv.hostLines) {
      let byHost = index.get(l.group);
      if (!byHost) index.set(l.group, (byHost = new Map()));
      for (const n of l.names) if (!byHost.has(n)) byHost.set(n, l);
    }
    lineIndexCache.set(inv, index);
  }
  return index.get(group)?.get(host);
}

/** Every host's address, to find the services that share an IP. */
export function addressIndex(inv: Inventory): Map<string, { host: string; groups: string[] }[]> {
  const index = new Map<string, { host: string; groups: string[] }[]>();
  for (const h of inv.hosts.values()) {
    const address = addressOf(inv, h.name);
    const list = index.get(address) ?? [];
    list.push({ host: h.name, groups: h.groups });
    index.set(address, list);
  }
  return index;
}

const tiflashCache = new WeakMap<Inventory, TiFlashHost[]>();

/** The TiFlash hosts of an inventory (computed once per parsed inventory; do not change the result). */
export function tiflashHosts(inv: Inventory): TiFlashHost[] {
  let hosts = tiflashCache.get(inv);
  if (!hosts) tiflashCache.set(inv, (hosts = computeTiflashHosts(inv)));
  return hosts;
}

function computeTiflashHosts(inv: Inventory): TiFlashHost[] {
  const group = inv.groups.get(TIFLASH_GROUP);
  if (!group) return [];
  const index = addressIndex(inv);
  return group.hosts.map((name) => {
    const vars = resolveHostVars(inv, name);
    const address = addressOf(inv, name);
    const ports = Object.fromEntries(TIFLASH_PORT_NAMES.map((p) => [p, intOr(vars[p], TIFLASH_PORTS[p])])) as Record<TiFlashPortName, number>;
    const deployDir = asText(vars.deploy_dir) ?? '/home/tidb/deploy';
    const sameAddress = index.get(address) ?? [];
    const otherGroups = new Set<string>();
    for (const other of sameAddress) for (const g of other.groups) if (g !== TIFLASH_GROUP) otherGroups.add(g);
    const siblings = sameAddress.filter((o) => o.host !== name && o.groups.includes(TIFLASH_GROUP)).map((o) => o.host);
    return {
      name, address, ports, deployDir,
      dataDirs: tiflashDataDirs(vars.data_dir, deployDir),
      otherGroups: [...otherGroups], siblings,
      line: hostLineOf(inv, TIFLASH_GROUP, name),
      vars,
    };
  });
}

/** The directories an operator must wipe before the host can join again ("store is tombstone" otherwise). */
export function tiflashDirsToWipe(host: TiFlashHost): string[] {
  const first = host.dataDirs[0];
  return first ? [...host.dataDirs, `${first}/flash`, `${first}/tmp`] : [];
}
