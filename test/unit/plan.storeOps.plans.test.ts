// PD store operations, whole plan by whole plan: cancel (Offline only, the remove-peer limit restored only when
// recorded and raised by the delete), force Tombstone (Offline only, PD 3.1/4.0 only, with its warning), remove
// Tombstone records (4.0's warning about those holding Regions) and enable placement rules. A refused plan has no step.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render, type Msg } from '../../src/core/l10n/message';
import { planCancelScaleIn, planEnablePlacementRules, planForceTombstone, planRemoveTombstones } from '../../src/core/plan/storeOps';
import { parseStoreId } from '../../src/core/pd/types';
import { factsOf, tiflashStore, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

const inventory = parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8'));
const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && 'id' in v && 'args' in v;
/** The value with every message rendered in English, so an assertion sees the arguments too. */
const text = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (isMsg(x) ? render(x, 'en') : x)));
const id = (n: number) => ({ storeId: parseStoreId(String(n))! });
const off = tiflashStore(53, '192.168.0.11:3930', 'Offline', { regionCount: 7 });
const t1 = tiflashStore(60, 'a:1', 'Tombstone', { regionCount: 3 });
const t2 = tiflashStore(61, 'b:1', 'Tombstone', { regionCount: 0 });

/** The cancel step of store 53 without a limit to restore, as the plan renders it in English. */
const CANCEL_53 = {
  kind: 'pd',
  id: 'cancel-scale-in',
  title: 'Cancel the scale-in of store 53 in PD: Offline → Up',
  action: { kind: 'cancel-scale-in', storeId: '53' },
  requests: [{ method: 'POST', path: '/pd/api/v1/store/53/state?state=Up' }],
  storeId: '53',
};

describe('cancel a scale-in', () => {
  it('restores the remove-peer limit recorded before the delete, in the title and as a second request', () => {
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(53), pd: factsOf([off]), removePeerLimitBefore: 64 })), {
      operation: 'cancel-scale-in',
      target: '53',
      steps: [
        {
          kind: 'pd',
          id: 'cancel-scale-in',
          title: 'Cancel the scale-in of store 53 in PD (Offline → Up), then restore its remove-peer limit to 64 per minute',
          action: { kind: 'cancel-scale-in', storeId: '53', restoreRemovePeer: 64 },
          requests: [
            { method: 'POST', path: '/pd/api/v1/store/53/state?state=Up' },
            { method: 'POST', path: '/pd/api/v1/store/53/limit', body: '{"rate":64,"type":"remove-peer"}' },
          ],
          storeId: '53',
        },
      ],
      blocked: [],
      warnings: [],
    });
  });

  it('on 4.0 without a recorded limit: no restore at all, and a warning to set it back by hand', () => {
    const p = planCancelScaleIn({ inventory, target: id(53), pd: factsOf([off]) });
    const s = p.steps[0];
    assert.ok(s.kind === 'pd' && !('restoreRemovePeer' in s.action));
    assert.deepEqual(text(p), {
      operation: 'cancel-scale-in',
      target: '53',
      steps: [CANCEL_53],
      blocked: [],
      warnings: [
        "PD 4.0 set store 53's remove-peer limit to unlimited when it was deleted, and its earlier value was " +
          'not recorded here: set it back by hand (pd-ctl store limit 53 <rate> remove-peer).',
      ],
    });
  });

  it('on 3.1 the delete raised nothing: no restore, no warning', () => {
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(53), pd: factsOf([off], { version: 'v3.1.2' }), removePeerLimitBefore: 64 })), {
      operation: 'cancel-scale-in',
      target: '53',
      steps: [CANCEL_53],
      blocked: [],
      warnings: [],
    });
  });

  it('refuses an Up store, a store PD does not have, an unreadable PD and a TiKV store, each with no step', () => {
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(53), pd: factsOf([tiflashStore(53, 'x:1')]) })), {
      operation: 'cancel-scale-in',
      target: '53',
      steps: [],
      warnings: [],
      blocked: [
        {
          check: 'not-offline',
          message: 'Store 53 is Up: only an Offline store (a scale-in under way) can be cancelled. A Tombstone store is never brought back.',
        },
      ],
    });
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(9), pd: factsOf([off]) })), {
      operation: 'cancel-scale-in',
      target: '9',
      steps: [],
      warnings: [],
      blocked: [{ check: 'store', message: 'PD has no store 9.' }],
    });
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(9), pd: unknownFacts })), {
      operation: 'cancel-scale-in',
      target: '9',
      steps: [],
      warnings: [],
      blocked: [
        {
          check: 'pd-unknown',
          message: 'PD did not give an answer a decision can rest on: PD could not be read, so it is unknown what the ' + 'run would act on.',
        },
      ],
    });
    assert.deepEqual(text(planCancelScaleIn({ inventory, target: id(53), pd: factsOf([{ ...off, labels: {} }]) })), {
      operation: 'cancel-scale-in',
      target: '53',
      steps: [],
      warnings: [],
      blocked: [
        {
          check: 'not-tiflash',
          message: 'Store 53 at 192.168.0.11:3930 is not a TiFlash store (no engine=tiflash label): it is never changed ' + 'from here.',
        },
      ],
    });
  });
});

describe('force Tombstone', () => {
  it('refuses an Up store, PD 5.0 and an unknown PD version, naming the version', () => {
    assert.deepEqual(text(planForceTombstone({ inventory, target: id(53), pd: factsOf([tiflashStore(53, 'x:1')]) })), {
      operation: 'force-tombstone',
      target: '53',
      steps: [],
      warnings: [],
      blocked: [{ check: 'not-offline', message: 'Store 53 is Up: only an Offline TiFlash store can be forced to Tombstone.' }],
    });
    assert.deepEqual(text(planForceTombstone({ inventory, target: id(53), pd: factsOf([off], { version: 'v5.0.1' }) })), {
      operation: 'force-tombstone',
      target: '53',
      steps: [],
      warnings: [],
      blocked: [{ check: 'pd-version', message: 'PD v5.0.1 does not accept state=Tombstone (only PD 3.1 and 4.0, as tidb-ansible deploys them, do).' }],
    });
    assert.deepEqual(text(planForceTombstone({ inventory, target: id(53), pd: { ...factsOf([off]), version: undefined } })), {
      operation: 'force-tombstone',
      target: '53',
      steps: [],
      warnings: [],
      blocked: [{ check: 'pd-version', message: 'PD ? does not accept state=Tombstone (only PD 3.1 and 4.0, as tidb-ansible deploys them, do).' }],
    });
  });

  it('warns with the Regions PD drops and sends the one state change', () => {
    assert.deepEqual(text(planForceTombstone({ inventory, target: id(53), pd: factsOf([off]) })), {
      operation: 'force-tombstone',
      target: '53',
      blocked: [],
      warnings: [
        "PD drops store 53's replicas at once (7 Region(s)): queries that read TiFlash may fail until " + 'replicas are rebuilt elsewhere. Never for TiKV.',
      ],
      steps: [
        {
          kind: 'pd',
          id: 'force-tombstone',
          title: 'Force store 53 to Tombstone in PD (drops its replicas)',
          action: { kind: 'force-tombstone', storeId: '53' },
          requests: [{ method: 'POST', path: '/pd/api/v1/store/53/state?state=Tombstone' }],
          storeId: '53',
        },
      ],
    });
  });
});

describe('remove Tombstone records', () => {
  const REMOVE_60_61 = {
    kind: 'pd',
    id: 'remove-tombstones',
    title: 'Remove the records of Tombstone stores 60, 61 in PD',
    action: { kind: 'remove-tombstones' },
    requests: [{ method: 'DELETE', path: '/pd/api/v1/stores/remove-tombstone' }],
  };

  it('names every Tombstone store, and on 4.0 warns about those still holding Regions', () => {
    assert.deepEqual(text(planRemoveTombstones(factsOf([t1, t2, off]))), {
      operation: 'remove-tombstones',
      target: 'PD',
      blocked: [],
      warnings: ['PD 4.0 keeps the record of Tombstone stores that still hold Regions: 60.'],
      steps: [REMOVE_60_61],
    });
  });

  it('does not warn when the PD version is unknown', () => {
    assert.deepEqual(text(planRemoveTombstones({ ...factsOf([t1, t2]), version: undefined })), {
      operation: 'remove-tombstones',
      target: 'PD',
      blocked: [],
      warnings: [],
      steps: [REMOVE_60_61],
    });
  });

  it('has nothing to do without a Tombstone store', () => {
    assert.deepEqual(text(planRemoveTombstones(factsOf([off]))), {
      operation: 'remove-tombstones',
      target: 'PD',
      steps: [],
      warnings: [],
      blocked: [{ check: 'nothing-to-do', message: 'PD has no Tombstone store records to remove.' }],
    });
  });
});

describe('enable placement rules', () => {
  it('stops when PD could not be read, has nothing to do when they are on, else sends the one request', () => {
    assert.deepEqual(text(planEnablePlacementRules(unknownFacts)), {
      operation: 'enable-placement-rules',
      target: 'PD',
      steps: [],
      warnings: [],
      blocked: [
        {
          check: 'pd-unknown',
          message: 'PD did not give an answer a decision can rest on: PD could not be read, so it is unknown what the ' + 'run would act on.',
        },
      ],
    });
    assert.deepEqual(text(planEnablePlacementRules(factsOf([]))), {
      operation: 'enable-placement-rules',
      target: 'PD',
      steps: [],
      warnings: [],
      blocked: [{ check: 'nothing-to-do', message: 'Placement rules are already enabled.' }],
    });
    assert.deepEqual(text(planEnablePlacementRules(factsOf([], { placement: false }))), {
      operation: 'enable-placement-rules',
      target: 'PD',
      blocked: [],
      warnings: [],
      steps: [
        {
          kind: 'pd',
          id: 'enable-placement-rules',
          title: 'Enable placement rules in PD',
          action: { kind: 'enable-placement-rules' },
          requests: [{ method: 'POST', path: '/pd/api/v1/config/replicate', body: '{"enable-placement-rules":"true"}' }],
        },
      ],
    });
  });
});
