// The simulator against what PD v3.1.2 and v4.0.16 answer (../shared/PD-API.md), over real HTTP,
// one simulator per test.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { PROFILES, type Profile } from '../../tools/pd-sim/profile';
import { call, clusterFile, demoClusterOf, withPdSim } from '../support/pdFixtures';

type Obj = Record<string, unknown>;
const P = '/pd/api/v1';
const RFC3339_NS_CST = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?\+08:00$/;
const GO_DURATION = /^(\d+h)?(\d+m)?\d+(\.\d+)?s$|^\d+(\.\d+)?(ms|µs|ns)$/;

/** A demo cluster without its file version, so /version tells the profile's own release. */
function cluster(profile: Profile, change: (c: ClusterFile) => void = () => undefined): ClusterFile {
  const c = demoClusterOf(profile);
  delete c.version;
  change(c);
  return c;
}

const entry = (c: ClusterFile, id: number) => c.stores.find((s) => s.store.id === id)!;

for (const profile of PROFILES) {
  const v40 = profile === '4.0';
  const sim = (change?: (c: ClusterFile) => void) => ({ cluster: cluster(profile, change), profile });

  describe(`PD ${profile} simulator`, () => {
    it('renders a store with the fields this version sends and leaves out the ones it omits', () =>
      withPdSim(
        sim((c) => (entry(c, 55).status.capacity = '0B')),
        async (s) => {
          const r = await call(s, 'GET', `${P}/store/54`);
          assert.equal(r.status, 200);
          assert.equal(r.headers.get('content-type'), 'application/json; charset=UTF-8');
          assert.ok(r.text.endsWith('}\n') && r.text.startsWith('{\n  "store": {\n    "id": 54,'), 'indented as Go does, ending in a newline');
          const { store, status } = r.json() as { store: Obj; status: Obj };
          const storeKeys = [
            'id',
            'address',
            'labels',
            'version',
            'peer_address',
            'status_address',
            'git_hash',
            'start_timestamp',
            ...(v40 ? ['deploy_path', 'last_heartbeat'] : []),
            'state_name',
          ];
          assert.deepEqual(Object.keys(store), storeKeys, 'no "state" for an Up store');
          assert.equal(store.state_name, 'Up');
          if (v40) {
            assert.deepEqual(Object.keys(status), [
              'capacity',
              'available',
              'used_size',
              'leader_count',
              'leader_weight',
              'leader_score',
              'leader_size',
              'region_count',
              'region_weight',
              'region_score',
              'region_size',
              'start_ts',
              'last_heartbeat_ts',
              'uptime',
            ]);
            assert.equal(status.leader_count, 0, '4.0 sends zero counts');
          } else {
            assert.equal('leader_count' in status, false, '3.1 leaves out zero counts');
            assert.equal('leader_size' in status, false);
          }
          assert.equal(status.region_count, 1183);
          assert.match(String(status.capacity), /^\d+(\.\d+)?TiB$/);
          assert.match(String(status.start_ts), RFC3339_NS_CST);
          assert.match(String(status.last_heartbeat_ts), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}\+08:00$/);
          assert.match(String(status.uptime), GO_DURATION);

          const empty = (await call(s, 'GET', `${P}/store/55`)).json() as { status: Obj };
          if (v40) assert.equal(empty.status.capacity, '0B');
          else assert.equal('capacity' in empty.status, false);

          const tombstone = (await call(s, 'GET', `${P}/store/61`)).json() as { store: Obj; status: Obj };
          assert.equal(tombstone.store.state, 2);
          assert.equal(tombstone.store.state_name, 'Tombstone');
          assert.equal('region_count' in tombstone.status, v40, 'a store without regions: 4.0 says 0, 3.1 says nothing');
        },
      ));

    it('answers errors as this version does', () =>
      withPdSim(sim(), async (s) => {
        const unknown = await call(s, 'GET', `${P}/store/99`);
        assert.deepEqual([unknown.status, unknown.text], [500, v40 ? '"store 99 not found"\n' : '{}\n']);

        const bad = await call(s, 'GET', `${P}/store/5x`);
        assert.equal(bad.status, 400);
        assert.equal(bad.headers.get('tidb-error-code'), 'input');
        assert.deepEqual(bad.json(), { code: 'input', msg: 'strconv.ParseUint: parsing "5x": invalid syntax', data: {} });

        const gone = await call(s, 'DELETE', `${P}/store/61`);
        assert.equal(gone.status, 410);
        if (v40) assert.equal(gone.json(), '[PD:core:ErrStoreTombstone]store 61 has been removed');
        else {
          assert.equal(gone.headers.get('tidb-error-code'), 'state.store.tombstoned');
          assert.deepEqual(gone.json(), {
            code: 'state.store.tombstoned',
            msg: 'store.remove: The store 00000000000000000061 has been removed',
            data: { storeId: 61 },
            operation: 'store.remove',
          });
        }

        const missing = await call(s, 'DELETE', `${P}/store/99`);
        assert.equal(missing.status, 404);
        if (v40) assert.equal(missing.json(), '[PD:core:ErrStoreNotFound]store 99 not found');
        else {
          assert.equal(missing.headers.get('tidb-error-code'), 'missing');
          assert.deepEqual(missing.json(), { code: 'missing', msg: 'store.remove: store 99 not found', data: {}, operation: 'store.remove' });
        }
      }));

    it('filters /stores by state with strconv.Atoi and metapb.StoreState', () =>
      withPdSim(sim(), async (s) => {
        const ids = async (q: string) =>
          ((await call(s, 'GET', `${P}/stores${q}`)).json() as { stores: { store: Obj }[] }).stores.map((e) => e.store.id as number).sort((a, b) => a - b);
        assert.deepEqual(await ids(''), [1, 4, 5, 53, 54, 55], 'Up and Offline by default');
        assert.deepEqual(await ids('?state=0&state=1&state=2'), [1, 4, 5, 53, 54, 55, 61]);
        assert.deepEqual(await ids('?state=2'), [61]);
        assert.deepEqual(await ids('?state=4294967296'), [1, 4, 5, 53, 54, 55], 'an int32 conversion wraps to 0: Up');
        for (const [q, text] of [
          ['?state=7', 'unknown StoreState: 7'],
          ['?state=-1', 'unknown StoreState: -1'],
          ['?state=Up', 'strconv.Atoi: parsing "Up": invalid syntax'],
          ['?state=', 'strconv.Atoi: parsing "": invalid syntax'],
        ]) {
          const r = await call(s, 'GET', `${P}/stores${q}`);
          assert.deepEqual([r.status, r.json()], [500, text], q);
        }
        const empty = await call(s, 'GET', `${P}/stores?state=1`);
        assert.equal(empty.text, '{\n  "count": 0,\n  "stores": []\n}\n', 'never null');
      }));

    it('sets a store state: the state is checked first, only the state changes, and Tombstone can go back to Up', () =>
      withPdSim(sim(), async (s) => {
        assert.deepEqual(
          [(await call(s, 'POST', `${P}/store/99/state?state=up`)).status, (await call(s, 'POST', `${P}/store/99/state?state=up`)).json()],
          [400, 'invalid state'],
        );
        assert.deepEqual([(await call(s, 'POST', `${P}/store/54/state`)).status], [400]);
        const unknown = await call(s, 'POST', `${P}/store/99/state?state=Up`);
        assert.deepEqual([unknown.status, unknown.json()], [500, v40 ? '[PD:core:ErrStoreNotFound]store 99 not found' : 'store 99 not found']);

        const forced = await call(s, 'POST', `${P}/store/54/state?state=Tombstone`);
        assert.deepEqual([forced.status, forced.text], [200, 'null\n']);
        const after = (await call(s, 'GET', `${P}/store/54`)).json() as { store: Obj; status: Obj };
        assert.equal(after.store.state_name, 'Tombstone');
        assert.equal(after.status.region_count, 1183, 'a forced Tombstone keeps its regions');
        assert.equal(s.cluster.find(54)!.region_count, 1183);

        assert.equal((await call(s, 'POST', `${P}/store/54/state?state=Up`)).status, 200, 'PD lets a Tombstone store be Up again');
        assert.equal(((await call(s, 'GET', `${P}/store/54`)).json() as { store: Obj }).store.state_name, 'Up');
        assert.equal((await call(s, 'POST', `${P}/store/54/state?state=Offline`)).status, 200);
        assert.equal(s.cluster.find(54)!.state, 1);
      }));

    it('deletes a store: Up -> Offline, again a no-op, ?force buries at once; 4.0 lifts the remove-peer limit', () =>
      withPdSim(sim(), async (s) => {
        const del = await call(s, 'DELETE', `${P}/store/53`);
        assert.deepEqual([del.status, del.text], [200, 'null\n']);
        assert.equal(s.cluster.find(53)!.state, 1);
        assert.deepEqual([(await call(s, 'DELETE', `${P}/store/53`)).status], [200]);
        const limits = (await call(s, 'GET', `${P}/stores/limit`)).json() as Record<string, Obj>;
        if (v40) assert.deepEqual(limits['53'], { 'add-peer': 30, 'remove-peer': 100000000 });
        else assert.deepEqual(limits['53'], { rate: 15, mode: 'auto' }, '3.1 leaves limits alone');
        assert.equal((await call(s, 'POST', `${P}/store/53/state?state=Up`)).status, 200, 'cancelling the scale-in');
        if (v40)
          assert.equal(
            ((await call(s, 'GET', `${P}/stores/limit`)).json() as Record<string, Obj>)['53']['remove-peer'],
            100000000,
            'cancelling does not restore the limit',
          );

        assert.equal((await call(s, 'DELETE', `${P}/store/55?force`)).status, 200);
        assert.equal(s.cluster.find(55)!.state, 2);
        assert.equal(s.cluster.find(55)!.region_count, 1190);
        const forcedMissing = await call(s, 'DELETE', `${P}/store/99?force=true`);
        assert.equal(forcedMissing.status, 404);
      }));

    it(`removes tombstones: ${v40 ? 'keeps those that still hold regions' : 'every one'}`, () =>
      withPdSim(sim(), async (s) => {
        await call(s, 'POST', `${P}/store/54/state?state=Tombstone`);
        const r = await call(s, 'DELETE', `${P}/stores/remove-tombstone`);
        assert.deepEqual([r.status, r.text], [200, 'null\n']);
        assert.equal(s.cluster.find(61), undefined, 'the empty Tombstone store is gone');
        assert.equal(s.cluster.find(54) !== undefined, v40);
        assert.equal((await call(s, 'GET', `${P}/store/54`)).status, v40 ? 200 : 500);
      }));

    it('reads and merges /config/replicate with booleans as strings', () =>
      withPdSim({ cluster: clusterFile('no-placement-rules'), profile }, async (s) => {
        const before = await call(s, 'GET', `${P}/config/replicate`);
        assert.equal(
          before.text,
          '{\n  "max-replicas": 3,\n  "location-labels": "",\n  "strictly-match-label": "false",\n  "enable-placement-rules": "false"\n}\n',
        );
        const bare = await call(s, 'POST', `${P}/config/replicate`, { 'enable-placement-rules': true });
        assert.equal(bare.status, 400);
        assert.equal(bare.headers.get('tidb-error-code'), 'input');
        assert.match(String((bare.json() as Obj).msg), /invalid use of ,string struct tag, trying to unmarshal unquoted value into bool/);
        assert.equal(s.cluster.placementRules, false, 'a refused change changes nothing');

        const on = await call(s, 'POST', `${P}/config/replicate`, { 'enable-placement-rules': 'true' });
        assert.deepEqual([on.status, on.text], [200, 'null\n']);
        assert.deepEqual(
          (await call(s, 'GET', `${P}/config/replicate`)).json(),
          { 'max-replicas': 3, 'location-labels': '', 'strictly-match-label': 'false', 'enable-placement-rules': 'true' },
          'other keys kept',
        );
        const rules = (await call(s, 'GET', `${P}/config/rules`)).json() as Obj[];
        assert.deepEqual(
          rules,
          [{ group_id: 'pd', id: 'default', start_key: '', end_key: '', role: 'voter', count: 3 }],
          'the rule manager starts with the default rule',
        );
      }));

    it('answers 412 on every rule route while placement rules are off', () =>
      withPdSim({ cluster: clusterFile('no-placement-rules'), profile }, async (s) => {
        const routes: [string, string][] = [
          ['GET', '/config/rules'],
          ['GET', '/config/rules/group/tiflash'],
          ['GET', '/config/rules/region/2'],
          ['GET', '/config/rules/key/74'],
          ['GET', '/config/rule/tiflash/table-45-r'],
          ['POST', '/config/rule'],
          ['DELETE', '/config/rule/tiflash/table-45-r'],
        ];
        for (const [method, path] of routes) {
          const r = await call(s, method, P + path, method === 'POST' ? { group_id: 'tiflash', id: 'x', role: 'learner', count: 1 } : undefined);
          assert.deepEqual([r.status, r.text], [412, '"placement rules feature is disabled"\n'], `${method} ${path}`);
        }
      }));

    it('lists rules sorted by group, index and id, null for an empty group, and deletes as this version does', () =>
      withPdSim(
        sim((c) =>
          c.rules!.push({
            group_id: 'tiflash',
            id: 'table-10-r',
            role: 'learner',
            count: 1,
            start_key: '7480000000000000FF0A5F720000000000FA',
            end_key: '7480000000000000FF0B00000000000000F8',
          }),
        ),
        async (s) => {
          const group = (await call(s, 'GET', `${P}/config/rules/group/tiflash`)).json() as Obj[];
          assert.deepEqual(
            group.map((r) => r.id),
            ['table-10-r', 'table-45-r'],
          );
          assert.deepEqual(Object.keys(group[1]), ['group_id', 'id', 'override', 'start_key', 'end_key', 'role', 'count', 'label_constraints']);
          assert.equal((await call(s, 'GET', `${P}/config/rules/group/nobody`)).text, 'null\n');
          const absent = await call(s, 'DELETE', `${P}/config/rule/tiflash/table-99-r`);
          assert.deepEqual([absent.status, absent.json()], [200, v40 ? 'Delete rule successfully.' : null], 'deleting a rule that is not there succeeds');
          assert.equal((await call(s, 'DELETE', `${P}/config/rule/tiflash/table-10-r`)).status, 200);
          assert.deepEqual(
            s.cluster.rules.map((r) => r.id),
            ['default', 'table-45-r'],
          );
          const missing = await call(s, 'GET', `${P}/config/rule/tiflash/table-10-r`);
          assert.deepEqual([missing.status, missing.text], [404, 'null\n']);
        },
      ));

    it('shows the schedule configuration of this version', () =>
      withPdSim(sim(), async (s) => {
        const cfg = (await call(s, 'GET', `${P}/config/schedule`)).json() as Obj;
        assert.equal(cfg['max-store-down-time'], '30m0s');
        assert.equal(cfg['low-space-ratio'], 0.8);
        assert.equal(cfg['high-space-ratio'], v40 ? 0.7 : 0.6);
        assert.equal(cfg['store-balance-rate'], v40 ? undefined : 15);
        if (v40) assert.deepEqual((cfg['store-limit'] as Record<string, Obj>)['54'], { 'add-peer': 30, 'remove-peer': 30 });
        else assert.equal('store-limit' in cfg, false);
        assert.equal((await call(s, 'POST', `${P}/config/schedule`, { 'max-store-down-time': '1h0m0s' })).status, 200);
        assert.equal(((await call(s, 'GET', `${P}/config/schedule`)).json() as Obj)['max-store-down-time'], '1h0m0s');
      }));

    it("reads and sets store limits in this version's vocabulary", () =>
      withPdSim(sim(), async (s) => {
        if (v40) {
          const all = (await call(s, 'GET', `${P}/stores/limit`)).json() as Record<string, Obj>;
          assert.deepEqual(Object.keys(all), ['1', '4', '5', '53', '54', '55'], 'Go sorts map keys as text; Tombstone 61 has none');
          assert.deepEqual(
            [all['1'], all['54']],
            [
              { 'add-peer': 15, 'remove-peer': 15 },
              { 'add-peer': 30, 'remove-peer': 30 },
            ],
          );
          const cases: [string, unknown, number, unknown][] = [
            ['54', { rate: 0 }, 400, 'invalid rate which should be larger than 0'],
            ['54', { type: 'remove-peer' }, 400, 'rate unset'],
            ['54', { rate: 5, type: 'region-remove' }, 400, 'unknown type'],
            ['54', { rate: 5, type: 7 }, 400, 'bad format type'],
            ['99', { rate: 5 }, 500, 'store 99 not found'],
          ];
          for (const [id, body, status, answer] of cases) {
            const r = await call(s, 'POST', `${P}/store/${id}/limit`, body);
            assert.deepEqual([r.status, r.json()], [status, answer], JSON.stringify(body));
          }
          assert.equal((await call(s, 'POST', `${P}/store/54/limit`, { rate: 60, type: 'remove-peer' })).status, 200);
          assert.deepEqual(((await call(s, 'GET', `${P}/stores/limit`)).json() as Record<string, Obj>)['54'], { 'add-peer': 30, 'remove-peer': 60 });
          assert.equal((await call(s, 'GET', `${P}/stores/limit?include_tombstone=maybe`)).status, 400);
        } else {
          const remove = (await call(s, 'GET', `${P}/stores/limit?type=region-remove`)).json() as Record<string, Obj>;
          assert.deepEqual(remove['54'], { rate: 15, mode: 'auto' });
          assert.deepEqual((await call(s, 'GET', `${P}/stores/limit?type=remove-peer`)).json(), 'unknown type');
          assert.equal((await call(s, 'POST', `${P}/store/54/limit`, { rate: 0, type: 'region-remove' })).status, 200, '3.1 takes a rate of 0');
          assert.deepEqual(((await call(s, 'GET', `${P}/stores/limit?type=region-remove`)).json() as Record<string, Obj>)['54'], { rate: 0, mode: 'manual' });
          assert.deepEqual((await call(s, 'POST', `${P}/store/54/limit`, { rate: -1 })).json(), 'badformat rate');
          assert.equal((await call(s, 'POST', `${P}/store/99/limit`, { rate: 5 })).status, 200, '3.1 does not look the store up');
          await assert.rejects(call(s, 'GET', `${P}/stores/limit`), 'and then its GET panics on the unknown store: the connection closes');
        }
      }));

    it('tells its version, status, health and members, with uint64 ids as exact numbers', () =>
      withPdSim(sim(), async (s) => {
        assert.equal((await call(s, 'GET', `${P}/version`)).text, `{\n  "version": "${v40 ? 'v4.0.16' : 'v3.1.2'}"\n}\n`);
        assert.deepEqual(Object.keys((await call(s, 'GET', `${P}/status`)).json() as Obj), ['build_ts', 'version', 'git_hash', 'start_timestamp']);
        const health = await call(s, 'GET', `${P}/health`);
        assert.match(health.text, /"member_id": 13041136284993380522,/);
        assert.ok(!Number.isSafeInteger((health.json() as Obj[])[0].member_id), 'beyond what a JavaScript number holds');
        const members = await call(s, 'GET', `${P}/members`);
        assert.match(members.text, /"cluster_id": 6911111928731201538/);
        assert.equal('binary_version' in (members.json() as { members: Obj[] }).members[0], v40);
      }));

    it('lists the regions of a store, and TiFlash stores by label whatever their state', () =>
      withPdSim(sim(), async (s) => {
        const regions = (await call(s, 'GET', `${P}/regions/store/53`)).json() as { count: number; regions: { peers: Obj[] }[] };
        assert.equal(regions.count, 1204);
        assert.equal(regions.regions.length, 1204);
        assert.ok(
          regions.regions[0].peers.some((p) => p.store_id === 53 && p.is_learner === true),
          'TiFlash holds learners',
        );
        assert.equal((await call(s, 'GET', `${P}/regions/store/99`)).text, '{\n  "count": 0,\n  "regions": []\n}\n');
        const tiflash = (await call(s, 'GET', `${P}/labels/stores?name=engine&value=tiflash`)).json() as { stores: { store: Obj }[] };
        assert.deepEqual(tiflash.stores.map((e) => e.store.id).sort(), [53, 54, 55, 61], 'Tombstone included');
      }));

    it('answers 404 in plain text for an unknown path and 405 empty for a wrong method', () =>
      withPdSim(sim(), async (s) => {
        for (const path of [`${P}/nope`, `${P}/stores/`, '/pd/api/v2/stores', '/']) {
          const r = await call(s, 'GET', path);
          assert.deepEqual([r.status, r.text, r.headers.get('content-type')], [404, '404 page not found\n', 'text/plain; charset=utf-8'], path);
        }
        for (const [method, path] of [
          ['GET', '/stores/remove-tombstone'],
          ['PUT', '/stores'],
          ['POST', '/store/54'],
          ['GET', '/store/54/state'],
        ]) {
          const r = await call(s, method, P + path);
          assert.deepEqual([r.status, r.text], [405, ''], `${method} ${path}`);
        }
      }));

    it('lists stores in a different order across requests, the same set each time; a seed repeats the sequence', async () => {
      const orders = async (seed?: number) =>
        withPdSim({ ...sim(), seed }, async (s) => {
          const seen: string[] = [];
          for (let i = 0; i < 12; i++) {
            const ids = ((await call(s, 'GET', `${P}/stores`)).json() as { stores: { store: Obj }[] }).stores.map((e) => e.store.id as number);
            assert.deepEqual(
              [...ids].sort((a, b) => a - b),
              [1, 4, 5, 53, 54, 55],
            );
            seen.push(ids.join(','));
          }
          return seen;
        });
      assert.ok(new Set(await orders()).size > 1, 'six stores in one order twelve times has odds of 1 in 720^11');
      assert.deepEqual(await orders(7), await orders(7));
    });
  });
}
