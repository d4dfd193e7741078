// Scale in one TiFlash instance: delete its store in PD, wait until PD reports it Tombstone, only then stop
// TiFlash and remove it from the inventories. Refused whenever PD's answer does not say exactly which store
// it is, when the remaining Up TiFlash stores cannot hold the placement rules' replicas, and for TiKV.

import { TIFLASH_GROUP, tiflashHosts, type TiFlashHost } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, type Msg } from '../l10n/message';
import { storeAddress } from '../pd/match';
import { replicaFix } from '../pd/tidb';
import { isTiFlash, type PlacementRule, type Store } from '../pd/types';
import { grafanaStep, lineOf, monitoringHosts, needStores, pdUnknown } from './common';
import { storeOfHost, storesOf, type PdFacts } from './facts';
import { inventoryGate } from './gate';
import { playbookStep, refreshPrometheusSpec, type PlaybookOptions } from './playbooks';
import { pdStep } from './storeOps';
import type { Blocked, EditOp, EditStep, Plan, PlaybookStep, Step } from './types';
import { dirsToWipe } from './wipe';

export interface ScaleInInput extends PlaybookOptions {
  inventory: Inventory;
  hosts?: Inventory;
  host: string;
  pd: PdFacts;
  /** Checks the operator explicitly confirmed (`last-store`). */
  confirmed?: readonly string[];
}

export function planScaleIn(input: ScaleInInput): Plan {
  const { inventory, host } = input;
  const blocked: Blocked[] = [];
  const warnings: Msg[] = [];
  const done = (steps: Step[] = []): Plan => ({ operation: 'scale-in', target: host, steps, blocked, warnings });
  const me = tiflashHosts(inventory).find((h) => h.name === host);
  if (!me) {
    blocked.push({ check: 'host', message: msg('plan.blocked.notTiflashHost', { name: host }) });
    return done();
  }
  blocked.push(...inventoryGate(inventory, input.hosts, me.line?.line));
  if (inventory.groups.has(host)) blocked.push({ check: 'host', message: msg('plan.blocked.nameIsGroup', { name: host }) });
  const noStores = needStores(input.pd);
  if (noStores) blocked.push(noStores);
  if (blocked.length) return done();

  const address = storeAddress(me);
  const found = storeOfHost(me, input.pd);
  const steps: Step[] = [];
  switch (found.kind) {
    case 'unknown':
      blocked.push(pdUnknown(found.reason));
      break;
    case 'ambiguous':
      blocked.push({
        check: 'ambiguous-store',
        message: msg('plan.blocked.ambiguous', {
          address,
          stores: found.stores.map((s) => msg('plan.storeState', { id: s.id, state: msg(`state.${s.state}`) })),
        }),
      });
      break;
    case 'not-tiflash':
      blocked.push({ check: 'not-tiflash', message: msg('plan.blocked.notTiflashStore', { id: found.store.id, address }) });
      break;
    case 'absent':
      warnings.push(msg('plan.warn.notInPd', { name: host, address }));
      break;
    case 'store':
      storeSteps(found.store, input, address, steps, blocked, warnings);
      break;
  }
  if (blocked.length) return done();

  const stop = stopStep(input, me);
  if ('blocked' in stop) return { ...done(), blocked: stop.blocked };
  steps.push(stop.step, ...removalSteps(input, me));
  const refresh = playbookStep(input, refreshPrometheusSpec(monitoringHosts(inventory)));
  if ('blocked' in refresh) return { ...done(), blocked: refresh.blocked };
  steps.push(refresh.step, grafanaStep(inventory, msg('plan.what.cluster')), wipeStep(me));
  return done(steps);
}

function storeSteps(store: Store, input: ScaleInInput, address: string, steps: Step[], blocked: Blocked[], warnings: Msg[]): void {
  if (store.state === 'Tombstone') {
    warnings.push(msg('plan.warn.alreadyTombstone', { id: store.id }));
    return;
  }
  if (store.state === 'Offline') warnings.push(msg('plan.warn.alreadyOffline', { id: store.id }));
  else {
    // only Up TiFlash stores can take the replicas: Disconnected, Down, Offline and Tombstone ones cannot
    const remaining = storesOf(input.pd).filter((s) => isTiFlash(s) && s.state === 'Up' && s.id !== store.id).length;
    const rules = input.pd.rules.ok && input.pd.rules.value.enabled ? input.pd.rules.value.rules : [];
    const needing = rules.filter((r) => r.count > remaining);
    if (needing.length) {
      const most = Math.max(...needing.map((r) => r.count));
      blocked.push({
        check: 'placement-rules',
        message: msg('plan.blocked.placementRules', {
          remaining,
          rules: needing.length,
          most,
          examples: needing.slice(0, 5).map((r) => `${r.id}: ${r.count}`),
          fix: replicaFixMsg(rules, input.pd.tableNames, remaining),
        }),
      });
      return;
    }
    if (remaining === 0 && !input.confirmed?.includes('last-store')) {
      blocked.push({ check: 'last-store', confirmable: true, message: msg('plan.blocked.lastStore', { id: store.id }) });
      return;
    }
    steps.push(pdStep('delete-store', msg('plan.step.deleteStore', { id: store.id, address }), { kind: 'delete-store', storeId: store.id }, store.id));
  }
  steps.push({
    kind: 'wait',
    id: 'wait-tombstone',
    until: 'tombstone',
    storeId: store.id,
    address,
    title: msg('plan.step.waitTombstone', { id: store.id, regions: store.regionCount }),
  });
}

/** The exact statements when TiDB named the rules' tables, else the generic one (with the ids TiDB could not name). */
function replicaFixMsg(rules: readonly PlacementRule[], names: PdFacts['tableNames'], remaining: number): Msg {
  const fix = replicaFix(rules, names ?? new Map(), remaining);
  if (!fix.statements.length) return msg('plan.fix.replicaGeneric', { remaining });
  const statements = fix.statements.join('\n');
  return fix.unnamed.length ? msg('plan.fix.replicaStatementsAndIds', { statements, ids: fix.unnamed }) : msg('plan.fix.replicaStatements', { statements });
}

/** Another service on the machine: stop only TiFlash (without `-t tiflash`, node_exporter and the rest stop too). */
export function sharesMachine(me: TiFlashHost): boolean {
  return me.otherGroups.some((g) => g !== 'monitored_servers') || me.siblings.length > 0;
}

/** `stop.yml -l <name>`, with `-t tiflash` when the machine runs anything else; decided from the inventory as it is when it runs. */
export function stopStep(opts: PlaybookOptions, me: TiFlashHost): { step: PlaybookStep } | { blocked: Blocked[] } {
  return playbookStep(opts, {
    id: 'stop',
    title: msg('plan.step.stop', { name: me.name }),
    inventory: 'inventory',
    playbook: 'stop.yml',
    limit: { host: me.name, where: lineOf('inventory.ini', me.line?.line) },
    tags: sharesMachine(me) ? ['tiflash'] : undefined,
    expectHosts: [me.name],
  });
}

/** The inventory lines to remove: the TiFlash entry, and the machine's own lines only when nothing else runs there. */
export function removalSteps(input: { inventory: Inventory; hosts?: Inventory }, me: TiFlashHost): EditStep[] {
  const shared = sharesMachine(me);
  const ops: EditOp[] = [{ op: 'remove', group: TIFLASH_GROUP, host: me.name }];
  if (!shared) {
    for (const name of input.inventory.groups.get('monitored_servers')?.hosts ?? []) {
      if (name === me.address || name === me.name) ops.push({ op: 'remove', group: 'monitored_servers', host: name });
    }
  }
  const steps: EditStep[] = [
    {
      kind: 'edit',
      id: 'remove-inventory',
      file: 'inventory',
      ops,
      title: msg('plan.step.removeFromInventory', { name: me.name, groups: ops.map((o) => `[${o.group}]`) }),
    },
  ];
  if (input.hosts && !shared && input.hosts.groups.get('servers')?.hosts.includes(me.address)) {
    steps.push({
      kind: 'edit',
      id: 'remove-hosts',
      file: 'hosts',
      ops: [{ op: 'remove', group: 'servers', host: me.address }],
      title: msg('plan.step.removeFromHostsIni', { address: me.address }),
    });
  }
  return steps;
}

/** The wipe notice: each directory once, and what still runs on the machine (it must not be wiped while they run there). */
function wipeStep(me: TiFlashHost): Step {
  const dirs = dirsToWipe(me);
  const still = [...me.siblings, ...me.otherGroups.filter((g) => g !== 'monitored_servers').map((g) => `[${g}]`)];
  const detail = still.length
    ? msg('plan.step.wipeDetailShared', { address: me.address, dirs, still })
    : msg('plan.step.wipeDetail', { address: me.address, dirs });
  return { kind: 'info', id: 'wipe', title: msg('plan.step.wipe', { name: me.name }), detail, dirs };
}
