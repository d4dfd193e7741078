// A new TiFlash instance as the scale-out form describes it: the line it writes into [tiflash_servers],
// tidb-ansible's defaults or the next free ports and directories on a machine that already runs TiFlash,
// and what in it collides with an instance the inventory already has on that machine.

import { addHostLine, applyEdits } from '../inventory/edit';
import { parseInventory } from '../inventory/parse';
import { TIFLASH_GROUP, TIFLASH_PORT_NAMES, TIFLASH_PORTS, tiflashHosts, type TiFlashHost, type TiFlashPortName } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, type Msg } from '../l10n/message';
import { isIp } from '../validation/helpers';
import { argProblem } from './args';
import { textOf } from './files';

export interface ScaleOutSpec {
  /** The machine's IP address. */
  address: string;
  /** The inventory name when it is not the address (each of several instances on one machine needs one). */
  alias?: string;
  deployDir?: string;
  dataDirs?: string[];
  /** Only the ports that differ from tidb-ansible's defaults need to be written. */
  ports?: Partial<Record<TiFlashPortName, number>>;
}

export type SpecField = 'address' | 'alias' | 'deployDir' | 'dataDirs' | TiFlashPortName;

export interface FieldProblem {
  field: SpecField;
  message: Msg;
}

/** The inventory name of the new instance: `-l` names it. */
export const specName = (spec: ScaleOutSpec) => spec.alias?.trim() || spec.address.trim();

/** A directory for a `key=value` host variable: absolute, and nothing the inventory syntax or a shell would read twice. */
const DIR = /^\/[A-Za-z0-9._/+@-]*$/;

/** Problems with each field on its own (the form shows them as you type). */
export function specFieldProblems(spec: ScaleOutSpec): FieldProblem[] {
  const out: FieldProblem[] = [];
  const address = spec.address.trim();
  if (!isIp(address) || address.includes(':')) out.push({ field: 'address', message: msg('spec.address', { value: address }) });
  if (spec.alias !== undefined && spec.alias.trim() !== '') {
    const alias = spec.alias.trim();
    const problem = argProblem('limit', alias, msg('args.where.alias'));
    if (problem) out.push({ field: 'alias', message: problem });
    else if (isIp(alias) && alias !== address) out.push({ field: 'alias', message: msg('spec.aliasIsOtherIp', { alias, address }) });
  }
  if (spec.deployDir !== undefined && !DIR.test(spec.deployDir)) out.push({ field: 'deployDir', message: msg('spec.dir', { value: spec.deployDir }) });
  for (const d of spec.dataDirs ?? []) if (!DIR.test(d)) out.push({ field: 'dataDirs', message: msg('spec.dir', { value: d }) });
  for (const name of TIFLASH_PORT_NAMES) {
    const p = spec.ports?.[name];
    if (p !== undefined && !(Number.isInteger(p) && p >= 1 && p <= 65535)) out.push({ field: name, message: msg('spec.port', { name, value: String(p) }) });
  }
  const ports = TIFLASH_PORT_NAMES.map((n) => spec.ports?.[n] ?? TIFLASH_PORTS[n]);
  TIFLASH_PORT_NAMES.forEach((n, i) => {
    const j = ports.indexOf(ports[i]);
    if (j < i) out.push({ field: n, message: msg('spec.portTwice', { name: n, other: TIFLASH_PORT_NAMES[j], value: ports[i] }) });
  });
  return out;
}

/** The line the form writes: the name, then only what differs from the defaults. */
export function specLine(spec: ScaleOutSpec): string {
  const address = spec.address.trim();
  const name = specName(spec);
  const vars: string[] = [];
  if (name !== address) vars.push(`ansible_host=${address}`);
  if (spec.deployDir) vars.push(`deploy_dir=${spec.deployDir}`);
  if (spec.dataDirs?.length) vars.push(`data_dir=${spec.dataDirs.join(',')}`);
  for (const n of TIFLASH_PORT_NAMES) {
    const p = spec.ports?.[n];
    if (p !== undefined && p !== TIFLASH_PORTS[n]) vars.push(`${n}=${p}`);
  }
  return [name, ...vars].join(' ');
}

/** The inventory with the spec's line added to [tiflash_servers], and the instance it defines. */
export function withSpec(inventory: Inventory, spec: ScaleOutSpec): { inventory: Inventory; host: TiFlashHost } | undefined {
  const add = addHostLine(inventory, TIFLASH_GROUP, specName(spec), specLine(spec));
  if (!add.ok) return undefined;
  const next = parseInventory(applyEdits(textOf(inventory), add.edits));
  const host = tiflashHosts(next).find((h) => h.name === specName(spec));
  return host && { inventory: next, host };
}

const norm = (dir: string) => dir.replace(/\/+$/, '');
const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** What `host` shares with another TiFlash instance on its machine: a name, any of the six ports, a deploy or data directory. */
export function tiflashCollisions(host: TiFlashHost, all: readonly TiFlashHost[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const other of all) {
    if (other === host || other.address !== host.address) continue;
    const line = other.line ? other.line.line + 1 : 0;
    if (other.name === host.name) out.push({ field: 'alias', message: msg('spec.collide.name', { name: host.name, line }) });
    for (const p of TIFLASH_PORT_NAMES) {
      const q = TIFLASH_PORT_NAMES.find((n) => other.ports[n] === host.ports[p]);
      if (q) out.push({ field: p, message: msg('spec.collide.port', { name: p, value: host.ports[p], other: other.name, otherPort: q, line }) });
    }
    if (norm(other.deployDir) === norm(host.deployDir))
      out.push({ field: 'deployDir', message: msg('spec.collide.deployDir', { dir: host.deployDir, other: other.name, line }) });
    for (const d of host.dataDirs) {
      const hit = other.dataDirs.find((o) => within(norm(o), norm(d)));
      if (hit) out.push({ field: 'dataDirs', message: msg('spec.collide.dataDir', { dir: d, otherDir: hit, other: other.name, line }) });
    }
  }
  return out;
}

/**
 * What the form starts with for a machine: tidb-ansible's defaults, or where the machine already runs TiFlash,
 * an alias and the next ports and directories that no instance there uses.
 */
export function suggestSpec(inventory: Inventory, address: string): ScaleOutSpec {
  const there = tiflashHosts(inventory).filter((h) => h.address === address);
  if (!there.length) return { address };
  const used = new Set(there.flatMap((h) => TIFLASH_PORT_NAMES.map((n) => h.ports[n])));
  const ports: Partial<Record<TiFlashPortName, number>> = {};
  for (const n of TIFLASH_PORT_NAMES) {
    let p = TIFLASH_PORTS[n];
    while (used.has(p) && p < 65535) p++;
    used.add(p);
    ports[n] = p;
  }
  const names = new Set(inventory.hosts.keys());
  let k = there.length + 1;
  while (names.has(`TiFlash-${address}-${k}`)) k++;
  const base = there[0].deployDir.replace(/\/+$/, '');
  return { address, alias: `TiFlash-${address}-${k}`, deployDir: `${base}-${k}`, dataDirs: [`${base}-${k}/data`], ports };
}
