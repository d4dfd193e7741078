import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeRules, decodeStore, decodeStores } from '../../src/core/pd/decode';
import { readPdFixture } from '../support/pdFixtures';
import { SKIP_WITHOUT_SHARED } from '../support/paths';

function stores(name: string) {
  const d = decodeStores(readPdFixture(name));
  assert.ok(d.ok, d.ok ? '' : d.error);
  return d.value;
}

describe('PD decoding of the shared PD v4.0 responses', { skip: SKIP_WITHOUT_SHARED }, () => {
  it('decodes the v4.0 default list: Up has no state field, Offline has state 1', () => {
    const list = stores('stores.json');
    assert.deepEqual(list.map((s) => [s.id, s.state, s.stateName]), [['1', 'Up', 'Up'], ['4', 'Up', 'Up'], ['5', 'Up', 'Up'], ['53', 'Up', 'Up'], ['54', 'Offline', 'Offline']]);
    const s54 = list.find((s) => s.id === '54')!;
    assert.deepEqual([s54.address, s54.labels.engine, s54.regionCount, s54.leaderCount, s54.capacity], ['192.168.0.12:3930', 'tiflash', 1183, 0, '3.491TiB']);
  });

  it('follows store 54 draining and turning Tombstone', () => {
    assert.equal(stores('stores.offline-later.json').find((s) => s.id === '54')!.regionCount, 412);
    assert.equal(stores('stores.after-tombstone.default.json').some((s) => s.id === '54'), false);
    const t = stores('stores.after-tombstone.all-states.json').find((s) => s.id === '54')!;
    assert.deepEqual([t.state, t.stateName], ['Tombstone', 'Tombstone']);
  });

  it('decodes a single store and the placement rules', () => {
    const d = decodeStore(readPdFixture('store-54.json'));
    assert.ok(d.ok && d.value.id === '54' && d.value.peerAddress === '192.168.0.12:20170');
    const r = decodeRules(readPdFixture('rules-group-tiflash.json'));
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((x) => [x.id, x.count, x.role]), [['table-45-r', 1, 'learner']]);
    assert.deepEqual(decodeRules(null), { ok: true, value: [] });
  });

});

describe('PD decoding of other versions and broken bodies', () => {
  it('reads PD v3.1, which omits every zero field', () => {
    const d = decodeStores({ count: 1, stores: [{ store: { id: 7, address: '10.0.0.1:3930', labels: [{ key: 'engine', value: 'tiflash' }], state_name: 'Up' }, status: { capacity: '1TiB' } }] });
    assert.ok(d.ok);
    assert.deepEqual([d.value[0].state, d.value[0].regionCount, d.value[0].leaderCount], ['Up', 0, 0]);
  });

  it('reads newer PD fields (node_state) and ignores unknown ones', () => {
    const d = decodeStore({ store: { id: 9, address: 'a:3930', state: 1, state_name: 'Offline', node_state: 2, physically_destroyed: true, new_field: [1] }, status: { region_count: 3, slow_score: 1 } });
    assert.ok(d.ok);
    assert.deepEqual([d.value.nodeState, d.value.physicallyDestroyed, d.value.regionCount], [2, true, 3]);
    const up = decodeStore({ store: { id: 10, address: 'b:3930', state_name: 'Disconnected' } });
    assert.ok(up.ok && up.value.stateName === 'Disconnected' && up.value.state === 'Disconnected');
  });

  it('turns malformed bodies into error values', () => {
    for (const bad of [null, 'x', [], { stores: 3 }, { stores: [{}] }, { stores: [{ store: { id: 'x' } }] }, { stores: [{ store: { id: 1, address: 'a', state: 7 } }] }]) {
      const d = decodeStores(bad);
      assert.equal(d.ok, false, JSON.stringify(bad));
    }
    assert.deepEqual(decodeStores({ count: 0 }), { ok: true, value: [] });
  });
});
