// Generated PD answers (well-formed lists, odd ids, addresses and states, random JSON, truncated and
// mutated bodies, deep nesting, garbage) through the JSON reader, the decoder and the matching:
// nothing throws, every id is one the body spelled out, and a host is called absent only when an
// independent reading (JSON.parse and the URL parser) agrees that the body is a complete list with
// no store at that address. Seeded; FUZZ_ITERATIONS (default 5000) and FUZZ_SEED for longer runs.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { parseInventory } from '../../src/core/inventory/parse';
import { decodeStoreList, parseBody } from '../../src/core/pd/decode';
import { readJson } from '../../src/core/pd/json';
import { matchStores } from '../../src/core/pd/match';
import { parseStoreId, type StoreList } from '../../src/core/pd/types';
import type { PdResult } from '../../src/core/pd/http';
import { Rng } from '../support/random';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS) || 5000;
const SEED = Number(process.env.FUZZ_SEED) || 20240613;

const HOSTS = tiflashHosts(
  parseInventory('[tiflash_servers]\n10.0.0.1\n10.0.0.2\nt3 ansible_host=10.0.0.3 flash_service_port=3931\nt6 ansible_host=2001:db8::6\n'),
);
const U64 = (1n << 64n) - 1n;

const VALID_IDS = (rng: Rng) => [
  () => String(rng.int(200) + 1),
  () => String(2n ** 53n + BigInt(rng.int(5)) - 2n),
  () => String(U64 - BigInt(rng.int(3))),
  () => `"${rng.int(200) + 1}"`,
];

const ID_TOKENS = (rng: Rng, sane: boolean): string =>
  rng.pick([
    ...VALID_IDS(rng),
    ...(sane
      ? []
      : [
          () => String(U64 + 1n),
          () =>
            rng.pick([
              '0',
              '-1',
              '-0',
              '1.5',
              '61.0',
              '1e21',
              '6.1e1',
              '1E2',
              '"061"',
              '" 61"',
              '"6.1e1"',
              'null',
              'true',
              '[]',
              '{}',
              '""',
              '99999999999999999999999',
            ]),
        ]),
  ])();

const ADDRESSES = (rng: Rng, sane: boolean): string => {
  const host = rng.pick(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '[2001:db8::6]', '[2001:DB8:0:0::6]', '[::ffff:10.0.0.1]', '[::ffff:a00:2]']);
  if (sane) return `${host}:${rng.pick(['3930', '3931', '20170'])}`;
  const port = rng.pick(['3930', '3931', '20170', '03930', '+3930', '3930 ', '']);
  return rng.pick([
    () => `${host}:${port}`,
    () => `${host}:3930`,
    () =>
      rng.pick([
        '10.0.0.1 :3930',
        ' 10.0.0.2:3930',
        '010.0.0.1:3930',
        '10.0.0.01:3930',
        '10.0.0:3930',
        'tiflash-1:3930',
        'TIFLASH.example:3930',
        '10.0.0.1',
        '10.0.0.1:3930/x',
        'http://10.0.0.1:3930',
        '[2001:db8::6%eth0]:3930',
        '2001:db8::6:3930',
        '10.0.0.1:99999',
        '\u00a010.0.0.1:3930',
        '',
      ]),
  ])();
};

const STATES = (rng: Rng, sane: boolean): string[] => {
  if (sane) {
    const [code, name] = rng.pick([
      [undefined, 'Up'],
      ['1', 'Offline'],
      ['2', 'Tombstone'],
      [undefined, 'Tombstone'],
      [undefined, 'Disconnected'],
      ['2', undefined],
      ['0', 'Down'],
    ]);
    return [...(code !== undefined ? [`"state": ${code}`] : []), ...(name !== undefined ? [`"state_name": "${name}"`] : [])];
  }
  const code = rng.pick([undefined, '0', '1', '2', '3', '"1"', '1.0', 'null']);
  const name = rng.pick([undefined, 'Up', 'Offline', 'Tombstone', 'Disconnected', 'Down', 'Removed', 'Serving', 'Gone', '']);
  return [...(code !== undefined ? [`"state": ${code}`] : []), ...(name !== undefined ? [`"state_name": ${JSON.stringify(name)}`] : [])];
};

/** One `{store, status}`; a sane one is valid PD output (still with odd ids, spellings and states). */
function storeEntry(rng: Rng, sane: boolean): string {
  const fields = [`"id": ${ID_TOKENS(rng, sane)}`, `"address": ${JSON.stringify(ADDRESSES(rng, sane))}`, ...STATES(rng, sane)];
  const labels = rng.pick([
    '[{"key": "engine", "value": "tiflash"}]',
    '[{"key": "engine", "value": "tiflash"}]',
    '[]',
    undefined,
    ...(sane ? [] : ['[{"key": "engine"}]', '"engine=tiflash"', '[{"key": "engine", "value": "tiflash"}, {"key": "engine", "value": "tikv"}]']),
  ]);
  if (labels) fields.push(`"labels": ${labels}`);
  if (rng.chance(0.2)) fields.push(`"physically_destroyed": ${rng.pick(['true', 'false', '"true"'])}`);
  const status = rng.chance(0.8)
    ? `, "status": {"region_count": ${rng.pick(['0', '12', ...(sane ? [] : ['-1', '1.5', '"3"', '9007199254740993'])])}, "capacity": "1TiB"}`
    : '';
  for (let i = fields.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [fields[i], fields[j]] = [fields[j], fields[i]];
  }
  return `{"store": {${fields.join(rng.pick([', ', ',', ',\n  ']))}}${status}}`;
}

function storeList(rng: Rng): string {
  const sane = rng.chance(0.7);
  const entries = Array.from({ length: rng.int(8) }, () => storeEntry(rng, sane && rng.chance(0.95)));
  const count = rng.chance(0.85) ? entries.length : entries.length + rng.pick([-1, 1, 2]);
  const list = rng.chance(0.05) ? 'null' : `[${entries.join(', ')}]`;
  const parts = [...(rng.chance(0.95) ? [`"count": ${count}`] : []), ...(rng.chance(0.97) ? [`"stores": ${list}`] : [])];
  return `{${(rng.chance(0.5) ? parts : parts.reverse()).join(', ')}}`;
}

function randomJson(rng: Rng, depth = 0): string {
  const k = rng.int(depth > 4 ? 4 : 7);
  if (k === 0) return rng.pick(['null', 'true', 'false', '0', '-12.5e3', '18446744073709551616', '"x"', '"\\u00e9\\n"']);
  if (k === 1) return JSON.stringify(rng.pick(['stores', 'count', '', '__proto__', 'a"b']));
  if (k === 2) return String(rng.int(1e6));
  if (k === 3) return `"${'s'.repeat(rng.int(20))}"`;
  if (k === 4) return `[${Array.from({ length: rng.int(4) }, () => randomJson(rng, depth + 1)).join(',')}]`;
  const member = (i: number) => `"${rng.pick(['stores', 'count', 'store', 'id', 'k'])}${i}": ${randomJson(rng, depth + 1)}`;
  return `{${Array.from({ length: rng.int(4) }, (_, i) => member(i)).join(',')}}`;
}

function mutate(rng: Rng, text: string): string {
  const chars = [...text];
  for (let n = rng.int(3) + 1; n > 0; n--) {
    const at = rng.int(chars.length + 1);
    const op = rng.int(3);
    const c = rng.pick(['"', ',', '{', '}', '[', ']', ':', '0', '9', '.', '-', 'e', ' ', '\\', '\u0000', '\u2028', 'é']);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, c);
    else chars[at] = c;
  }
  return chars.join('');
}

function answerText(rng: Rng): string {
  switch (rng.int(8)) {
    case 0:
      return randomJson(rng);
    case 1: {
      const t = storeList(rng);
      return t.slice(0, rng.int(t.length));
    }
    case 2:
      return mutate(rng, storeList(rng));
    case 3: {
      const n = 1000 + rng.int(100_000);
      return rng.chance(0.5) ? '['.repeat(n) + ']'.repeat(rng.int(n)) : '{"stores":'.repeat(n) + '[]' + '}'.repeat(n);
    }
    case 4:
      return Array.from({ length: rng.int(64) }, () => String.fromCharCode(rng.int(0x3000))).join('');
    default:
      return storeList(rng);
  }
}

/** Every id token the body spells (`"id": 61` or `"id": "61"`), as text. */
const idTokens = (text: string) => new Set([...text.matchAll(/"id"\s*:\s*"?([0-9]+)"?/g)].map((m) => m[1]));

/** An independent reading: is this a complete list with no store at `host:port`, by JSON.parse and the URL parser? */
function independentlyAbsent(text: string, address: string, port: number): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  const o = body as { count?: unknown; stores?: unknown };
  if (!o || typeof o !== 'object' || !Array.isArray(o.stores) || o.count !== o.stores.length) return false;
  const want = new URL(`http://${address.includes(':') ? `[${address}]` : address}:${port}`).host;
  return o.stores.every((e: { store?: { address?: unknown } }) => {
    const a = e?.store?.address;
    if (typeof a !== 'string') return false;
    try {
      return new URL(`http://${a}`).host !== want;
    } catch {
      return false;
    }
  });
}

describe('PD answers fuzzed', () => {
  it(`${ITERATIONS} generated answers (seed ${SEED}): no throw, exact ids, "absent" only from a complete list`, () => {
    const rng = new Rng(SEED);
    let absent = 0;
    let decoded = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const text = answerText(rng);
      const includesTombstones = rng.chance(0.9);
      const where = `iteration ${i} (FUZZ_SEED=${SEED}): ${JSON.stringify(text.slice(0, 300))}`;
      try {
        readJson(text);
        const body = parseBody(text);
        const list = body.ok ? decodeStoreList(body.value, includesTombstones) : body;
        const answer: PdResult<StoreList> = list.ok ? list : { ok: false, error: { kind: 'decode', message: list.error } };
        if (list.ok) {
          decoded++;
          const tokens = idTokens(text);
          for (const s of list.value.stores) {
            assert.equal(parseStoreId(s.id), s.id, `${where}: id ${s.id} is not an exact u64 decimal`);
            assert.ok(tokens.has(s.id), `${where}: id ${s.id} is not spelled in the body`);
          }
        }
        for (const m of matchStores(HOSTS, answer)) {
          if (m.kind !== 'absent') continue;
          absent++;
          assert.ok(includesTombstones, `${where}: absent from a list without Tombstones`);
          assert.ok(independentlyAbsent(text, m.host.address, m.host.ports.flash_service_port), `${where}: ${m.host.name} called absent`);
        }
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        assert.fail(`${where}: threw ${(e as Error).stack}`);
      }
    }
    // the generator must reach the interesting cases, or the properties prove little
    assert.ok(decoded > ITERATIONS / 10, `only ${decoded} answers decoded`);
    assert.ok(absent > 0, 'no answer was ever absent');
  });
});
