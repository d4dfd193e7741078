// A TiFlash address must also be in hosts.ini [servers] (users, NTP) and in [monitored_servers] (node_exporter).

import { addHostLine } from '../../inventory/edit';
import type { Inventory } from '../../inventory/types';
import { addressOf } from '../../inventory/resolve';
import { finding } from '../helpers';
import type { FileRole, Finding, Rule, RuleContext } from '../types';

function addresses(inv: Inventory, group: string): Set<string> {
  return new Set((inv.groups.get(group)?.hosts ?? []).map((h) => addressOf(inv, h)));
}

function missing(ctx: RuleContext, target: Inventory, file: FileRole, group: string, rule: string, where: string): Finding[] {
  const present = addresses(target, group);
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const h of ctx.tiflash) {
    if (!h.line || present.has(h.address) || reported.has(h.address)) continue;
    reported.add(h.address);
    const add = addHostLine(target, group, h.address, h.address);
    const fixes = add.ok ? [{ title: `Add ${h.address} to ${where}`, edits: add.edits.map((edit) => ({ file, edit })) }] : undefined;
    out.push(finding('inventory', rule, 'warning', h.line, `${h.address} is not in ${where}`, fixes));
  }
  return out;
}

export const missingInHostsIni: Rule = {
  id: 'missing-in-hosts-ini',
  check: (ctx) => (ctx.hosts ? missing(ctx, ctx.hosts, 'hosts', 'servers', 'missing-in-hosts-ini', 'hosts.ini [servers]: create_users.yml and deploy_ntp.yml will skip it') : []),
};

export const notMonitored: Rule = {
  id: 'not-monitored',
  check: (ctx) => (ctx.inventory ? missing(ctx, ctx.inventory, 'inventory', 'monitored_servers', 'not-monitored', '[monitored_servers]: node_exporter will not run there') : []),
};
