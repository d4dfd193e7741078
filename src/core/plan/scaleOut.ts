// Scale out one TiFlash instance: the inventories, then the playbooks as the TiDB-Ansible docs give them,
// then a wait until PD reports the new store Up. Refused when anything about the machine, the inventory or
// PD says the run would act on something other than a new, empty TiFlash instance.

import { TIFLASH_GROUP, tiflashHosts, type TiFlashHost } from '../inventory/tiflash';
import { addressOf } from '../inventory/resolve';
import type { Inventory } from '../inventory/types';
import { asText } from '../inventory/values';
import { msg, type Msg } from '../l10n/message';
import { isIp } from '../validation/helpers';
import { grafanaStep, lineOf, monitoringHosts, needStores, pdUnknown } from './common';
import { storesOf, type PdFacts } from './facts';
import { inventoryGate } from './gate';
import { playbookStep, refreshPrometheusSpec, type PlaybookOptions, type PlaybookSpec } from './playbooks';
import { specFieldProblems, specLine, specName, tiflashCollisions, withSpec, type ScaleOutSpec } from './scaleOutSpec';
import type { Blocked, EditOp, Plan, Step } from './types';
import { dirsToWipe } from './wipe';

/** How long a scale-out waits for the new store to report Up before it explains and stops. */
export const UP_TIMEOUT_MS = 10 * 60_000;

export interface ScaleOutInput extends PlaybookOptions {
  inventory: Inventory;
  hosts?: Inventory;
  /** An IP (a plain new instance), a form's spec, or the name of a host already written into [tiflash_servers]. */
  host: string | ScaleOutSpec;
  pd: PdFacts;
}

interface Candidate {
  host: TiFlashHost;
  /** The inventory with the candidate in it (the current one when the operator already wrote the line). */
  inventory: Inventory;
  /** The line to add, when it is not written yet. */
  line?: string;
}

export function planScaleOut(input: ScaleOutInput): Plan {
  const target = typeof input.host === 'string' ? input.host.trim() : specName(input.host);
  const blocked: Blocked[] = [];
  const warnings: Msg[] = [];
  const done = (): Plan => ({ operation: 'scale-out', target, steps: [], blocked, warnings });

  const found = candidate(input, blocked);
  if (!found) return done();
  const { host } = found;
  blocked.push(...inventoryGate(found.inventory, input.hosts, host.line?.line));
  for (const c of tiflashCollisions(host, tiflashHosts(found.inventory))) blocked.push({ check: 'tiflash-collision', message: c.message });
  const groups = found.inventory.groups;
  if (groups.has(host.name)) blocked.push({ check: 'host', message: msg('plan.blocked.nameIsGroup', { name: host.name }) });
  if (!input.hosts) blocked.push({ check: 'hosts-ini-missing', message: msg('plan.blocked.hostsIniMissing', { address: host.address }) });
  blocked.push(...pdChecks(host, input.pd, warnings));
  if (blocked.length) return done();

  const steps: Step[] = [];
  const inventoryOps: EditOp[] = [];
  if (found.line) inventoryOps.push({ op: 'add', group: TIFLASH_GROUP, host: host.name, line: found.line });
  if (!listsAddress(input.inventory, 'monitored_servers', host.address))
    inventoryOps.push({ op: 'add', group: 'monitored_servers', host: host.address, line: host.address });
  if (inventoryOps.length) {
    const groupsAdded = inventoryOps.map((o) => `[${o.group}]`);
    steps.push({
      kind: 'edit',
      id: 'edit-inventory',
      file: 'inventory',
      ops: inventoryOps,
      title: msg('plan.step.addToInventory', { name: host.name, groups: groupsAdded }),
    });
  }
  if (!listsAddress(input.hosts!, 'servers', host.address)) {
    steps.push({
      kind: 'edit',
      id: 'edit-hosts',
      file: 'hosts',
      ops: [{ op: 'add', group: 'servers', host: host.address, line: host.address }],
      title: msg('plan.step.addToHostsIni', { address: host.address }),
    });
  }
  const where = lineOf('inventory.ini', host.line?.line);
  const hostsWhere = msg('plan.where.hostsUser');
  const user = asText(input.hosts!.groups.get('all')?.vars.username) ?? 'tidb';
  const specs: PlaybookSpec[] = [
    {
      id: 'create-users',
      title: msg('plan.step.createUsers', { address: host.address }),
      inventory: 'hosts',
      playbook: 'create_users.yml',
      limit: { host: host.address, where: lineOf('hosts.ini', undefined) },
      user: { name: 'root', where: hostsWhere },
      asksPassword: true,
      expectHosts: [host.address],
    },
    {
      id: 'deploy-ntp',
      title: msg('plan.step.deployNtp'),
      inventory: 'hosts',
      playbook: 'deploy_ntp.yml',
      user: { name: user, where: hostsWhere },
      become: true,
      expectHosts: [host.address],
      skippable: true,
    },
    // the three playbooks that act on the new instance by its inventory name
    ...(['bootstrap', 'deploy', 'start'] as const).map((id): PlaybookSpec => ({
      id,
      title: msg(`plan.step.${id}`, { name: host.name }),
      inventory: 'inventory',
      playbook: `${id}.yml`,
      limit: { host: host.name, where },
      expectHosts: [host.name],
    })),
  ];
  for (const spec of specs) {
    const r = playbookStep(input, spec);
    if ('blocked' in r) return { ...done(), blocked: r.blocked };
    steps.push(r.step);
  }
  const address = `${host.address}:${host.ports.flash_service_port}`;
  steps.push({ kind: 'wait', id: 'wait-up', until: 'up', address, timeoutMs: UP_TIMEOUT_MS, title: msg('plan.step.waitUp', { address, name: host.name }) });
  const refresh = playbookStep(input, refreshPrometheusSpec(monitoringHosts(found.inventory)));
  if ('blocked' in refresh) return { ...done(), blocked: refresh.blocked };
  steps.push(refresh.step, grafanaStep(found.inventory, msg('plan.what.clusterAnd', { name: host.name })));
  return { operation: 'scale-out', target, steps, blocked, warnings };
}

function candidate(input: ScaleOutInput, blocked: Blocked[]): Candidate | undefined {
  const existing = typeof input.host === 'string' ? tiflashHosts(input.inventory).find((h) => h.name === input.host) : undefined;
  if (existing) {
    if (!isIp(existing.address)) blocked.push({ check: 'host', message: msg('plan.blocked.addressNotIp', { name: existing.name, address: existing.address }) });
    return blocked.length ? undefined : { host: existing, inventory: input.inventory };
  }
  const spec: ScaleOutSpec = typeof input.host === 'string' ? { address: input.host.trim() } : input.host;
  if (typeof input.host === 'string' && !isIp(spec.address)) {
    blocked.push({ check: 'host', message: msg('plan.blocked.notIpOrHost', { value: input.host }) });
    return undefined;
  }
  for (const p of specFieldProblems(spec)) blocked.push({ check: 'host', message: p.message });
  const name = specName(spec);
  if (input.inventory.hosts.has(name) && addressOf(input.inventory, name) !== spec.address.trim()) {
    blocked.push({ check: 'host', message: msg('plan.blocked.nameTaken', { name, address: addressOf(input.inventory, name) }) });
  }
  if (blocked.length) return undefined;
  const added = withSpec(input.inventory, spec);
  if (!added) {
    blocked.push({ check: 'host', message: msg('plan.blocked.cannotAdd', { name }) });
    return undefined;
  }
  return { ...added, line: specLine(spec) };
}

/** PD must not know a live store at the new instance's addresses; a Tombstone there means data to wipe first. */
function pdChecks(host: TiFlashHost, pd: PdFacts, warnings: Msg[]): Blocked[] {
  const out: Blocked[] = [];
  const noStores = needStores(pd);
  if (noStores) return [noStores];
  const addresses = [`${host.address}:${host.ports.flash_service_port}`, `${host.address}:${host.ports.flash_proxy_port}`];
  const there = storesOf(pd).filter((s) => addresses.includes(s.address) || (s.peerAddress !== undefined && addresses.includes(s.peerAddress)));
  for (const s of there) {
    if (s.state !== 'Tombstone')
      out.push({ check: 'address-in-pd', message: msg('plan.blocked.addressInPd', { id: s.id, state: msg(`state.${s.state}`), address: s.address }) });
  }
  const tombstones = there.filter((s) => s.state === 'Tombstone');
  if (tombstones.length && !out.length) {
    warnings.push(msg('plan.warn.tombstoneThere', { ids: tombstones.map((s) => s.id), dirs: dirsToWipe(host) }));
  }
  if (!pd.rules.ok) out.push(pdUnknown(pd.rules.error.message));
  else if (!pd.rules.value.enabled) out.push({ check: 'placement-rules-disabled', message: msg('plan.blocked.placementDisabled') });
  return out;
}

function listsAddress(inv: Inventory, group: string, address: string): boolean {
  return (inv.groups.get(group)?.hosts ?? []).some((h) => addressOf(inv, h) === address);
}
