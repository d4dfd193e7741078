// Value typing must agree with Python's ast.literal_eval, which Ansible applies to every INI value.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { pyLiteral } from '../../src/core/inventory/pyLiteral';
import { Rng } from '../support/random';

const SAMPLES = [
  '0', '7', '-5', '+3', '--2', '01', '00', '0x1F', '0o17', '0b101', '1_000', '1__0', '1.5', '.5', '1.', '1e3', '1E-2', '1e', '1j', '12abc',
  'True', 'False', 'None', 'true', 'True1', 'True.x', 'TrueFalse', 'none', '"admin"', "'x y'", '""', "''", '"a" \'b\'', '"tab\\there"', 'r"raw\\n"',
  'b"bytes"', 'u"uni"', '"\\u00e9"', '"\\x41"', '"\\q"', '[1, "two", 3.0]', '[]', '[1,]', '(1, 2)', '()', '{"a": 1}', '{}', '{1: 2}', '{"a": [True, None]}',
  '1, 2', '1,', '{"a"}', '[1, 2', '/home/tidb/deploy', 'v4.0.9', '192.168.0.1', 'a=b=c', 'value # comment', '42 # comment', '# only', '',
  'http://x:80/y', '集群', '"集群"', ' 5', '\t6', '5 ', 'inf', 'nan', '-True', '[1, [2, [3]]]', '1 2', '"a"b', 'Truee',
];

describe('pyLiteral vs ast.literal_eval', () => {
  it('types the same as Python on hand-picked and generated values', async () => {
    const rng = new Rng(7);
    const alphabet = ['0', '1', '9', '.', 'e', '-', '+', '_', 'x', '"', "'", '[', ']', '(', ')', '{', '}', ',', ':', ' ', 'T', 'rue', 'None', 'a', '#', '\\', 'j'];
    const generated = Array.from({ length: 400 }, () => Array.from({ length: 1 + rng.int(6) }, () => rng.pick(alphabet)).join(''));
    const values = [...SAMPLES, ...generated];
    // Python prints each result as JSON (None -> null, tuples -> lists), or a marker when the value stays text
    const script = [
      'import ast, json, sys, warnings',
      'warnings.simplefilter("ignore")',
      'out = []',
      'for v in json.load(sys.stdin):',
      '    try:',
      '        r = ast.literal_eval(v)',
      '        json.dumps(r)',
      '        out.append({"v": r})',
      '    except Exception:',
      '        out.append({"text": True})',
      'print(json.dumps(out))',
    ].join('\n');
    const { stdout } = await execa('python3', ['-c', script], { input: JSON.stringify(values) });
    const expected = JSON.parse(stdout) as ({ v: unknown } | { text: true })[];
    const mismatches: string[] = [];
    values.forEach((v, i) => {
      const ours = pyLiteral(v);
      const want = 'v' in expected[i] ? expected[i].v : v;
      // complex numbers, sets and bytes cannot be JSON; Ansible would fail on them anyway: only compare what Python can print
      if (JSON.stringify(ours) !== JSON.stringify(want)) mismatches.push(`${JSON.stringify(v)}: ours ${JSON.stringify(ours)}, python ${JSON.stringify(want)}`);
    });
    assert.deepEqual(mismatches, []);
  });
});
