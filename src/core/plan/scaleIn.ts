// Scale in one TiFlash node, with the safety checks that keep operators from losing data or getting stuck.

import { tiflashDirsToWipe, tiflashHosts, TIFLASH_GROUP } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { render } from '../l10n/message';
import { matchHost, storeAddress } from '../pd/match';
import { isTiFlash, tombstoneReached, type PlacementRule, type StoreList } from '../pd/types';
import { openGrafana, playbook, refreshPrometheus, type PlaybookOptions } from './common';
import type { Blocked, EditOp, Plan, Step } from './types';

export interface ScaleInInput extends PlaybookOptions {
  inventory: Inventory;
  hosts?: Inventory;
  host: string;
  /** PD's complete store list. */
  stores: StoreList;
  rules: PlacementRule[];
  /** The operator confirmed removing the last TiFlash store. */
  confirmLast?: boolean;
}

export function planScaleIn(input: ScaleInInput): Plan {
  const { inventory, hosts, host } = input;
  const blocked: Blocked[] = [];
  const warnings: string[] = [];
  const all = tiflashHosts(inventory);
  const me = all.find((h) => h.name === host);
  if (!me) return { host, steps: [], blocked: [{ check: 'host', message: `${host} is not in [${TIFLASH_GROUP}] of inventory.ini` }], warnings };

  const address = storeAddress(me);
  const match = matchHost(me, { ok: true, value: input.stores });
  // PD's answer cannot tell (or two live stores claim the address): stop, never "not in PD"
  // (English until plans carry catalog messages)
  if (match.kind === 'unknown' || match.kind === 'ambiguous') return { host, steps: [], blocked: [{ check: `pd-${match.kind}`, message: render(match.reason, 'en') }], warnings };
  const store = match.store;
  if (store && !isTiFlash(store)) {
    blocked.push({ check: 'not-tiflash', message: `Store ${store.id} at ${address} is not a TiFlash store (no engine=tiflash label): it is never deleted from here` });
  }
  const live = store && isTiFlash(store) && !tombstoneReached(store) ? store : undefined;
  if (live && live.state !== 'Offline') {
    const remaining = input.stores.stores.filter((s) => isTiFlash(s) && s.state === 'Up' && s.id !== live.id).length;
    const needing = input.rules.filter((r) => r.count > remaining);
    if (needing.length) {
      const most = Math.max(...needing.map((r) => r.count));
      blocked.push({
        check: 'placement-rules',
        message: `Only ${remaining} TiFlash store(s) would remain, but ${needing.length} placement rule(s) need up to ${most} (${needing.slice(0, 5).map((r) => `${r.id}: ${r.count}`).join(', ')}${needing.length > 5 ? ', …' : ''}). The store would stay Offline forever. First lower those tables' replicas: ALTER TABLE db.t SET TIFLASH REPLICA ${remaining}; and wait until the change finishes.`,
      });
    } else if (remaining === 0 && !input.confirmLast) {
      blocked.push({
        check: 'last-store',
        message: `Store ${live.id} is the last TiFlash store. Removing it needs an explicit confirmation; if any table still has TiFlash replicas, remove them first (ALTER TABLE ... SET TIFLASH REPLICA 0), or delete the leftover rules afterwards with DELETE /pd/api/v1/config/rule/tiflash/<id>.`,
      });
    }
  }

  const steps: Step[] = [];
  if (live && live.state !== 'Offline') steps.push({ kind: 'pd', title: `Delete store ${live.id} (${address}) in PD: it goes Offline`, storeId: live.id, pdAction: 'delete-store' });
  if (live) {
    if (live.state === 'Offline') warnings.push(`Store ${live.id} is already Offline: waiting for it resumes where another operation left it.`);
    steps.push({ kind: 'wait', title: `Wait until store ${live.id} is Tombstone (its ${live.regionCount} regions move away)`, storeId: live.id });
  }

  // Another service on the address: stop only TiFlash (without -t, node_exporter and the rest stop too).
  const sharesAddress = me.otherGroups.some((g) => g !== 'monitored_servers') || me.siblings.length > 0;
  steps.push(playbook(input, `Stop TiFlash on ${host}`, sharesAddress ? ['stop.yml', '-t', 'tiflash', '-l', host] : ['stop.yml', '-l', host]));

  const edits: EditOp[] = [{ file: 'inventory', op: 'remove', group: TIFLASH_GROUP, host }];
  if (!sharesAddress) {
    for (const name of inventory.groups.get('monitored_servers')?.hosts ?? []) {
      if (name === me.address || name === host) edits.push({ file: 'inventory', op: 'remove', group: 'monitored_servers', host: name });
    }
  }
  steps.push({ kind: 'edit', title: `Remove ${host} from inventory.ini`, edits });
  if (hosts && !sharesAddress && hosts.groups.get('servers')?.hosts.includes(me.address)) {
    steps.push({ kind: 'edit', title: `Remove ${me.address} from hosts.ini`, edits: [{ file: 'hosts', op: 'remove', group: 'servers', host: me.address }] });
  }
  steps.push(refreshPrometheus(input), openGrafana(inventory, 'the cluster'), {
    kind: 'manual', title: 'Wipe the TiFlash data directories before reusing the host',
    detail: `Offline does not delete data. Before ${me.address} joins again, delete: ${tiflashDirsToWipe(me).join(', ')}`,
  });
  return { host, steps, blocked, warnings };
}
