// Value typing must agree with Ansible's own _parse_value (ast.literal_eval, then to_text), run by the
// Python that runs Ansible: the same value, the text kept as written, or the same rejection.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toJson } from '../../src/core/inventory/pyJson';
import { readLiteral } from '../../src/core/inventory/pyLiteral';
import { canonicalJson, runAnsiblePython } from '../support/ansible';
import { Rng } from '../support/random';

const SAMPLES = [
  '0',
  '7',
  '-5',
  '+3',
  '--2',
  '01',
  '00',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1__0',
  '1.5',
  '.5',
  '1.',
  '1e3',
  '1E-2',
  '1e',
  '1j',
  '12abc',
  'True',
  'False',
  'None',
  'true',
  'True1',
  'True.x',
  'TrueFalse',
  'none',
  '"admin"',
  "'x y'",
  '""',
  "''",
  '"a" \'b\'',
  '"tab\\there"',
  'r"raw\\n"',
  'b"bytes"',
  'u"uni"',
  '"\\u00e9"',
  '"\\x41"',
  '"\\q"',
  '[1, "two", 3.0]',
  '[]',
  '[1,]',
  '(1, 2)',
  '()',
  '{"a": 1}',
  '{}',
  '{1: 2}',
  '{"a": [True, None]}',
  '1, 2',
  '1,',
  '{"a"}',
  '[1, 2',
  '/home/tidb/deploy',
  'v4.0.9',
  '192.168.0.1',
  'a=b=c',
  'value # comment',
  '42 # comment',
  '# only',
  '',
  'http://x:80/y',
  '集群',
  '"集群"',
  ' 5',
  '\t6',
  '5 ',
  'inf',
  'nan',
  '-True',
  '[1, [2, [3]]]',
  '1 2',
  '"a"b',
  'Truee',
  // issue 12: parentheses, signs on them, bytes, octal and named escapes, integers past 2^53, a float past the largest
  '(7)',
  '-(1)',
  '- (1)',
  '-((1))',
  '(-(1))',
  '-(-1)',
  '+(True)',
  '-(1,)',
  '(1,)',
  '((1,))',
  '(((1)))',
  '[(1)]',
  "b'x'",
  "b'\\xff'",
  "b'\\xe4\\xb8\\xad'",
  "b'\\101'",
  "b'\\777'",
  "rb'\\x41'",
  "b'\\u0041'",
  "b'\\N{BULLET}'",
  "'a' b'x'",
  "b'\\xc3'",
  '"\\101"',
  '"\\1"',
  '"\\400"',
  '"\\08"',
  '"\\N{BULLET}"',
  '"\\N{bullet}"',
  '"\\N{NOPE}"',
  'r"\\N{BULLET}"',
  '"\\N{LATIN CAPITAL LETTER GHA}"',
  '"\\N{NUL}"',
  '"\\N{CJK UNIFIED IDEOGRAPH-4E00}"',
  '"\\N{CJK UNIFIED IDEOGRAPH-4e00}"',
  '"\\N{HANGUL SYLLABLE GAG}"',
  '"\\N{KHITAN SMALL SCRIPT CHARACTER-18B00}"',
  '"\\N{BULLET"',
  '"\\U0001F600"',
  '"\\U00110000"',
  '"\\x4"',
  '"\\ud800"',
  "'''a'''",
  '9007199254740993',
  '-9007199254740993',
  '9007199254740992',
  '123456789012345678901234567890',
  '0x1fffffffffffffffff',
  '1e400',
  '-1e400',
  '[1e400]',
  '1e16',
  '1e15',
  '0.1',
  '-0.0',
  '1e-7',
  '1e1_0',
  '09.5',
  '0_0',
  '0_7',
  '1' + '0'.repeat(4300),
  '1' + '0'.repeat(4299),
  // sets, complex numbers, Ellipsis: Ansible keeps Python objects the model shows as text
  '{1, 2}',
  'set()',
  '1+2j',
  '-1-2j',
  '1+-2j',
  '(1)+(2j)',
  '1+2j+3j',
  '-(1j)',
  '...',
  '[b"x"]',
  '{(1, 2): 3}',
  // dict keys: equal keys collapse, an unhashable one makes Ansible reject the inventory
  '{1: 2, 1.0: 3, True: 4}',
  '{None: 1, False: 2}',
  '{1: "x", "1": "y"}',
  '{"a": 1, "a": 2}',
  '{1.5: 1}',
  '{[1]: 2}',
  '{1, [2]}',
  '{(1, [2]): 3}',
  '{{}: 1}',
  '['.repeat(200) + ']'.repeat(200),
  '['.repeat(201) + ']'.repeat(201),
  '-'.repeat(2000) + '1',
  '-'.repeat(3100) + '1',
  '~'.repeat(3100) + '1',
  '-'.repeat(7000) + ')',
];

/** Ansible's own reading of each value, run by Ansible's Python: its JSON as ansible-inventory prints it, or why there is none. */
const ORACLE = `
import json, sys, warnings
warnings.simplefilter('ignore')
from ansible.plugins.inventory.ini import InventoryModule
out = []
for v in json.load(sys.stdin):
    try:
        r = InventoryModule._parse_value(v)
    except Exception as e:
        out.append({'reject': type(e).__name__})
        continue
    try:
        text = json.dumps(r, ensure_ascii=False)
    except (TypeError, ValueError):
        out.append({'opaque': True})
        continue
    out.append({'json': text.encode('utf-8', 'replace').decode('utf-8')})
print(json.dumps(out))
`;

type Answer = { reject: string } | { opaque: true } | { json: string };
const REJECTIONS: Record<string, string> = { TypeError: 'unhashable', RecursionError: 'tooDeep', MemoryError: 'tooDeep' };

describe("value typing vs Ansible's _parse_value", () => {
  it('types the same as Ansible on hand-picked and generated values', async () => {
    const rng = new Rng(7);
    const alphabet = [
      '0',
      '1',
      '9',
      '.',
      'e',
      '-',
      '+',
      '_',
      'x',
      '"',
      "'",
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      ',',
      ':',
      ' ',
      'T',
      'rue',
      'None',
      'a',
      '#',
      '\\',
      'j',
      'b',
      'set()',
      '\\N{BULLET}',
      '\\101',
      '~',
      '...',
      'r',
    ];
    const generated = Array.from({ length: 1500 }, () => Array.from({ length: 1 + rng.int(7) }, () => rng.pick(alphabet)).join(''));
    const values = [...SAMPLES, ...generated];
    const answers = await runAnsiblePython<Answer[]>(ORACLE, values);
    const ours = values.map((v) => readLiteral(v));
    // both JSON texts, made canonical by Python (exact integers, Infinity, key order)
    const pairs = values.flatMap((_v, i) => {
      const a = answers[i];
      const o = ours[i];
      return 'json' in a && o.ok ? [[a.json, toJson(o.value)]] : [];
    });
    const canonical = await canonicalJson(pairs.flat());
    let next = 0;
    const mismatches: string[] = [];
    values.forEach((v, i) => {
      const [a, o] = [answers[i], ours[i]];
      const show = (x: unknown) => JSON.stringify(x).slice(0, 120);
      if ('reject' in a) {
        if (o.ok || o.reject !== REJECTIONS[a.reject]) mismatches.push(`${show(v)}: Ansible rejects (${a.reject}), ours ${show(o)}`);
      } else if ('opaque' in a) {
        // a set, a complex number, ...: kept as written
        if (!o.ok || o.value !== v) mismatches.push(`${show(v)}: Ansible keeps a Python object, ours ${show(o)}`);
      } else if (!o.ok) {
        mismatches.push(`${show(v)}: Ansible reads ${a.json}, ours rejects (${o.reject})`);
      } else {
        const [theirs, mine] = [canonical[next], canonical[next + 1]];
        next += 2;
        if (theirs !== mine) mismatches.push(`${show(v)}: Ansible ${theirs}, ours ${mine}`);
      }
    });
    assert.deepEqual(mismatches, []);
  });
});
