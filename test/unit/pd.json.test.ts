// The JSON reader for PD's answers: exact number text, no exceptions, no recursion, no duplicate keys.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asCount, isArray, isObject, JsonNumber, preview, readJson, type JsonValue } from '../../src/core/pd/json';

const read = (text: string): JsonValue => {
  const r = readJson(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : `${r.fault} at ${r.offset}`}`);
  return r.value;
};

/** The reader's value as plain JS (numbers as their text), to compare with what JSON.parse sees. */
function plain(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return v.text;
  if (isArray(v)) return v.map(plain);
  if (isObject(v)) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  return v;
}

describe('JSON reader', () => {
  it('keeps the digits of every number: 2^53+1 and 2^64-1 stay exact', () => {
    const v = read('{"a": 9007199254740993, "b": [18446744073709551615, -0.5e-3, 0]}');
    assert.ok(isObject(v));
    assert.equal((v.get('a') as JsonNumber).text, '9007199254740993');
    assert.deepEqual(plain(v), { a: '9007199254740993', b: ['18446744073709551615', '-0.5e-3', '0'] });
    assert.equal(JSON.parse('9007199254740993'), 9007199254740992, 'what JSON.parse would have made of it');
  });

  it('reads strings with every escape, surrogate pairs and non-ASCII text', () => {
    assert.equal(read('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 存储"'), 'a"b\\c/d\b\f\n\r\té😀 存储');
  });

  it('agrees with JSON.parse on what PD sends', () => {
    const text = '{\n  "count": 2,\n  "stores": [\n    {"store": {"id": 1, "labels": [], "x": null, "y": true, "z": false}}, {}\n  ]\n}';
    assert.deepEqual(plain(read(text)), JSON.parse(text, (_k, v: unknown) => (typeof v === 'number' ? String(v) : v)) as unknown);
  });

  it('refuses what is not JSON, with the offset, and never throws', () => {
    for (const bad of [
      '',
      ' ',
      '{',
      '{"a"',
      '{"a":}',
      '[1,]',
      '[1 2]',
      '{"a":1,}',
      '01',
      '1.',
      '.5',
      '-',
      '+1',
      '1e',
      'NaN',
      'Infinity',
      'tru',
      'nul',
      "'a'",
      '"a',
      '"\\x"',
      '"\\u12"',
      '"a\nb"',
      '{"a":1}x',
      '{a:1}',
      '[]]',
      '{"a":1}}',
      '\u00a0[]',
      '[1]\u2028',
    ]) {
      const r = readJson(bad);
      assert.equal(r.ok, false, JSON.stringify(bad));
    }
    const r = readJson('{"count": 3, "stores": [');
    assert.ok(!r.ok && r.fault === 'syntax' && r.offset === 24);
  });

  it('refuses a repeated key instead of keeping one of the two', () => {
    const r = readJson('{"stores": [], "stores": null}');
    assert.ok(!r.ok && r.fault === 'duplicate-key');
    assert.ok(readJson('[{"a":1},{"a":2}]').ok, 'the same key in two objects is fine');
  });

  it('keeps __proto__ and constructor as plain keys', () => {
    const v = read('{"__proto__": {"polluted": 1}, "constructor": 2}');
    assert.ok(isObject(v) && isObject(v.get('__proto__')));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads 100,000 nested brackets without recursion: refused past the depth cap, quickly', () => {
    const started = Date.now();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = readJson(deep);
    assert.ok(!r.ok && r.fault === 'depth');
    const objects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    assert.ok(!readJson(objects).ok);
    assert.ok(readJson('['.repeat(200) + ']'.repeat(200)).ok, 'within the cap is fine');
    assert.ok(Date.now() - started < 2000);
  });

  it('counts are plain non-negative integers within 2^53', () => {
    const counts = (read('[0, 7, 1.0, 1e2, -1, 9007199254740993, "3"]') as JsonValue[]).map(asCount);
    assert.deepEqual(counts, [0, 7, undefined, undefined, undefined, undefined, undefined]);
  });

  it('previews a value within a bound, however large or deep', () => {
    const big = read(`[${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]`);
    const p = preview(big, 50);
    assert.ok(p.length <= 51 && p.startsWith('[0,1,2,') && p.endsWith('…'));
    assert.equal(preview(read('{"a":[1,{"b":"x"}],"c":null}')), '{"a":[1,{"b":"x"}],"c":null}');
  });
});
