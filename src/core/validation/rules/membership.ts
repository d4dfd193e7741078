// A TiFlash address must also be in hosts.ini [servers] (users, NTP) and in [monitored_servers] (node_exporter).

import { addHostLine } from '../../inventory/edit';
import type { Inventory } from '../../inventory/types';
import { instancesByAddress } from '../../inventory/instances';
import { addressOf } from '../../inventory/resolve';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule, RuleContext } from '../types';

type Present = (address: string) => boolean;

function listedIn(inv: Inventory, group: string): Present {
  const out = new Set<string>();
  for (const h of inv.groups.get(group)?.hosts ?? []) out.add(addressOf(inv, h));
  return (address) => out.has(address);
}

function missing(ctx: RuleContext, target: Inventory, file: FileRole, group: string, rule: string, where: string, present: Present): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const h of ctx.tiflash) {
    if (!h.line || present(h.address) || reported.has(h.address)) continue;
    reported.add(h.address);
    const add = addHostLine(target, group, h.address, h.address);
    const fixes = add.ok ? [{ title: `Add ${h.address} to ${where}`, edits: add.edits.map((edit) => ({ file, edit })) }] : undefined;
    out.push(finding('inventory', rule, 'warning', h.line, `${h.address} is not in ${where}`, fixes));
  }
  return out;
}

const HOSTS_INI = 'hosts.ini [servers]: create_users.yml and deploy_ntp.yml will skip it';
const MONITORED = '[monitored_servers]: node_exporter will not run there';

export const missingInHostsIni: Rule = {
  id: 'missing-in-hosts-ini',
  check: (ctx) => (ctx.hosts ? missing(ctx, ctx.hosts, 'hosts', 'servers', 'missing-in-hosts-ini', HOSTS_INI, listedIn(ctx.hosts, 'servers')) : []),
};

export const notMonitored: Rule = {
  id: 'not-monitored',
  check(ctx) {
    if (!ctx.inventory) return [];
    // the instances by address are already known (and kept across edits): no set of every monitored address to build
    const byAddress = instancesByAddress(ctx.instances);
    const present = (address: string) => !!byAddress.get(address)?.some((i) => i.component === 'monitored_servers');
    return missing(ctx, ctx.inventory, 'inventory', 'monitored_servers', 'not-monitored', MONITORED, present);
  },
};
