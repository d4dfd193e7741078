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

/** The first line of each group that defines each host: `group\0host` -> line. */
export function hostLineIndex(inv: Inventory): Map<string, HostLine> {
  const index = new Map<string, HostLine>();
  for (const l of inv.hostLines) for (const n of l.names) if (!index.has(`${l.group}\u0000${n}`)) index.set(`${l.group}\u0000${n}`, l);
  return index;
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

export function tiflashHosts(inv: Inventory): TiFlashHost[] {
  const group = inv.groups.get(TIFLASH_GROUP);
  if (!group) return [];
  const index = addressIndex(inv);
  const lines = hostLineIndex(inv);
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
      line: lines.get(`${TIFLASH_GROUP}\u0000${name}`),
      vars,
    };
  });
}

/** The directories an operator must wipe before the host can join again ("store is tombstone" otherwise). */
export function tiflashDirsToWipe(host: TiFlashHost): string[] {
  const first = host.dataDirs[0];
  return first ? [...host.dataDirs, `${first}/flash`, `${first}/tmp`] : [];
}
