// Operations on one PD store or on PD itself, each a plan with the exact request it sends:
// cancel a scale-in, force Tombstone, remove Tombstone records, enable placement rules.

import { tiflashHosts } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, type Msg } from '../l10n/message';
import { enablePlacementRulesRequest, removeTombstonesRequest, setStoreStateRequest, storeLimitRequest } from '../pd/requests';
import { isTiFlash, type Store, type StoreId } from '../pd/types';
import { needStores, pdUnknown } from './common';
import { storeOfHost, type PdFacts } from './facts';
import type { Blocked, Plan, Step } from './types';

/** A store named by its inventory host or by its id (a TiFlash store the inventory lacks). */
export type StoreTarget = { host: string } | { storeId: StoreId };

/** The store PD knows for the target, or why the plan must stop. */
function targetStore(inventory: Inventory, target: StoreTarget, pd: PdFacts): { store: Store } | { blocked: Blocked } {
  const noStores = needStores(pd);
  if (noStores) return { blocked: noStores };
  if ('storeId' in target) {
    const store = pd.stores!.find((s) => s.id === target.storeId);
    return store ? { store } : { blocked: { check: 'store', message: msg('plan.blocked.noSuchStore', { id: target.storeId }) } };
  }
  const host = tiflashHosts(inventory).find((h) => h.name === target.host);
  if (!host) return { blocked: { check: 'host', message: msg('plan.blocked.notTiflashHost', { name: target.host }) } };
  const found = storeOfHost(host, pd);
  switch (found.kind) {
    case 'store':
      return { store: found.store };
    case 'ambiguous':
      return { blocked: { check: 'ambiguous-store', message: msg('plan.blocked.ambiguousShort', { ids: found.stores.map((s) => s.id) }) } };
    case 'not-tiflash':
      return { blocked: { check: 'not-tiflash', message: msg('plan.blocked.notTiflashStore', { id: found.store.id, address: found.store.address }) } };
    case 'absent':
      return { blocked: { check: 'store', message: msg('plan.blocked.hostNotInPd', { name: target.host }) } };
    case 'unknown':
      return { blocked: pdUnknown(found.why) };
  }
}

const label = (t: StoreTarget) => ('host' in t ? t.host : t.storeId);

function storePlan(operation: Plan['operation'], target: StoreTarget, make: (store: Store) => { steps: Step[]; blocked: Blocked[]; warnings: Msg[] }, inventory: Inventory, pd: PdFacts): Plan {
  const t = targetStore(inventory, target, pd);
  if ('blocked' in t) return { operation, target: label(target), steps: [], blocked: [t.blocked], warnings: [] };
  if (!isTiFlash(t.store)) return { operation, target: label(target), steps: [], blocked: [{ check: 'not-tiflash', message: msg('plan.blocked.notTiflashStore', { id: t.store.id, address: t.store.address }) }], warnings: [] };
  return { operation, target: label(target), ...make(t.store) };
}

export interface CancelInput {
  inventory: Inventory;
  target: StoreTarget;
  pd: PdFacts;
  /** The store's remove-peer limit before the delete (recorded when this extension deleted it, PD 4.0). */
  removePeerLimitBefore?: number;
}

/** Offline → Up (`POST …/state?state=Up`); on 4.0 the remove-peer limit the delete raised is put back. Never from Tombstone. */
export function planCancelScaleIn(input: CancelInput): Plan {
  return storePlan('cancel-scale-in', input.target, (store) => {
    if (store.state !== 'Offline') {
      return { steps: [], warnings: [], blocked: [{ check: 'not-offline', message: msg('plan.blocked.cancelNeedsOffline', { id: store.id, state: msg(`state.${store.state}`) }) }] };
    }
    const steps: Step[] = [{ kind: 'pd', id: 'cancel-offline', action: 'cancel-offline', storeId: store.id, request: setStoreStateRequest(store.id, 'Up'), title: msg('plan.step.cancelOffline', { id: store.id }) }];
    const warnings: Msg[] = [];
    if (input.pd.series === '4.0') {
      if (input.removePeerLimitBefore !== undefined) {
        steps.push({
          kind: 'pd', id: 'restore-limit', action: 'restore-remove-peer-limit', storeId: store.id,
          request: storeLimitRequest(store.id, 'remove-peer', input.removePeerLimitBefore), title: msg('plan.step.restoreLimit', { id: store.id, rate: input.removePeerLimitBefore }),
        });
      } else warnings.push(msg('plan.warn.limitUnknown', { id: store.id }));
    }
    return { steps, blocked: [], warnings };
  }, input.inventory, input.pd);
}

export interface ForceInput {
  inventory: Inventory;
  target: StoreTarget;
  pd: PdFacts;
}

/** The forced offline of the manual TiFlash procedure: PD drops the store's replicas at once. TiFlash and Offline only, PD < 5.0. */
export function planForceTombstone(input: ForceInput): Plan {
  return storePlan('force-tombstone', input.target, (store) => {
    const blocked: Blocked[] = [];
    if (store.state !== 'Offline') blocked.push({ check: 'not-offline', message: msg('plan.blocked.forceNeedsOffline', { id: store.id, state: msg(`state.${store.state}`) }) });
    if (input.pd.series !== '3.1' && input.pd.series !== '4.0') blocked.push({ check: 'pd-version', message: msg('plan.blocked.forceVersion', { version: input.pd.version ?? '?' }) });
    if (blocked.length) return { steps: [], blocked, warnings: [] };
    return {
      blocked, warnings: [msg('plan.warn.force', { id: store.id, regions: store.regionCount })],
      steps: [{ kind: 'pd', id: 'force-tombstone', action: 'force-tombstone', storeId: store.id, request: setStoreStateRequest(store.id, 'Tombstone'), title: msg('plan.step.forceTombstone', { id: store.id }) }],
    };
  }, input.inventory, input.pd);
}

/** pd-ctl `store remove-tombstone`: the records of Tombstone stores (4.0 keeps those that still hold regions). */
export function planRemoveTombstones(pd: PdFacts): Plan {
  const base = { operation: 'remove-tombstones' as const, target: 'PD' };
  const noStores = needStores(pd);
  if (noStores) return { ...base, steps: [], blocked: [noStores], warnings: [] };
  const tombstones = pd.stores!.filter((s) => s.state === 'Tombstone');
  if (!tombstones.length) return { ...base, steps: [], blocked: [{ check: 'nothing-to-do', message: msg('plan.blocked.noTombstones') }], warnings: [] };
  const holding = tombstones.filter((s) => s.regionCount > 0);
  return {
    ...base, blocked: [],
    warnings: holding.length && pd.series === '4.0' ? [msg('plan.warn.tombstonesWithRegions', { ids: holding.map((s) => s.id) })] : [],
    steps: [{ kind: 'pd', id: 'remove-tombstones', action: 'remove-tombstones', request: removeTombstonesRequest(), title: msg('plan.step.removeTombstones', { ids: tombstones.map((s) => s.id) }) }],
  };
}

/** pd-ctl `config placement-rules enable`: without it the first TiFlash added to a 3.1/4.0 cluster gets no replicas. */
export function planEnablePlacementRules(pd: PdFacts): Plan {
  const base = { operation: 'enable-placement-rules' as const, target: 'PD' };
  if (!pd.placement) return { ...base, steps: [], warnings: [], blocked: [pdUnknown(pd.placementError)] };
  if (pd.placement.enabled) return { ...base, steps: [], warnings: [], blocked: [{ check: 'nothing-to-do', message: msg('plan.blocked.placementAlreadyOn') }] };
  return {
    ...base, blocked: [], warnings: [],
    steps: [{ kind: 'pd', id: 'enable-placement-rules', action: 'enable-placement-rules', request: enablePlacementRulesRequest(), title: msg('plan.step.enablePlacementRules') }],
  };
}
