// PD facts for plan tests: a complete store list, placement rules (or off), a version.

import { msg } from '../../src/core/l10n/message';
import type { PdFacts } from '../../src/core/plan/facts';
import { parseStoreId, type PlacementRule, type Store, type StoreState } from '../../src/core/pd/types';
import { pdVersion } from '../../src/core/pd/version';

export function factsOf(stores: readonly Store[], opts: { rules?: PlacementRule[]; placement?: boolean; version?: string } = {}): PdFacts {
  return {
    stores: { ok: true, value: { stores, includesTombstones: true } },
    rules: { ok: true, value: opts.placement === false ? { enabled: false } : { enabled: true, rules: opts.rules ?? [] } },
    version: pdVersion(opts.version ?? 'v4.0.16'),
  };
}

/** PD could not be read at all. */
export const unknownFacts: PdFacts = {
  stores: { ok: false, error: { kind: 'unreachable', message: msg('plan.blocked.pdUnknown') } },
  rules: { ok: false, error: { kind: 'unreachable', message: msg('plan.blocked.pdUnknown') } },
};

export const rule = (count: number): PlacementRule => ({ groupId: 'tiflash', id: `table-${count}-r`, role: 'learner', count, labelConstraints: [] });

/** A TiFlash store (labels and counts as PD 4.0 gives them). */
export const tiflashStore = (id: string | number, address: string, state: StoreState = 'Up', extra: Partial<Store> = {}): Store => ({
  id: parseStoreId(String(id))!,
  address,
  state,
  stateName: state,
  labels: { engine: 'tiflash' },
  regionCount: 100,
  leaderCount: 0,
  ...extra,
});
