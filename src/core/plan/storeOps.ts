// Operations on one PD store or on PD itself, each a plan with the exact requests it sends:
// cancel a scale-in, force Tombstone, remove Tombstone records, enable placement rules.

import { tiflashHosts } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, type Msg } from '../l10n/message';
import { actionRequests, type PdAction } from '../pd/api';
import { isTiFlash, type Store, type StoreId } from '../pd/types';
import { capabilitiesOf } from '../pd/version';
import { needStores, pdUnknown } from './common';
import { storeOfHost, storesOf, type PdFacts } from './facts';
import type { Blocked, Plan, PdStep } from './types';

/** A store named by its inventory host or by its id (a TiFlash store the inventory lacks). */
export type StoreTarget = { host: string } | { storeId: StoreId };

/** The store PD knows for the target, or why the plan must stop. */
function targetStore(inventory: Inventory, target: StoreTarget, pd: PdFacts): { store: Store } | { blocked: Blocked } {
  const noStores = needStores(pd);
  if (noStores) return { blocked: noStores };
  if ('storeId' in target) {
    const store = storesOf(pd).find((s) => s.id === target.storeId);
    return store ? { store } : { blocked: { check: 'store', message: msg('plan.blocked.noSuchStore', { id: target.storeId }) } };
  }
  const host = tiflashHosts(inventory).find((h) => h.name === target.host);
  if (!host) return { blocked: { check: 'host', message: msg('plan.blocked.notTiflashHost', { name: target.host }) } };
  const found = storeOfHost(host, pd);
  switch (found.kind) {
    case 'store':
      return { store: found.store };
    case 'ambiguous':
      return { blocked: { check: 'ambiguous-store', message: found.reason } };
    case 'not-tiflash':
      return { blocked: { check: 'not-tiflash', message: msg('plan.blocked.notTiflashStore', { id: found.store.id, address: found.store.address }) } };
    case 'absent':
      return { blocked: { check: 'store', message: msg('plan.blocked.hostNotInPd', { name: target.host }) } };
    case 'unknown':
      return { blocked: pdUnknown(found.reason) };
  }
}

const label = (t: StoreTarget) => ('host' in t ? t.host : t.storeId);

export const pdStep = (id: string, title: Msg, action: PdAction, storeId?: StoreId): PdStep => ({
  kind: 'pd',
  id,
  title,
  action,
  requests: actionRequests(action),
  ...(storeId ? { storeId } : {}),
});

type Parts = Pick<Plan, 'steps' | 'blocked' | 'warnings'>;

function storePlan(operation: Plan['operation'], target: StoreTarget, make: (store: Store) => Parts, inventory: Inventory, pd: PdFacts): Plan {
  const base = { operation, target: label(target), steps: [], warnings: [] };
  const t = targetStore(inventory, target, pd);
  if ('blocked' in t) return { ...base, blocked: [t.blocked] };
  if (!isTiFlash(t.store))
    return { ...base, blocked: [{ check: 'not-tiflash', message: msg('plan.blocked.notTiflashStore', { id: t.store.id, address: t.store.address }) }] };
  return { operation, target: label(target), ...make(t.store) };
}

const refuse = (check: string, message: Msg): Parts => ({ steps: [], warnings: [], blocked: [{ check, message }] });

export interface CancelInput {
  inventory: Inventory;
  target: StoreTarget;
  pd: PdFacts;
  /** The store's remove-peer limit before the delete (recorded when this extension deleted it, PD 4.0). */
  removePeerLimitBefore?: number;
}

/** Offline → Up (`POST …/state?state=Up`); on 4.0 the remove-peer limit the delete raised is put back. Never from Tombstone. */
export function planCancelScaleIn(input: CancelInput): Plan {
  return storePlan(
    'cancel-scale-in',
    input.target,
    (store) => {
      if (store.state !== 'Offline' || store.physicallyDestroyed)
        return refuse('not-offline', msg('plan.blocked.cancelNeedsOffline', { id: store.id, state: msg(`state.${store.state}`) }));
      const raised = input.pd.version ? capabilitiesOf(input.pd.version).deleteRaisesRemovePeerLimit : true;
      const restore = raised ? input.removePeerLimitBefore : undefined;
      const action: PdAction = { kind: 'cancel-scale-in', storeId: store.id, ...(restore !== undefined ? { restoreRemovePeer: restore } : {}) };
      const title =
        restore !== undefined ? msg('plan.step.cancelOfflineRestore', { id: store.id, rate: restore }) : msg('plan.step.cancelOffline', { id: store.id });
      return {
        steps: [pdStep('cancel-scale-in', title, action, store.id)],
        blocked: [],
        warnings: raised && restore === undefined ? [msg('plan.warn.limitUnknown', { id: store.id })] : [],
      };
    },
    input.inventory,
    input.pd,
  );
}

export interface ForceInput {
  inventory: Inventory;
  target: StoreTarget;
  pd: PdFacts;
}

/** The forced offline of the manual TiFlash procedure: PD drops the store's replicas at once. TiFlash and Offline only, PD < 5.0. */
export function planForceTombstone(input: ForceInput): Plan {
  return storePlan(
    'force-tombstone',
    input.target,
    (store) => {
      if (store.state !== 'Offline') return refuse('not-offline', msg('plan.blocked.forceNeedsOffline', { id: store.id, state: msg(`state.${store.state}`) }));
      if (!input.pd.version || !capabilitiesOf(input.pd.version).forceTombstone)
        return refuse('pd-version', msg('plan.blocked.forceVersion', { version: input.pd.version?.text ?? '?' }));
      return {
        blocked: [],
        warnings: [msg('plan.warn.force', { id: store.id, regions: store.regionCount })],
        steps: [pdStep('force-tombstone', msg('plan.step.forceTombstone', { id: store.id }), { kind: 'force-tombstone', storeId: store.id }, store.id)],
      };
    },
    input.inventory,
    input.pd,
  );
}

/** pd-ctl `store remove-tombstone`: the records of Tombstone stores (4.0 keeps those that still hold regions). */
export function planRemoveTombstones(pd: PdFacts): Plan {
  const base = { operation: 'remove-tombstones' as const, target: 'PD' };
  const noStores = needStores(pd);
  if (noStores) return { ...base, steps: [], blocked: [noStores], warnings: [] };
  const tombstones = storesOf(pd).filter((s) => s.state === 'Tombstone');
  if (!tombstones.length) return { ...base, ...refuse('nothing-to-do', msg('plan.blocked.noTombstones')) };
  const holding = tombstones.filter((s) => s.regionCount > 0);
  return {
    ...base,
    blocked: [],
    warnings: holding.length && pd.version?.series === '4.0' ? [msg('plan.warn.tombstonesWithRegions', { ids: holding.map((s) => s.id) })] : [],
    steps: [pdStep('remove-tombstones', msg('plan.step.removeTombstones', { ids: tombstones.map((s) => s.id) }), { kind: 'remove-tombstones' })],
  };
}

/** pd-ctl `config placement-rules enable`: without it the first TiFlash added to a 3.1/4.0 cluster gets no replicas. */
export function planEnablePlacementRules(pd: PdFacts): Plan {
  const base = { operation: 'enable-placement-rules' as const, target: 'PD' };
  if (!pd.rules.ok) return { ...base, steps: [], warnings: [], blocked: [pdUnknown(pd.rules.error.message)] };
  if (pd.rules.value.enabled) return { ...base, ...refuse('nothing-to-do', msg('plan.blocked.placementAlreadyOn')) };
  return {
    ...base,
    blocked: [],
    warnings: [],
    steps: [pdStep('enable-placement-rules', msg('plan.step.enablePlacementRules'), { kind: 'enable-placement-rules' })],
  };
}
