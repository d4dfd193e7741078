// A TiFlash address must also be in hosts.ini [servers] (users, NTP) and in [monitored_servers] (node_exporter).

import { addHostLine } from '../../inventory/edit';
import type { Inventory } from '../../inventory/types';
import { instancesByAddress } from '../../inventory/instances';
import { addressOf } from '../../inventory/resolve';
import { msg } from '../../l10n/message';
import { finding, isIp } from '../helpers';
import type { FileRole, Finding, Rule, RuleContext } from '../types';

type Present = (address: string) => boolean;

function listedIn(inv: Inventory, group: string): Present {
  const out = new Set<string>();
  for (const h of inv.groups.get(group)?.hosts ?? []) out.add(addressOf(inv, h));
  return (address) => out.has(address);
}

/** What a rule says about a missing address, and what its fix is called. */
interface Wording {
  message: 'validation.missingInHostsIni' | 'validation.notMonitored';
  fix: 'validation.fix.addToHostsIni' | 'validation.fix.addToMonitored';
}

function missing(ctx: RuleContext, target: Inventory, file: FileRole, group: string, rule: string, wording: Wording, present: Present): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const h of ctx.tiflash) {
    if (!h.line || present(h.address) || reported.has(h.address)) continue;
    reported.add(h.address);
    // only an IP address is copied into another file: a name (`key=v` alone on a line, a typo) would spread the mistake
    const add = isIp(h.address) ? addHostLine(target, group, h.address, h.address) : undefined;
    const fixes = add?.ok ? [{ title: msg(wording.fix, { address: h.address }), edits: add.edits.map((edit) => ({ file, edit })) }] : undefined;
    out.push(finding('inventory', rule, 'warning', h.line, msg(wording.message, { address: h.address }), fixes));
  }
  return out;
}

const HOSTS_INI: Wording = { message: 'validation.missingInHostsIni', fix: 'validation.fix.addToHostsIni' };
const MONITORED: Wording = { message: 'validation.notMonitored', fix: 'validation.fix.addToMonitored' };

export const missingInHostsIni: Rule = {
  check: (ctx) => (ctx.hosts ? missing(ctx, ctx.hosts, 'hosts', 'servers', 'missing-in-hosts-ini', HOSTS_INI, listedIn(ctx.hosts, 'servers')) : []),
};

export const notMonitored: Rule = {
  check(ctx) {
    if (!ctx.inventory) return [];
    // the instances by address are already known (and kept across edits): no set of every monitored address to build
    const byAddress = instancesByAddress(ctx.instances);
    const present = (address: string) => !!byAddress.get(address)?.some((i) => i.component === 'monitored_servers');
    return missing(ctx, ctx.inventory, 'inventory', 'monitored_servers', 'not-monitored', MONITORED, present);
  },
};
