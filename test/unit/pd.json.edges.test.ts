// The JSON reader at the edges of the grammar: near-JSON that a lenient reader would accept is refused (with
// the offset the operator is shown), what JSON allows is read, and previews keep within their bound.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_JSON_DEPTH, preview, readJson, type JsonNumber, type JsonValue } from '../../src/core/pd/json';

const read = (text: string): JsonValue => {
  const r = readJson(text);
  assert.ok(r.ok, `${JSON.stringify(text)}: ${r.ok ? '' : `${r.fault} at ${r.offset}`}`);
  return r.value;
};
const fault = (text: string) => {
  const r = readJson(text);
  assert.ok(!r.ok, `${JSON.stringify(text)} must be refused`);
  return `${r.fault} at ${r.offset}`;
};
/** Each text refused with the fault and offset given beside it. */
const refusedAt = (cases: [text: string, where: string][]) => {
  for (const [text, where] of cases) assert.equal(fault(text), where, JSON.stringify(text));
};

describe('JSON reader: the edges of the grammar', () => {
  it('reads fractions of several digits, and every blank JSON allows between tokens', () => {
    const v = read('[0.75,\r\n\t1.25 , -12.5e+3]');
    assert.deepEqual(
      (v as JsonNumber[]).map((n) => n.text),
      ['0.75', '1.25', '-12.5e+3'],
    );
  });

  it('refuses keys without their quote or colon, a value without its comma, and the wrong closing bracket', () => {
    refusedAt([
      ['{"a" 1}', 'syntax at 5'],
      ['{"a"=1}', 'syntax at 4'],
      ['{"a":1,"b" 2}', 'syntax at 11'],
      ['{a":1}', 'syntax at 1'],
      ['[1}', 'syntax at 2'],
      ['{"a":1]', 'syntax at 6'],
      ['[1 2]', 'syntax at 3'],
    ]);
  });

  it('refuses a misspelt word, a \\u escape without four hex digits, and a raw control character in a key (offset at the character)', () => {
    refusedAt([
      ['trUe', 'syntax at 0'],
      ['[nulL]', 'syntax at 1'],
      ['"\\uzzzz"', 'syntax at 1'],
      ['"\\u0zzz"', 'syntax at 1'],
      ['{"a\n}', 'syntax at 3'],
    ]);
  });

  it('reads exactly MAX_JSON_DEPTH levels of nesting and refuses one more at the bracket that passes it', () => {
    assert.ok(read('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)));
    assert.equal(fault('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)), `depth at ${MAX_JSON_DEPTH}`);
  });

  it('never throws, even when handed something that is not text', () => {
    assert.deepEqual(readJson(undefined as unknown as string), { ok: false, fault: 'syntax', offset: 0 });
  });

  it('previews a value exactly at its bound without cutting it, and one character more with a cut', () => {
    assert.equal(preview(read('"abc"'), 5), '"abc"');
    assert.equal(preview(read('"abcd"'), 5), '"abcd…');
  });
});
