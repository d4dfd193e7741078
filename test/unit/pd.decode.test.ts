// Decoding PD's answers from their text: exact ids, states, complete lists only, both versions' shapes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import {
  decodeReplicate,
  decodeRules,
  decodeSchedule,
  decodeStore,
  decodeStoreLimits,
  decodeStoreList,
  errorText,
  parseBody,
  type ReplicateConfig,
} from '../../src/core/pd/decode';
import type { JsonValue } from '../../src/core/pd/json';
import type { Decoded, Store, StoreList } from '../../src/core/pd/types';
import { parseByteSize, parseGoDuration } from '../../src/core/pd/units';
import { capabilitiesOf, pdVersion, versionNote } from '../../src/core/pd/version';
import { storeEntry, storesBody, type StoreSpec } from '../support/pdBodies';
import { pdFixtures, SKIP_WITHOUT_SHARED } from '../support/paths';

const json = (text: string): JsonValue => {
  const b = parseBody(text);
  assert.ok(b.ok, b.ok ? '' : render(b.error, 'en'));
  return b.value;
};
const ok = <T>(d: Decoded<T>): T => {
  assert.ok(d.ok, d.ok ? '' : render(d.error, 'en'));
  return d.value;
};
const err = <T>(d: Decoded<T>): string => {
  assert.ok(!d.ok, 'expected an error');
  return render(d.error, 'en');
};
const list = (text: string): Decoded<StoreList> => decodeStoreList(json(text), true);
const one = (spec: Partial<StoreSpec>): Decoded<Store> => decodeStore(json(storeEntry({ id: '61', address: '10.0.0.1:3930', ...spec })));
const fixture = (name: string) => list(fs.readFileSync(path.join(pdFixtures, name), 'utf8'));

describe('PD decoding of the shared PD v4.0 responses', { skip: SKIP_WITHOUT_SHARED }, () => {
  it('decodes the v4.0 default list: Up has no state field, Offline has state 1', () => {
    const l = ok(fixture('stores.json'));
    assert.deepEqual(
      l.stores.map((s) => [s.id, s.state, s.stateName]),
      [
        ['1', 'Up', 'Up'],
        ['4', 'Up', 'Up'],
        ['5', 'Up', 'Up'],
        ['53', 'Up', 'Up'],
        ['54', 'Offline', 'Offline'],
      ],
    );
    const s54 = l.stores.find((s) => s.id === '54')!;
    assert.deepEqual([s54.address, s54.labels.engine, s54.regionCount, s54.leaderCount, s54.capacity], ['192.168.0.12:3930', 'tiflash', 1183, 0, '3.491TiB']);
    assert.ok(Math.abs(s54.capacityBytes! - 3.491 * 1024 ** 4) < 1);
  });

  it('follows store 54 draining and turning Tombstone', () => {
    assert.equal(ok(fixture('stores.offline-later.json')).stores.find((s) => s.id === '54')!.regionCount, 412);
    assert.equal(
      ok(fixture('stores.after-tombstone.default.json')).stores.some((s) => s.id === '54'),
      false,
    );
    const t = ok(fixture('stores.after-tombstone.all-states.json')).stores.find((s) => s.id === '54')!;
    assert.deepEqual([t.state, t.stateName], ['Tombstone', 'Tombstone']);
  });

  it('decodes a single store and the placement rules', () => {
    const d = ok(decodeStore(json(fs.readFileSync(path.join(pdFixtures, 'store-54.json'), 'utf8'))));
    assert.ok(d.id === '54' && d.peerAddress === '192.168.0.12:20170');
    const r = ok(decodeRules(json(fs.readFileSync(path.join(pdFixtures, 'rules-group-tiflash.json'), 'utf8'))));
    assert.deepEqual(
      r.map((x) => [x.id, x.count, x.role]),
      [['table-45-r', 1, 'learner']],
    );
    assert.deepEqual(decodeRules(null), { ok: true, value: [] });
  });
});

describe('store lists: complete and well-formed, or an error quoting PD', () => {
  it('refuses {}, a null or missing list, a list that is not one, and a count that disagrees', () => {
    assert.match(err(list('{}')), /no "stores" list .*: \{\}$/);
    assert.match(err(list('{"count": 0, "stores": null}')), /no "stores" list/);
    assert.match(err(list('{"count": 1, "stores": {"store": {}}}')), /"stores" in PD's answer is not a list/);
    assert.match(err(list('[]')), /not a JSON object: \[\]/);
    assert.match(err(list('null')), /not a JSON object/);
    assert.match(err(list(storesBody([{ id: '1', address: 'a:1' }], 2))), /"count": 2 but lists 1 stores/);
    assert.match(err(list('{"stores": []}')), /"count": null but lists 0/, 'PD always sends the count');
    assert.deepEqual(ok(list('{"count": 0, "stores": []}')).stores, []);
  });

  it('refuses the whole list for one bad entry or a repeated id (a part of a list proves nothing)', () => {
    assert.match(
      err(
        list(
          storesBody([
            { id: '1', address: 'a:1' },
            { id: '-2', address: 'b:1' },
          ]),
        ),
      ),
      /store entry 2 .*id is not one PD can allocate.*-2/,
    );
    assert.match(
      err(
        list(
          storesBody([
            { id: '7', address: 'a:1' },
            { id: '7', address: 'b:1' },
          ]),
        ),
      ),
      /names store 7 twice/,
    );
  });

  it('keeps ids exact: 2^53-1, 2^53, 2^53+1 and 2^64-1 are four stores', () => {
    const ids = ['9007199254740991', '9007199254740992', '9007199254740993', '18446744073709551615'];
    const l = ok(list(storesBody(ids.map((id, k) => ({ id, address: `10.0.0.${k}:3930` })))));
    assert.deepEqual(
      l.stores.map((s) => s.id),
      ids,
    );
    assert.equal(ok(one({ id: '"9007199254740993"' })).id, '9007199254740993', 'a quoted id that parses exactly');
  });

  it('refuses ids PD cannot allocate: 0, negative, fractional, exponent, 2^64, leading zero, odd quoting', () => {
    for (const id of [
      '0',
      '-1',
      '-0',
      '1.5',
      '61.0',
      '1e21',
      '6.1e1',
      '1E2',
      '18446744073709551616',
      '99999999999999999999',
      '"061"',
      '" 61"',
      '"61 "',
      '"6.1e1"',
      '"-61"',
      '""',
      'null',
      'true',
      '[61]',
      '{"id":61}',
    ]) {
      assert.match(err(one({ id })), /id is not one PD can allocate/, id);
    }
  });

  it('reads the state from state and state_name: Tombstone by name alone, disagreement refused', () => {
    const state = (spec: Partial<StoreSpec>) => ok(one(spec)).state;
    assert.equal(state({ state: null, stateName: 'Tombstone' }), 'Tombstone', 'a Tombstone by name only');
    assert.equal(state({ state: 2, stateName: null }), 'Tombstone');
    assert.equal(state({ state: 1 }), 'Offline');
    assert.equal(state({ stateName: 'Disconnected' }), 'Disconnected');
    assert.equal(state({ stateName: 'Down' }), 'Down');
    assert.equal(state({ state: null, stateName: 'Removing' }), 'Offline', 'newer PD node-state names');
    assert.equal(state({ state: null, stateName: 'Serving' }), 'Up');
    for (const spec of [
      { state: 1 as const, stateName: 'Up' },
      { state: 0 as const, stateName: 'Tombstone', extra: { state: 0 } },
      { state: 2 as const, stateName: 'Offline' },
      { state: null, stateName: null },
      { state: null, stateName: 'Gone' },
      { state: null, extra: { state: 7 } },
      { state: null, extra: { state: '1' } },
      { state: null, extra: { state: 1.0 } },
    ]) {
      assert.match(err(one(spec)), /which PD never sends together/, JSON.stringify(spec));
    }
    assert.equal(ok(one({ extra: { physically_destroyed: true }, state: 1 })).physicallyDestroyed, true);
  });

  it('refuses labels that are not key/value pairs or give a key two values', () => {
    assert.match(err(one({ tiflash: false, extra: { labels: 'engine=tiflash' } })), /labels of store 61/);
    assert.match(
      err(
        one({
          tiflash: false,
          extra: {
            labels: [
              { key: 'engine', value: 'tiflash' },
              { key: 'engine', value: 'tikv' },
            ],
          },
        }),
      ),
      /labels of store 61/,
    );
    assert.equal(ok(one({ tiflash: false })).labels.engine, undefined);
  });

  it('reads PD 3.1, which omits every zero field (a missing region_count is 0), and refuses a region count that is not one', () => {
    const s = ok(one({ profile: '3.1' }));
    assert.deepEqual([s.state, s.regionCount, s.leaderCount], ['Up', 0, 0]);
    const bad = decodeStore(json('{"store": {"id": 1, "address": "a:1", "state_name": "Up"}, "status": {"region_count": "12"}}'));
    assert.match(err(bad), /region_count of store 1 is not a count: "12"/);
    assert.match(err(decodeStore(json('{"store": {"id": 1, "address": "a:1", "state_name": "Up"}, "status": 5}'))), /status of store 1 is not an object/);
  });
});

describe('configuration, rules, limits and errors of both versions', () => {
  it('decodes /config/replicate with its string booleans', () => {
    const r: ReplicateConfig = ok(
      decodeReplicate(json('{"max-replicas":3,"location-labels":"zone,host","strictly-match-label":"false","enable-placement-rules":"false"}')),
    );
    assert.deepEqual(r, { maxReplicas: 3, locationLabels: ['zone', 'host'], strictlyMatchLabel: false, enablePlacementRules: false });
    assert.equal(ok(decodeReplicate(json('{"max-replicas":3,"location-labels":"","enable-placement-rules":"true"}'))).enablePlacementRules, true);
    assert.equal(ok(decodeReplicate(json('{"max-replicas":3,"location-labels":[],"enable-placement-rules":true}'))).enablePlacementRules, true);
    for (const v of ['"yes"', '"True"', '1', 'null']) {
      assert.match(
        err(decodeReplicate(json(`{"max-replicas":3,"location-labels":"","enable-placement-rules":${v}}`))),
        /"enable-placement-rules" in PD's configuration/,
      );
    }
  });

  it('decodes /config/schedule: low-space-ratio and max-store-down-time', () => {
    assert.deepEqual(ok(decodeSchedule(json('{"max-store-down-time":"30m0s","low-space-ratio":0.8,"high-space-ratio":0.7}'))), {
      lowSpaceRatio: 0.8,
      maxStoreDownTimeMs: 1_800_000,
    });
    assert.match(err(decodeSchedule(json('{"low-space-ratio":"0.8"}'))), /low-space-ratio/);
    assert.match(err(decodeSchedule(json('{"max-store-down-time":"30 minutes"}'))), /max-store-down-time/);
  });

  it('decodes store limits of 4.0 (add-peer/remove-peer) and 3.1 (rate per type)', () => {
    const v4 = json('{"61":{"add-peer":30,"remove-peer":100000000},"18446744073709551615":{"add-peer":15,"remove-peer":15}}');
    assert.deepEqual(
      [...ok(decodeStoreLimits(v4, 'remove-peer'))],
      [
        ['61', 100000000],
        ['18446744073709551615', 15],
      ],
    );
    assert.deepEqual([...ok(decodeStoreLimits(json('{"1":{"rate":15,"mode":"manual"}}'), 'rate'))], [['1', 15]]);
    assert.ok(!decodeStoreLimits(json('{"061":{"rate":15}}'), 'rate').ok);
    assert.ok(!decodeStoreLimits(json('{"1":{"rate":-1}}'), 'rate').ok);
  });

  it("quotes PD's reason from 3.1 errcode objects, 4.0 strings, {} and plain text", () => {
    assert.equal(
      errorText('{"code":"missing","msg":"store.remove: store 99 not found","data":{},"operation":"store.remove"}'),
      'store.remove: store 99 not found (missing)',
    );
    assert.equal(errorText('"[PD:core:ErrStoreTombstone]store 61 has been removed"'), '[PD:core:ErrStoreTombstone]store 61 has been removed');
    assert.equal(errorText('{}'), '{}');
    assert.equal(errorText('404 page not found\n'), '404 page not found');
    assert.equal(errorText('no\u001b[31m leader\r\nx'), 'no [31m leader x', 'control characters are not passed on');
    assert.equal(errorText('x'.repeat(1000)).length, 201);
  });

  it('reads sizes and durations as Go prints them', () => {
    assert.equal(parseByteSize('0B'), 0);
    assert.equal(parseByteSize('900GiB'), 900 * 1024 ** 3);
    assert.equal(parseByteSize('1.745TiB'), 1.745 * 1024 ** 4);
    assert.equal(parseByteSize('1.7 TB'), undefined);
    assert.equal(parseGoDuration('162h29m47.37s'), (162 * 3600 + 29 * 60 + 47.37) * 1000);
    assert.equal(parseGoDuration('370ms'), 370);
    assert.equal(parseGoDuration('0'), 0);
    assert.equal(parseGoDuration('-1s'), undefined);
    assert.equal(parseGoDuration('1d'), undefined);
  });
});

describe('PD versions', () => {
  it('names the series and what each supports', () => {
    assert.deepEqual(
      ['v3.1.2', 'v4.0.16', 'v4.0.0-rc.2', '5.0.0', 'v6.5.1', 'v3.0.20', 'v2.1.19', 'nightly', ''].map((t) => pdVersion(t).series),
      ['3.1', '4.0', '4.0', 'newer', 'newer', 'older', 'older', 'unknown', 'unknown'],
    );
    const c31 = capabilitiesOf(pdVersion('v3.1.2'));
    const c40 = capabilitiesOf(pdVersion('v4.0.16'));
    const c50 = capabilitiesOf(pdVersion('v5.0.0'));
    assert.deepEqual([c31.forceTombstone, c40.forceTombstone, c50.forceTombstone, capabilitiesOf(pdVersion('x')).forceTombstone], [true, true, false, false]);
    assert.deepEqual([c31.storeLimit?.remove, c40.storeLimit?.remove, c50.storeLimit?.remove], ['region-remove', 'remove-peer', 'remove-peer']);
    assert.deepEqual([c31.deleteRaisesRemovePeerLimit, c40.deleteRaisesRemovePeerLimit], [false, true]);
    assert.equal(versionNote(pdVersion('v4.0.16')), undefined);
    assert.equal(
      render(versionNote(pdVersion('v5.0.0'))!, 'en'),
      'PD v5.0.0 is newer than what tidb-ansible deploys (3.1, 4.0): reading works, version-specific actions are not offered',
    );
  });
});
