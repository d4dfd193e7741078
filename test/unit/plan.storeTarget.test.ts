// Store operations named by an inventory host act only on the one TiFlash store PD lists at that host's
// address: two live stores there, a TiKV store there, no store there, or an answer that cannot tell all stop
// the plan with their own check, and so does a PD that could not be read.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import type { PdFacts } from '../../src/core/plan/facts';
import { planCancelScaleIn, planForceTombstone, planRemoveTombstones } from '../../src/core/plan/storeOps';
import type { Plan } from '../../src/core/plan/types';
import { factsOf, tiflashStore, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

const inventory = parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8'));
const target = { host: 'TiFlash12-1' };
const ADDRESS = '192.168.0.12:3930';
const offline = tiflashStore(54, ADDRESS, 'Offline');
const en = (p: Plan) => p.blocked.map((b) => render(b.message, 'en')).join(' | ');

const OPERATIONS = {
  cancel: (pd: PdFacts) => planCancelScaleIn({ inventory, target, pd }),
  force: (pd: PdFacts) => planForceTombstone({ inventory, target, pd }),
};

describe('store operations on a host', () => {
  for (const [name, plan] of Object.entries(OPERATIONS)) {
    it(`${name}: the plan names the host, and acts on its Offline store`, () => {
      const p = plan(factsOf([offline, tiflashStore(53, '192.168.0.11:3930')], { version: 'v4.0.16' }));
      assert.deepEqual(p.blocked, []);
      assert.equal(p.target, 'TiFlash12-1');
      assert.ok(p.steps.length >= 1 && p.steps.every((s) => s.kind === 'pd' && s.storeId === '54'));
    });

    it(`${name}: two live stores at the address are ambiguous, with PD's ids`, () => {
      const p = plan(factsOf([offline, tiflashStore(99, ADDRESS, 'Offline')]));
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['ambiguous-store'],
      );
      assert.match(en(p), /54.*99/);
      assert.deepEqual([p.steps, p.warnings, p.target], [[], [], 'TiFlash12-1']);
    });

    it(`${name}: a TiKV store at the address is never acted on`, () => {
      const p = plan(factsOf([{ ...offline, labels: {} }]));
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['not-tiflash'],
      );
      assert.match(en(p), /54/);
      assert.match(en(p), /192\.168\.0\.12:3930/);
      assert.deepEqual(p.steps, []);
    });

    it(`${name}: no store at the address in a complete list: the host is not in PD`, () => {
      const p = plan(factsOf([tiflashStore(53, '192.168.0.11:3930', 'Offline')]));
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['store'],
      );
      assert.match(en(p), /TiFlash12-1/);
      assert.deepEqual(p.steps, []);
    });

    it(`${name}: a list without Tombstones cannot say the store is missing: unknown, with the reason`, () => {
      const facts = factsOf([tiflashStore(53, '192.168.0.11:3930', 'Offline')]);
      const partial: PdFacts = {
        ...facts,
        stores: { ok: true, value: { stores: [tiflashStore(53, '192.168.0.11:3930', 'Offline')], includesTombstones: false } },
      };
      const p = plan(partial);
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['pd-unknown'],
      );
      assert.deepEqual(p.steps, []);
    });

    it(`${name}: PD not read: unknown, nothing planned`, () => {
      const p = plan(unknownFacts);
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['pd-unknown'],
      );
      assert.deepEqual([p.steps, p.warnings], [[], []]);
    });

    it(`${name}: a host the inventory does not list as TiFlash`, () => {
      const p =
        name === 'cancel'
          ? planCancelScaleIn({ inventory, target: { host: '192.168.0.3' }, pd: factsOf([offline]) })
          : planForceTombstone({ inventory, target: { host: '192.168.0.3' }, pd: factsOf([offline]) });
      assert.deepEqual(
        p.blocked.map((b) => b.check),
        ['host'],
      );
      assert.match(en(p), /192\.168\.0\.3/);
    });
  }
});

describe('cancel when PD did not say its version', () => {
  it('restores the recorded limit (a delete may have raised it) and warns when none was recorded', () => {
    const facts = { ...factsOf([offline]), version: undefined };
    const restored = planCancelScaleIn({ inventory, target, pd: facts, removePeerLimitBefore: 15 });
    assert.deepEqual(restored.warnings, []);
    assert.ok(restored.steps[0].kind === 'pd' && restored.steps[0].requests.length === 2);
    const unknown = planCancelScaleIn({ inventory, target, pd: facts });
    assert.equal(unknown.warnings.length, 1);
    assert.ok(unknown.steps[0].kind === 'pd' && unknown.steps[0].requests.length === 1);
  });

  it('refuses a store PD marks physically destroyed, even Offline', () => {
    const p = planCancelScaleIn({ inventory, target, pd: factsOf([{ ...offline, physicallyDestroyed: true }]) });
    assert.deepEqual(
      p.blocked.map((b) => b.check),
      ['not-offline'],
    );
  });
});

describe('remove tombstones', () => {
  it('needs the store list: PD not read stops it', () => {
    const p = planRemoveTombstones(unknownFacts);
    assert.deepEqual([p.blocked.map((b) => b.check), p.steps, p.warnings, p.target, p.operation], [['pd-unknown'], [], [], 'PD', 'remove-tombstones']);
  });

  it('warns about Tombstones still holding regions on 4.0 only, and lists every Tombstone in the step', () => {
    const stores = [
      tiflashStore(61, '192.168.0.19:3930', 'Tombstone', { regionCount: 2 }),
      tiflashStore(62, '192.168.0.18:3930', 'Tombstone', { regionCount: 0 }),
    ];
    const v40 = planRemoveTombstones(factsOf(stores, { version: 'v4.0.16' }));
    assert.equal(v40.warnings.length, 1);
    assert.match(render(v40.warnings[0], 'en'), /61/);
    assert.doesNotMatch(render(v40.warnings[0], 'en'), /62/);
    assert.match(render(v40.steps[0].title, 'en'), /61.*62/);
    assert.deepEqual(planRemoveTombstones(factsOf(stores, { version: 'v3.1.2' })).warnings, []);
    assert.deepEqual(planRemoveTombstones(factsOf([stores[1]], { version: 'v4.0.16' })).warnings, []);
  });
});
