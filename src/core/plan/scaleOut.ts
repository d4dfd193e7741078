// Scale out one TiFlash node: inventories, then the six playbooks as the TiDB-Ansible docs give them.

import { tiflashDirsToWipe, tiflashHosts, TIFLASH_GROUP } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { render } from '../l10n/message';
import { matchHost } from '../pd/match';
import type { StoreList } from '../pd/types';
import { isIp } from '../validation/helpers';
import { isSafeHostName } from './argv';
import { openGrafana, playbook, refreshPrometheus, type PlaybookOptions } from './common';
import type { Blocked, EditOp, Plan, Step } from './types';

export interface ScaleOutInput extends PlaybookOptions {
  inventory: Inventory;
  hosts?: Inventory;
  /** An IP, or an alias already in [tiflash_servers]. */
  host: string;
  /** PD's stores when known: to refuse a host that is already Up, and warn about a Tombstone one. */
  stores?: StoreList;
}

export function planScaleOut(input: ScaleOutInput): Plan {
  const { inventory, hosts, host } = input;
  const blocked: Blocked[] = [];
  const warnings: string[] = [];
  const known = tiflashHosts(inventory).find((h) => h.name === host);
  if (!isSafeHostName(host) || (!known && !isIp(host))) {
    blocked.push({ check: 'host', message: `'${host}' is not an IP address or a TiFlash host of inventory.ini (TiFlash hosts must be IP addresses)` });
    return { host, steps: [], blocked, warnings };
  }
  const address = known?.address ?? host;
  if (!isIp(address)) blocked.push({ check: 'host', message: `${host} has the address '${address}', which is not an IP address` });
  const match = known && input.stores ? matchHost(known, { ok: true, value: input.stores }) : undefined;
  // (English until plans carry catalog messages)
  if (match?.kind === 'unknown' || match?.kind === 'ambiguous') blocked.push({ check: `pd-${match.kind}`, message: render(match.reason, 'en') });
  const state = match?.store;
  if (state && state.state !== 'Tombstone') blocked.push({ check: 'already-a-store', message: `${host} is already TiFlash store ${state.id} (${state.stateName}) in PD` });
  if (state?.state === 'Tombstone' && known) {
    warnings.push(`${host} was TiFlash store ${state.id}, now Tombstone: wipe its data directories first or it fails with "store is tombstone": ${tiflashDirsToWipe(known).join(', ')}`);
  }

  const inventoryEdits: EditOp[] = [{ file: 'inventory', op: 'add', group: TIFLASH_GROUP, host, line: host }];
  if (!(inventory.groups.get('monitored_servers')?.hosts ?? []).some((h) => h === address)) {
    inventoryEdits.push({ file: 'inventory', op: 'add', group: 'monitored_servers', host: address, line: address });
  }
  const steps: Step[] = [{ kind: 'edit', title: `Add ${host} to inventory.ini`, edits: inventoryEdits }];
  if (hosts) steps.push({ kind: 'edit', title: `Add ${address} to hosts.ini [servers]`, edits: [{ file: 'hosts', op: 'add', group: 'servers', host: address, line: address }] });
  else steps.push({ kind: 'manual', title: 'Create hosts.ini', detail: `hosts.ini is missing: create it with [servers] listing ${address} and [all:vars] username = tidb, ntp_server = pool.ntp.org.` });
  const user = String(hosts?.groups.get('all')?.vars.username ?? 'tidb');
  steps.push(
    playbook(input, 'Create the deploy user and SSH trust (asks for the root password)', ['-i', 'hosts.ini', 'create_users.yml', '-l', address, '-u', 'root', '-k']),
    playbook(input, 'Deploy NTP', ['-i', 'hosts.ini', 'deploy_ntp.yml', '-u', user, '-b']),
    playbook(input, `Bootstrap ${host}`, ['bootstrap.yml', '-l', host]),
    playbook(input, `Deploy TiFlash on ${host}`, ['deploy.yml', '-l', host]),
    playbook(input, `Start TiFlash on ${host}`, ['start.yml', '-l', host]),
    refreshPrometheus(input),
    openGrafana(inventory, `the cluster and ${host}`),
  );
  return { host, steps, blocked, warnings };
}
