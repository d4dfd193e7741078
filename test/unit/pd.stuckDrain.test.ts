// A stuck drain explained: no fall for the setting's duration, and what was checked and found.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { checkDrain, stalledFor, type DrainCheckInput } from '../../src/core/pd/stuckDrain';
import { parseStoreId, type PlacementRule, type Store, type StoreState } from '../../src/core/pd/types';
import { capabilitiesOf, pdVersion } from '../../src/core/pd/version';

const store = (id: string, state: StoreState, extra: Partial<Store> = {}): Store => ({
  id: parseStoreId(id)!,
  address: `10.0.0.${id}:3930`,
  state,
  stateName: state,
  labels: { engine: 'tiflash' },
  regionCount: 100,
  leaderCount: 0,
  capacity: '1TiB',
  available: '500GiB',
  capacityBytes: 1024 ** 4,
  availableBytes: 500 * 1024 ** 3,
  ...extra,
});
const rule = (id: string, count: number): PlacementRule => ({ groupId: 'tiflash', id, role: 'learner', count, labelConstraints: [] });
const draining = store('61', 'Offline');
const MIN = 60_000;
/** Samples every 10 s up to `now`, the count falling until `fallsUntil`. */
const samples = (now: number, fallsUntil: number) =>
  Array.from({ length: 30 }, (_, k) => {
    const at = now - (29 - k) * 10_000;
    return { at, regions: 400 - Math.floor((Math.min(at, fallsUntil) - (now - 290_000)) / 1000) };
  });

function input(over: Partial<DrainCheckInput> = {}): DrainCheckInput {
  const now = 1_000_000;
  return {
    store: draining,
    now,
    samples: samples(now, now - 3 * MIN),
    stores: [draining, store('62', 'Up'), store('63', 'Up')],
    rules: { enabled: true, rules: [rule('table-45-r', 2)] },
    schedule: { lowSpaceRatio: 0.8 },
    limits: {
      add: new Map([
        [parseStoreId('62')!, 30],
        [parseStoreId('63')!, 30],
      ]),
      remove: new Map([[parseStoreId('61')!, 100000000]]),
    },
    limitTypes: capabilitiesOf(pdVersion('v4.0.16')).storeLimit,
    ...over,
  };
}
const texts = (v: ReturnType<typeof checkDrain>) => (v.stuck ? v.findings.map((f) => `${f.blocking ? '!' : '-'} ${render(f.message, 'en')}`) : []);

describe('stuck drain', () => {
  it("is not stuck while the count falls, nor before the setting's duration, nor at 0 Regions", () => {
    const now = 1_000_000;
    assert.equal(checkDrain(input({ samples: samples(now, now) })).stuck, false);
    assert.equal(checkDrain(input({ samples: samples(now, now - 90_000) })).stuck, false, '90 s without a fall is under 2 minutes');
    assert.equal(checkDrain(input({ samples: samples(now, now - 90_000), stuckAfterMs: 60_000 })).stuck, true, 'the setting decides');
    assert.equal(
      checkDrain(
        input({
          samples: [
            { at: now - 5 * MIN, regions: 0 },
            { at: now, regions: 0 },
          ],
        }),
      ).stuck,
      false,
    );
    assert.equal(checkDrain(input({ samples: [] })).stuck, false);
    assert.equal(
      stalledFor(
        [
          { at: 0, regions: 5 },
          { at: 10, regions: 5 },
          { at: 20, regions: 6 },
          { at: 30, regions: 6 },
        ],
        40,
      ),
      40,
      'a rise is not a fall',
    );
  });

  it('says so, naming what was checked when nothing explains it', () => {
    const v = checkDrain(input());
    assert.ok(v.stuck);
    assert.equal(render(v.summary, 'en'), 'Store 61 has not moved a Region for 3 min: 290 Regions left');
    assert.deepEqual(texts(v), [
      '- placement rules: the largest count is 2, and 2 other TiFlash stores are Up',
      '- free space: 2 remaining TiFlash stores are below the low-space-ratio of 80%',
      '- store limits: remove-peer of store 61 is 100000000 per minute',
      "- none of the checks found the cause: watch PD's scheduling (operators, pending peers) in Grafana",
    ]);
  });

  it('blames placement rules that need more TiFlash stores than remain Up (Down and Disconnected do not count)', () => {
    const v = checkDrain(
      input({
        stores: [draining, store('62', 'Up'), store('63', 'Down'), store('64', 'Disconnected'), store('65', 'Offline')],
        rules: { enabled: true, rules: [rule('table-45-r', 2), rule('table-46-r', 1)] },
      }),
    );
    assert.equal(
      texts(v)[0],
      '! placement rules need 2 TiFlash stores but only 1 others are Up (table-45-r (2)): ' +
        'the store stays Offline until replicas are lowered or a TiFlash store is added',
    );
  });

  it("blames the remaining stores' free space under low-space-ratio", () => {
    const full = { available: '100GiB', availableBytes: 100 * 1024 ** 3 };
    const v = checkDrain(input({ stores: [draining, store('62', 'Up', full), store('63', 'Up', full)] }));
    assert.deepEqual(texts(v).slice(1, 3), [
      '! free space: TiFlash store 62 has 100GiB free of 1TiB, past the low-space-ratio of 80%: PD moves no Region to it',
      '! free space: TiFlash store 63 has 100GiB free of 1TiB, past the low-space-ratio of 80%: PD moves no Region to it',
    ]);
    const oneFull = checkDrain(input({ stores: [draining, store('62', 'Up', full), store('63', 'Up')], rules: { enabled: true, rules: [rule('t', 1)] } }));
    assert.ok(oneFull.stuck && !oneFull.findings[1].blocking, 'one store with room is enough for one replica');
  });

  it('blames a store limit of 0, and says what could not be checked', () => {
    const v = checkDrain(
      input({
        limits: {
          add: new Map([
            [parseStoreId('62')!, 0],
            [parseStoreId('63')!, 0],
          ]),
          remove: new Map([[parseStoreId('61')!, 0]]),
        },
        limitTypes: capabilitiesOf(pdVersion('v3.1.2')).storeLimit,
      }),
    );
    assert.deepEqual(texts(v).slice(2), [
      '! store limits: region-remove of store 61 is 0, so PD moves nothing off it',
      '! store limits: region-add is 0 on every remaining TiFlash store (62, 63), so none can take a Region',
    ]);
    const unread = checkDrain(input({ rules: undefined, schedule: undefined, limits: undefined }));
    assert.deepEqual(texts(unread).slice(0, 3), [
      '- placement rules: not checked (PD could not be read)',
      "- free space: not checked (PD's low-space-ratio could not be read)",
      '- store limits: not checked (PD could not be read, or its version has no known limit names)',
    ]);
  });
});
