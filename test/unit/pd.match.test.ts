// Which store is which host, and when "not in PD" is a fact: only from a complete, well-formed list.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { render } from '../../src/core/l10n/message';
import { decodeStoreList, parseBody } from '../../src/core/pd/decode';
import type { PdResult } from '../../src/core/pd/http';
import { matchHost, matchStores, pickStore, stateLabel, storeAddress, StoreIndex, type HostMatch, type HostState } from '../../src/core/pd/match';
import type { StoreList } from '../../src/core/pd/types';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { storesBody, type StoreSpec } from '../support/pdBodies';
import { demoDir, pdFixtures, SKIP_WITHOUT_SHARED } from '../support/paths';
import { Rng } from '../support/random';

const inventory = parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8'));
const hosts = () => tiflashHosts(inventory);
const h11 = () => hosts()[0];

/** PD's answer as the client decodes it: text -> complete list (or the error). */
function answer(text: string, includesTombstones = true): PdResult<StoreList> {
  const body = parseBody(text);
  const d = body.ok ? decodeStoreList(body.value, includesTombstones) : body;
  return d.ok ? d : { ok: false, error: { kind: 'decode', message: d.error } };
}
const stores = (specs: StoreSpec[]) => answer(storesBody(specs));
const summary = (m: HostState[]) => m.map((x) => [x.host?.name ?? null, x.kind, x.store?.id ?? null, stateLabel(x)]);
const reason = (m: HostMatch) => (m.kind === 'unknown' || m.kind === 'ambiguous' ? render(m.reason, 'en') : '');
const TIKV = (id: string, address: string): StoreSpec => ({ id, address, tiflash: false });

describe('store matching against the shared answers', { skip: SKIP_WITHOUT_SHARED }, () => {
  const read = (name: string, all: boolean) => answer(fs.readFileSync(path.join(pdFixtures, name), 'utf8'), all);

  it('matches by flash_service_port; absence is unknown from the default list (it hides Tombstones)', () => {
    const m = matchStores(hosts(), read('stores.json', false));
    assert.deepEqual(summary(m), [
      ['192.168.0.11', 'store', '53', 'Up'],
      ['TiFlash12-1', 'store', '54', 'Offline'],
      ['TiFlash12-2', 'unknown', null, 'Unknown'],
      ['192.168.0.13', 'unknown', null, 'Unknown'],
    ]);
    assert.match(reason(m[3] as HostMatch), /without Tombstone stores/);
  });

  it('calls a host absent from the complete list, and sees the Tombstone', () => {
    assert.deepEqual(summary(matchStores(hosts(), read('stores.after-tombstone.all-states.json', true))), [
      ['192.168.0.11', 'store', '53', 'Up'],
      ['TiFlash12-1', 'store', '54', 'Tombstone'],
      ['TiFlash12-2', 'absent', null, 'NotInPd'],
      ['192.168.0.13', 'absent', null, 'NotInPd'],
    ]);
  });
});

describe('absence is a fact only when PD said so', () => {
  it('makes every host unknown when the answer is {}, a null list, not a list, or a count that disagrees', () => {
    for (const text of ['{}', '{"count":0,"stores":null}', '{"count":1,"stores":"x"}', '{"count":2,"stores":[]}', '', '<html>502</html>']) {
      const m = matchStores(hosts(), answer(text));
      assert.deepEqual(
        m.map((x) => x.kind),
        ['unknown', 'unknown', 'unknown', 'unknown'],
        text,
      );
      assert.ok(m.every((x) => stateLabel(x) === 'Unknown'));
    }
    assert.match(reason(matchHost(h11(), answer('{}'))), /no "stores" list .*: \{\}/, "PD's answer is quoted");
  });

  it('makes absence unknown when any store address does not parse (a space, a leading-zero port, no port)', () => {
    for (const bad of ['192.168.0.13 :3930', '192.168.0.13:03930', '192.168.0.13', ' 192.168.0.13:3930']) {
      const m = matchHost(
        hosts()[3],
        stores([
          { id: '53', address: '192.168.0.11:3930' },
          { id: '70', address: bad },
        ]),
      );
      assert.equal(m.kind, 'unknown', bad);
      assert.match(reason(m), /store 70 has the address .* which is not host:port/);
      assert.equal(
        matchHost(
          h11(),
          stores([
            { id: '53', address: '192.168.0.11:3930' },
            { id: '70', address: bad },
          ]),
        ).kind,
        'store',
        'a store found at its address stands',
      );
    }
    const tikvBad = matchHost(hosts()[3], stores([TIKV('1', 'tikv 1:20160')]));
    assert.equal(tikvBad.kind, 'unknown', 'any engine: the label is only a label');
  });

  it('makes absence unknown when a TiFlash store names a host instead of an IP', () => {
    const m = matchHost(hosts()[3], stores([{ id: '70', address: 'tiflash-13.example:3930' }]));
    assert.match(reason(m), /TiFlash store 70 has the address tiflash-13\.example:3930, a host name/);
    assert.equal(matchHost(hosts()[3], stores([TIKV('1', 'tikv-1.example:20160')])).kind, 'absent', 'a TiKV store on a name cannot be a TiFlash host');
  });

  it('never matches by prefix or by another port, and equates spellings of one IPv6', () => {
    const m = matchStores(
      hosts(),
      stores([
        { id: '1', address: '192.168.0.1:3930' },
        { id: '2', address: '192.168.0.11:39300' },
        { id: '3', address: '192.168.0.13:20170' },
      ]),
    );
    assert.deepEqual(
      m.slice(0, 4).map((x) => x.kind),
      ['absent', 'absent', 'absent', 'absent'],
    );
    const v6 = tiflashHosts(parseInventory('[tiflash_servers]\nt1 ansible_host=2001:db8::1\n'));
    assert.equal(matchHost(v6[0], stores([{ id: '9', address: '[2001:DB8:0:0::1]:3930' }])).store?.id, '9');
  });

  it('does not call a host written as a name absent (which IP it names is not known)', () => {
    const named = tiflashHosts(parseInventory('[tiflash_servers]\ntiflash-1.example\n'));
    assert.match(reason(matchHost(named[0], stores([]))), /not an IP: which PD store is its cannot be known/);
    assert.equal(matchHost(named[0], stores([{ id: '9', address: 'TIFLASH-1.example:3930' }])).store?.id, '9');
  });

  it('makes every host unknown (never absent) when PD could not be read', () => {
    const m = matchStores(hosts(), { ok: false, error: { kind: 'unreachable', message: { id: 'pd.notRead', args: {} } } });
    assert.deepEqual(
      m.map((x) => x.kind),
      ['unknown', 'unknown', 'unknown', 'unknown'],
    );
  });
});

describe('which store when several share an address', () => {
  it('prefers the live record over old Tombstones, else the newest id (numerically, even past 2^53)', () => {
    const picked = (...list: { id: string; state?: 2 }[]) => matchHost(h11(), stores(list.map((x) => ({ ...x, address: '192.168.0.11:3930' })))).store?.id;
    assert.equal(picked({ id: '3', state: 2 }, { id: '9' }, { id: '12', state: 2 }), '9');
    assert.equal(picked({ id: '9007199254740993', state: 2 }, { id: '9007199254740992', state: 2 }), '9007199254740993');
    assert.equal(picked({ id: '100', state: 2 }, { id: '99', state: 2 }), '100');
  });

  it('treats a physically destroyed store as gone, like a Tombstone', () => {
    const m = matchHost(
      h11(),
      stores([
        { id: '3', address: '192.168.0.11:3930', state: 1, extra: { physically_destroyed: true } },
        { id: '4', address: '192.168.0.11:3930' },
      ]),
    );
    assert.equal(m.store?.id, '4');
    assert.equal(
      stateLabel({
        kind: 'store',
        host: h11(),
        store: matchHost(h11(), stores([{ id: '3', address: '192.168.0.11:3930', state: 1, extra: { physically_destroyed: true } }])).store!,
      }),
      'Tombstone',
    );
  });

  it('reports two live stores on one address as ambiguous, naming both (a TiKV id one below a TiFlash id included)', () => {
    const m = matchHost(h11(), stores([{ id: '9007199254740993', address: '192.168.0.11:3930' }, TIKV('9007199254740992', '192.168.0.11:3930')]));
    assert.equal(m.kind, 'ambiguous');
    assert.deepEqual(m.kind === 'ambiguous' && m.stores.map((s) => s.id), ['9007199254740992', '9007199254740993']);
    assert.match(reason(m), /several live stores have the address 192\.168\.0\.11:3930: 9007199254740992, 9007199254740993/);
    assert.equal(stateLabel(m), 'Unknown');
  });

  it('plans no delete from an ambiguous or unknown answer', () => {
    const rules = [{ groupId: 'tiflash', id: 'table-1-r', role: 'learner', count: 1, labelConstraints: [] }];
    const cases = [
      stores([
        { id: '53', address: '192.168.0.11:3930' },
        { id: '60', address: '192.168.0.11:3930' },
        { id: '54', address: '192.168.0.12:3930' },
      ]),
      stores([
        { id: '54', address: '192.168.0.12:3930' },
        { id: '70', address: '192.168.0.11 :3930' },
      ]),
      stores([
        { id: '54', address: '192.168.0.12:3930' },
        { id: '71', address: '192-168-0-11.example:3930' },
      ]),
    ];
    for (const c of cases) {
      assert.ok(c.ok);
      const p = planScaleIn({ inventory, host: '192.168.0.11', pd: { stores: c, rules: { ok: true, value: { enabled: true, rules } } } });
      assert.equal(p.steps.length, 0);
      assert.ok(p.blocked.length && /^(ambiguous-store|pd-unknown)$/.test(p.blocked[0].check), p.blocked[0]?.check);
    }
    const named = stores([
      { id: '53', address: '192.168.0.11:3930', state: null, stateName: 'Tombstone' },
      { id: '54', address: '192.168.0.12:3930' },
    ]);
    assert.ok(named.ok);
    assert.ok(
      !planScaleIn({ inventory, host: '192.168.0.11', pd: { stores: named, rules: { ok: true, value: { enabled: true, rules: [] } } } }).steps.some(
        (s) => s.kind === 'pd',
      ),
      'a Tombstone by name only is never deleted again',
    );
  });
});

describe('matching at scale and in any order', () => {
  // SKIP_TIMING (npm run mutate): under mutation instrumentation a timing ratio measures the instrumentation
  const timing = { skip: process.env.SKIP_TIMING ? 'SKIP_TIMING is set' : false };
  it('is linear: 10,000 stores on one address, and 10,000 hosts against 10,000 stores', timing, () => {
    const tombstones = stores(Array.from({ length: 10_000 }, (_, i) => ({ id: String(i + 1), address: '192.168.0.11:3930', state: 2 as const })));
    assert.equal(matchHost(h11(), tombstones).store?.id, '10000');
    const ips = Array.from({ length: 10_000 }, (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    // hosts made directly (the inventory parser is not what is measured here)
    const many = ips.map((ip) => ({ ...h11(), name: ip, address: ip }));
    const body = stores(ips.map((ip, i) => ({ id: String(i + 1), address: `${ip}:3930` })));
    assert.equal(matchStores(many, body).filter((x) => x.kind === 'store').length, 10_000);
    // n hosts on one address against n stores there (live: ambiguous; Tombstones: the newest): quadratic
    // matching takes 100 times longer for 10 times more. The ratio is asserted, not a time (the machine
    // may be busy), with small and large runs interleaved so that both see the same load.
    const setup = (n: number, state: 0 | 2) => ({
      list: stores(Array.from({ length: n }, (_, i) => ({ id: String(i + 1), address: '192.168.0.11:3930', state }))),
      hostsThere: Array.from({ length: n }, (_, i) => ({ ...h11(), name: `t${i}` })),
    });
    for (const state of [0, 2] as const) {
      const small = setup(1_000, state);
      const big = setup(10_000, state);
      const time = ({ list, hostsThere }: ReturnType<typeof setup>) => {
        const started = performance.now();
        const m = matchStores(hostsThere, list);
        assert.equal(m.filter((x) => x.kind === (state ? 'store' : 'ambiguous')).length, hostsThere.length);
        return performance.now() - started;
      };
      const t = { small: Infinity, big: Infinity };
      for (let k = 0; k < 5; k++) {
        t.small = Math.min(t.small, time(small));
        t.big = Math.min(t.big, time(big));
      }
      assert.ok(t.big < 40 * Math.max(t.small, 0.5), `state ${state}: 1,000: ${t.small.toFixed(1)} ms, 10,000: ${t.big.toFixed(1)} ms`);
    }
  });

  it('gives the same answer whatever order PD lists the stores in', () => {
    const specs: StoreSpec[] = [
      { id: '53', address: '192.168.0.11:3930' },
      { id: '54', address: '192.168.0.12:3930', state: 1 },
      { id: '40', address: '192.168.0.12:3930', state: 2 },
      { id: '61', address: '192.168.0.19:3930', state: 2 },
      { id: '62', address: '192.168.0.20:3930' },
      TIKV('1', '192.168.0.3:20160'),
      { id: '80', address: 'bad address' },
      { id: '81', address: 'also bad' },
    ];
    const expected = matchStores(hosts(), stores(specs));
    const rng = new Rng(7);
    for (let k = 0; k < 30; k++) {
      const shuffled = [...specs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      assert.deepEqual(matchStores(hosts(), stores(shuffled)), expected);
    }
    assert.deepEqual(
      expected.slice(4).map((x) => x.store?.id),
      ['61', '62', '80', '81'],
      'stores the inventory lacks, by id',
    );
    assert.match(reason(expected[3] as HostMatch), /store 80/, 'the doubt of the lowest id, not of whichever came first');
  });
});

describe('hosts and stores the matcher cannot place', () => {
  const at = (address: string, name = address) => ({ ...h11(), name, address });

  it("writes a host's store address as PD does, IPv6 in brackets once", () => {
    assert.equal(storeAddress(at('192.168.0.11')), '192.168.0.11:3930');
    assert.equal(storeAddress(at('2001:db8::1')), '[2001:db8::1]:3930');
    assert.equal(storeAddress(at('[2001:db8::1]')), '[2001:db8::1]:3930');
  });

  it('calls a host whose address is neither an IP nor a name unknown, naming it, and still lists the orphans', () => {
    const bad = at('10.0.0.1;rm', 'tiflash-x');
    const list = stores([{ id: '53', address: '192.168.0.11:3930' }]);
    assert.equal(reason(matchHost(bad, list)), 'tiflash-x has the address 10.0.0.1;rm, which is not an IP address or host name');
    assert.deepEqual(summary(matchStores([bad], list)), [
      ['tiflash-x', 'unknown', null, 'Unknown'],
      [null, 'orphan', '53', 'Up'],
    ]);
  });

  it("names the host and its address when a host name's store cannot be known", () => {
    assert.equal(
      reason(matchHost(at('tiflash-9.example', 'tf9'), stores([]))),
      'tf9 has the address tiflash-9.example, which is not an IP: which PD store is its cannot be known',
    );
  });

  it('quotes at most ten ids of the live stores sharing an address', () => {
    const m = matchHost(h11(), stores(Array.from({ length: 12 }, (_, i) => ({ id: String(i + 1), address: '192.168.0.11:3930' }))));
    assert.equal(m.kind === 'ambiguous' && m.stores.length, 12);
    assert.match(reason(m), /: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\. Nothing acts/);
  });

  it('lists a TiFlash store with a bad address as an orphan, a TiKV one not', () => {
    const m = matchStores([], stores([TIKV('1', 'tikv 1:20160'), { id: '70', address: 'tiflash 70:3930' }]));
    assert.deepEqual(summary(m), [[null, 'orphan', '70', 'Up']]);
  });

  it('keeps "the list hides Tombstones" as the reason even when a store address is also bad', () => {
    const m = matchHost(hosts()[3], answer(storesBody([{ id: '70', address: 'bad address' }]), false));
    assert.match(reason(m), /without Tombstone stores/);
  });
});

describe('the store index', () => {
  const tomb = (id: string) => ({ id, address: '192.168.0.11:3930', state: 2 as const });

  it('picks the newest Tombstone whatever order the candidates come in', () => {
    const list = stores([tomb('9'), tomb('5'), tomb('7')]);
    assert.ok(list.ok);
    assert.equal(pickStore(list.value.stores)?.id, '9');
    assert.equal(pickStore([...list.value.stores].reverse())?.id, '9');
  });

  it('is built once per list, keeps unparsed stores by id, and has nothing at an unknown address', () => {
    const list = stores([{ id: '81', address: 'bad 81' }, { id: '80', address: 'bad 80' }, tomb('3')]);
    assert.ok(list.ok);
    const index = StoreIndex.of(list.value);
    assert.equal(StoreIndex.of(list.value), index);
    assert.deepEqual(
      index.unparsed.map((s) => s.id),
      ['80', '81'],
    );
    assert.deepEqual(index.at({ kind: 'ipv4', key: '192.168.0.99' }, 3930), { all: [], live: [] });
    assert.deepEqual(
      index.at({ kind: 'ipv4', key: '192.168.0.11' }, 3930).all.map((s) => s.id),
      ['3'],
    );
  });
});
