// PD answers at the edges of what PD sends: each odd field is refused with a message that quotes it (what the
// operator reads), and each field PD may leave out or write differently decodes to the model the views and checks use.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import {
  decodeReplicate,
  decodeRules,
  decodeSchedule,
  decodeStore,
  decodeStoreLimits,
  decodeStoreList,
  decodeVersionText,
  errorText,
  parseBody,
} from '../../src/core/pd/decode';
import { readJson, type JsonValue } from '../../src/core/pd/json';
import { compareStoreIds, parseStoreId, type Decoded, type Store } from '../../src/core/pd/types';

const json = (text: string): JsonValue => {
  const r = readJson(text);
  assert.ok(r.ok, text);
  return r.value;
};
const ok = <T>(d: Decoded<T>): T => {
  assert.ok(d.ok, d.ok ? '' : render(d.error, 'en'));
  return d.value;
};
const err = (d: Decoded<unknown>): string => {
  assert.ok(!d.ok, 'expected an error');
  return render(d.error, 'en');
};
/** Store 61 with these fields after its id and address. */
const store61 = (fields: string, status = '{}') => decodeStore(json(`{"store": {"id": 61, "address": "10.0.0.1:3930"${fields}}, "status": ${status}}`));
const labels = (l: Record<string, string>) => Object.assign(Object.create(null) as Record<string, string>, l);

describe('reading a body: why it is not an answer', () => {
  it('names the fault and where it is, quoting the body', () => {
    assert.equal(err(parseBody('[1 2]')), 'PD answered something that is not JSON (at character 3): [1 2]');
    assert.equal(err(parseBody('{"count": 1, "count": 2}')), 'PD\'s answer repeats a key (at character 23), which PD never does: {"count": 1, "count": 2}');
    const deep = '['.repeat(300) + ']'.repeat(300);
    assert.equal(err(parseBody(deep)), `PD's answer is nested far deeper than any PD answer: ${'['.repeat(200)}…`);
  });

  it("quotes PD's reason on one line: blanks run together, 200 characters kept whole", () => {
    assert.equal(errorText('no  leader\t\t for\n\nregion'), 'no leader for region');
    assert.equal(errorText('x'.repeat(200)), 'x'.repeat(200));
    assert.equal(errorText('x'.repeat(201)), `${'x'.repeat(200)}…`);
  });
});

describe('a store entry: state, labels, address', () => {
  it('a state 0 written out agrees with Disconnected and Down (Up stores whose heartbeats stopped)', () => {
    assert.equal(ok(store61(', "state": 0, "state_name": "Disconnected"')).state, 'Disconnected');
    assert.equal(ok(store61(', "state": 0, "state_name": "Down"')).state, 'Down');
    assert.match(err(store61(', "state": 1, "state_name": "Down"')), /which PD never sends together/);
  });

  it('refuses a state_name PD does not use even when the state code alone would do, quoting both', () => {
    assert.equal(err(store61(', "state": 1, "state_name": "Up"')), 'store 61 has state 1 and state_name "Up", which PD never sends together');
    assert.equal(err(store61(', "state": 1, "state_name": "Gone"')), 'store 61 has state 1 and state_name "Gone", which PD never sends together');
    assert.equal(err(store61(', "state": 1, "state_name": ["Offline"]')), 'store 61 has state 1 and state_name ["Offline"], which PD never sends together');
    assert.equal(err(store61(', "state": 1, "state_name": 1')), 'store 61 has state 1 and state_name 1, which PD never sends together');
    assert.equal(err(store61(', "state_name": "Gone"')), 'store 61 has state - and state_name "Gone", which PD never sends together');
  });

  it('keeps the state_name PD sent for display, and names the state where PD sent only the code', () => {
    assert.equal(ok(store61(', "state": 1, "state_name": "Removing"')).stateName, 'Removing');
    assert.equal(ok(store61(', "state": 2')).stateName, 'Tombstone');
  });

  it('refuses labels that are null, text, or pairs missing their key or value; the same pair twice is fine', () => {
    const bad = (l: string) => err(store61(`, "state_name": "Up", "labels": ${l}`));
    assert.equal(bad('null'), 'the labels of store 61 are not a list of key/value pairs with one value per key: null');
    assert.equal(bad('""'), 'the labels of store 61 are not a list of key/value pairs with one value per key: ""');
    assert.match(bad('[{"key": "engine"}]'), /labels of store 61 .*: \[\{"key":"engine"\}\]$/);
    assert.match(bad('[{"value": "tiflash"}]'), /labels of store 61 .*: \[\{"value":"tiflash"\}\]$/);
    const twice = '[{"key": "engine", "value": "tiflash"}, {"key": "engine", "value": "tiflash"}]';
    assert.deepEqual(ok(store61(`, "state_name": "Up", "labels": ${twice}`)).labels, labels({ engine: 'tiflash' }));
  });

  it('refuses an entry without a store object or without a text address', () => {
    assert.equal(err(decodeStore(json('{"stores": []}'))), 'it has no "store" object: {"stores":[]}');
    assert.equal(err(decodeStore(json('{"store": {"id": 61, "state_name": "Up"}}'))), 'store 61 has no address');
    assert.equal(err(decodeStore(json('{"store": {"id": 61, "address": 3930, "state_name": "Up"}}'))), 'store 61 has no address');
  });

  it('decodes a newer PD entry (node_state, Removing) and a 3.1 Tombstone without state_name into the whole model', () => {
    const newer: Store = ok(
      store61(
        ', "state": 1, "state_name": "Removing", "node_state": 2, "labels": [{"key": "engine", "value": "tiflash"}], "version": "v6.5.0",' +
          ' "peer_address": "10.0.0.1:20170", "status_address": "10.0.0.1:20292", "deploy_path": "/tidb/deploy"',
        '{"capacity": "1TiB", "available": "512GiB", "used_size": "1GiB", "region_count": 3, "leader_count": 1,' +
          ' "start_ts": "2026-11-27T10:00:00Z", "last_heartbeat_ts": "2026-11-27T11:00:00Z", "uptime": "1h0m0s"}',
      ),
    );
    assert.deepEqual(newer, {
      id: '61',
      address: '10.0.0.1:3930',
      state: 'Offline',
      labels: labels({ engine: 'tiflash' }),
      stateName: 'Removing',
      version: 'v6.5.0',
      peerAddress: '10.0.0.1:20170',
      statusAddress: '10.0.0.1:20292',
      deployPath: '/tidb/deploy',
      nodeState: 2,
      regionCount: 3,
      leaderCount: 1,
      capacity: '1TiB',
      available: '512GiB',
      capacityBytes: 1024 ** 4,
      availableBytes: 512 * 1024 ** 3,
      usedSize: '1GiB',
      startTs: '2026-11-27T10:00:00Z',
      lastHeartbeatTs: '2026-11-27T11:00:00Z',
      uptime: '1h0m0s',
    });
    const old = ok(store61(', "state": 2, "labels": []', '{"capacity": "1TiB"}'));
    assert.deepEqual(old, {
      id: '61',
      address: '10.0.0.1:3930',
      state: 'Tombstone',
      labels: labels({}),
      stateName: 'Tombstone',
      version: undefined,
      peerAddress: undefined,
      statusAddress: undefined,
      deployPath: undefined,
      regionCount: 0,
      leaderCount: 0,
      capacity: '1TiB',
      available: undefined,
      capacityBytes: 1024 ** 4,
      availableBytes: undefined,
      usedSize: undefined,
      startTs: undefined,
      lastHeartbeatTs: undefined,
      uptime: undefined,
    });
  });

  it('quotes a "stores" that is not a list', () => {
    assert.equal(err(decodeStoreList(json('{"count": 1, "stores": {"store": 1}}'), true)), '"stores" in PD\'s answer is not a list: {"store":1}');
  });

  it('orders ids as numbers (shorter first), an id equal to itself', () => {
    const ids = ['10', '9', '18446744073709551615', '2', '18446744073709551614'].map((s) => parseStoreId(s)!);
    assert.deepEqual([...ids].sort(compareStoreIds), ['2', '9', '10', '18446744073709551614', '18446744073709551615']);
    assert.deepEqual(
      ids.map((a) => compareStoreIds(a, a)),
      [0, 0, 0, 0, 0],
    );
    assert.ok(compareStoreIds(ids[4], ids[2]) < 0 && compareStoreIds(ids[2], ids[4]) > 0);
  });
});

describe('placement rules', () => {
  it('refuses a rules answer that is not a list, and a rule without its id or count, quoting it', () => {
    assert.equal(err(decodeRules(json('{"rules": []}'))), 'PD\'s TiFlash placement rules are not a list: {"rules":[]}');
    const bad = (rule: string) => err(decodeRules(json(`[${rule}]`)));
    assert.equal(bad('{"id": "table-45-r"}'), 'a TiFlash placement rule of PD lacks its id or count: {"id":"table-45-r"}');
    assert.equal(bad('{"count": 1}'), 'a TiFlash placement rule of PD lacks its id or count: {"count":1}');
    assert.equal(bad('"table-45-r"'), 'a TiFlash placement rule of PD lacks its id or count: "table-45-r"');
  });

  it('reads label constraints, skipping what is not a constraint or a value, and fills what PD left out', () => {
    const rules = ok(
      decodeRules(
        json(
          '[{"group_id": "tiflash", "id": "table-45-r", "role": "learner", "count": 2,' +
            ' "label_constraints": [5, {"key": "engine", "op": "in", "values": ["tiflash", 7]}, {}]},' +
            ' {"id": "table-46-r", "count": 1, "label_constraints": [{"key": "engine", "op": "in", "values": "tiflash"}]},' +
            ' {"id": "table-47-r", "count": 1, "label_constraints": "engine=tiflash"}]',
        ),
      ),
    );
    assert.deepEqual(rules, [
      {
        groupId: 'tiflash',
        id: 'table-45-r',
        role: 'learner',
        count: 2,
        labelConstraints: [
          { key: 'engine', op: 'in', values: ['tiflash'] },
          { key: '', op: '', values: [] },
        ],
      },
      { groupId: '', id: 'table-46-r', role: '', count: 1, labelConstraints: [{ key: 'engine', op: 'in', values: [] }] },
      { groupId: '', id: 'table-47-r', role: '', count: 1, labelConstraints: [] },
    ]);
  });
});

describe('configuration, version and limits', () => {
  const replicate = (fields: string) => decodeReplicate(json(`{${fields}}`));

  it('/config/replicate: real booleans, label lists, and what PD leaves out', () => {
    assert.deepEqual(ok(replicate('"max-replicas": 3, "location-labels": "", "enable-placement-rules": false')), {
      maxReplicas: 3,
      locationLabels: [],
      strictlyMatchLabel: false,
      enablePlacementRules: false,
    });
    assert.deepEqual(
      ok(replicate('"max-replicas": 3, "location-labels": ["zone", 5, "host"], "strictly-match-label": "true", "enable-placement-rules": "true"')),
      { maxReplicas: 3, locationLabels: ['zone', 'host'], strictlyMatchLabel: true, enablePlacementRules: true },
    );
    assert.deepEqual(ok(replicate('"max-replicas": 3, "location-labels": ",zone,", "enable-placement-rules": "false"')).locationLabels, ['zone']);
  });

  it('/config/replicate: refuses what is not an object, and a missing max-replicas or location-labels, naming the key', () => {
    assert.equal(err(decodeReplicate(json('[]'))), "PD's configuration is not a JSON object: []");
    assert.equal(
      err(replicate('"location-labels": "", "enable-placement-rules": "false"')),
      '"max-replicas" in PD\'s configuration is not a value PD sends: {"location-labels":"","enable-placement-rules":"false"}',
    );
    assert.equal(
      err(replicate('"max-replicas": 3, "enable-placement-rules": "false"')),
      '"location-labels" in PD\'s configuration is not a value PD sends: {"max-replicas":3,"enable-placement-rules":"false"}',
    );
  });

  it('/config/schedule: each field may be missing; low-space-ratio is within (0, 1]', () => {
    assert.equal(err(decodeSchedule(json('[]'))), "PD's configuration is not a JSON object: []");
    assert.deepEqual(ok(decodeSchedule(json('{}'))), { lowSpaceRatio: undefined, maxStoreDownTimeMs: undefined });
    assert.deepEqual(ok(decodeSchedule(json('{"low-space-ratio": 1}'))), { lowSpaceRatio: 1, maxStoreDownTimeMs: undefined });
    for (const ratio of ['0', '1.5', '-0.2']) {
      assert.equal(
        err(decodeSchedule(json(`{"low-space-ratio": ${ratio}}`))),
        `"low-space-ratio" in PD's configuration is not a value PD sends: ${ratio}`,
        ratio,
      );
    }
    assert.match(err(decodeSchedule(json('{"max-store-down-time": 1800}'))), /"max-store-down-time" .*: 1800$/);
  });

  it('/version: refuses an answer without a version text, quoting it', () => {
    assert.equal(err(decodeVersionText(json('{}'))), "PD's /version answer has no version: {}");
    assert.equal(err(decodeVersionText(json('{"version": 4}'))), 'PD\'s /version answer has no version: {"version":4}');
    assert.equal(ok(decodeVersionText(json('{"version": "v4.0.16"}'))), 'v4.0.16');
  });

  it('/stores/limit: a limit of 0 is a limit; a list, or an entry without the field, is refused, quoting it', () => {
    assert.deepEqual([...ok(decodeStoreLimits(json('{"61": {"add-peer": 0, "remove-peer": 15}}'), 'add-peer'))], [['61', 0]]);
    assert.equal(err(decodeStoreLimits(json('[]'), 'rate')), "PD's store limits are not what PD sends: []");
    assert.equal(err(decodeStoreLimits(json('{"61": {"mode": "manual"}}'), 'rate')), 'PD\'s store limits are not what PD sends: {"61":{"mode":"manual"}}');
  });
});
