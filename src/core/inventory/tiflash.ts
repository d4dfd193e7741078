// TiFlash instances as tidb-ansible deploys them: the six ports, deploy_dir and data_dir with the
// defaults of group_vars/tiflash_servers.yml and roles/tiflash/defaults/main.yml.

import { follower } from './follow';
import { groupBy } from './groupBy';
import { carried } from './shift';
import { Overlay } from './overlay';
import { addressOf, resolveHostVars } from './resolve';
import { touches, type Edit } from './change';
import { Derived, once, type Before } from './derived';
import type { HostLine, Inventory, Vars } from './types';
import { deployDirOf, intOr, tiflashDataDirs } from './values';

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

type LineIndex = Map<string, ReadonlyMap<string, HostLine>>;
const lineIndexCache = new WeakMap<Inventory, LineIndex>();

/** The first line of `group` that defines `host`. */
export function hostLineOf(inv: Inventory, group: string, host: string): HostLine | undefined {
  return once(lineIndexCache, inv, (i) => firstLines(i.hostLines))
    .get(group)
    ?.get(host);
}

function firstLines(hostLines: readonly HostLine[]): LineIndex {
  const index = new Map<string, Map<string, HostLine>>();
  for (const l of hostLines) {
    let byHost = index.get(l.group);
    if (!byHost) index.set(l.group, (byHost = new Map<string, HostLine>()));
    for (const n of l.names) if (!byHost.has(n)) byHost.set(n, l);
  }
  return index;
}

/** Host names by address, to find the services that share an IP. */
type AddressIndex = ReadonlyMap<string, readonly string[]>;
const addressCache = new WeakMap<Inventory, AddressIndex>();

function addressIndex(inv: Inventory): AddressIndex {
  return once(addressCache, inv, () => groupBy(inv.hosts.keys(), (name) => addressOf(inv, name)));
}

const tiflash = new Derived<TiFlashHost[]>(computeTiflashHosts);

/** The TiFlash hosts of an inventory (computed once per parsed inventory; do not change the result). */
export const tiflashHosts = (inv: Inventory): TiFlashHost[] => tiflash.of(inv);

/** After an edit: what the edit cannot have changed (other hosts' first lines, other addresses, other TiFlash hosts) stays. */
export function inheritTiflash(prev: Inventory, next: Inventory, edit: Edit): void {
  const lines = lineIndexCache.get(prev);
  // when lines moved, the index would point at the old objects: it is built again when asked
  if (lines && !edit.shift.delta) {
    const changes = new Map<string, HostLine | undefined>([...edit.changed].map((h) => [h, undefined]));
    for (const l of edit.changed.size ? next.hostLines : []) {
      if (l.group !== edit.group) continue;
      for (const n of l.names) if (edit.changed.has(n) && !changes.get(n)) changes.set(n, l);
    }
    const kept = new Map(lines);
    kept.set(edit.group, Overlay.of(lines.get(edit.group) ?? new Map<string, HostLine>(), changes));
    lineIndexCache.set(next, kept);
  }
  const addresses = addressCache.get(prev);
  if (addresses) {
    const changes = new Map<string, string[] | undefined>();
    for (const a of edit.addresses) {
      const list = (addresses.get(a) ?? []).filter((h) => !edit.changed.has(h));
      for (const h of edit.changed) if (next.hosts.has(h) && addressOf(next, h) === a) list.push(h);
      changes.set(a, list.length ? list : undefined);
    }
    addressCache.set(next, Overlay.of(addresses, changes));
  }
  tiflash.inherit(prev, next, edit);
}

function computeTiflashHosts(inv: Inventory, before?: Before<TiFlashHost[]>): TiFlashHost[] {
  const group = inv.groups.get(TIFLASH_GROUP);
  if (!group) return [];
  const previous = follower(before?.value ?? [], (h) => h.name);
  return group.hosts.map((name) => {
    const old = previous(name);
    if (!old || !before || touches(before.edit, name, old.address)) return tiflashHost(inv, name);
    return carried(old, before.edit.shift, inv.hostLines, withLine);
  });
}

// the same fields in the same order as `tiflashHost` builds them: one object shape for all
const withLine = (h: TiFlashHost, line: HostLine): TiFlashHost => ({
  name: h.name,
  address: h.address,
  ports: h.ports,
  deployDir: h.deployDir,
  dataDirs: h.dataDirs,
  otherGroups: h.otherGroups,
  siblings: h.siblings,
  line,
  vars: h.vars,
});

function tiflashHost(inv: Inventory, name: string): TiFlashHost {
  const vars = resolveHostVars(inv, name);
  const address = addressOf(inv, name);
  const ports = Object.fromEntries(TIFLASH_PORT_NAMES.map((p) => [p, intOr(vars[p], TIFLASH_PORTS[p])])) as Record<TiFlashPortName, number>;
  const deployDir = deployDirOf(vars.deploy_dir);
  const otherGroups = new Set<string>();
  const siblings: string[] = [];
  for (const other of addressIndex(inv).get(address) ?? []) {
    const groups = inv.hosts.get(other)?.groups ?? [];
    for (const g of groups) if (g !== TIFLASH_GROUP) otherGroups.add(g);
    if (other !== name && groups.includes(TIFLASH_GROUP)) siblings.push(other);
  }
  // sorted: the same answer however the index was built (in full, or carried over from before an edit)
  return {
    name,
    address,
    ports,
    deployDir,
    dataDirs: tiflashDataDirs(vars.data_dir, deployDir),
    otherGroups: [...otherGroups].sort(),
    siblings: siblings.sort(),
    line: hostLineOf(inv, TIFLASH_GROUP, name),
    vars,
  };
}

/** The directories an operator must wipe before the host can join again ("store is tombstone" otherwise). */
export function tiflashDirsToWipe(host: TiFlashHost): string[] {
  const first = host.dataDirs[0];
  return first ? [...host.dataDirs, `${first}/flash`, `${first}/tmp`] : [];
}
