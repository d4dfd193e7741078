// Python's \N{name} escape and ours resolve every character name the same: the table written by
// unicodeNames.gen.py and the names computed by rule (CJK unified ideographs, Hangul syllables).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unicodeByName } from '../../src/core/inventory/unicodeNames';
import { runAnsiblePython } from '../support/ansible';

const NAMES = `
import ast, json, sys, unicodedata
names = [[unicodedata.name(chr(cp)), cp] for cp in range(0x110000) if unicodedata.name(chr(cp), None)]
# and what Python refuses: a lower-case computed name, a name with a trailing space, a named sequence
refused = ['cjk unified ideograph-4e00', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-A000', 'HANGUL SYLLABLE ga', 'BULLET ',
           'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'TANGUT IDEOGRAPH-17000', 'NO SUCH NAME']
for n in refused:
    try:
        ast.literal_eval("'\\\\N{" + n + "}'")
        raise SystemExit('Python accepts ' + n)
    except SyntaxError:
        pass
print(json.dumps({'names': names, 'refused': refused, 'version': unicodedata.unidata_version}))
`;

describe("Unicode names vs Python's unicodedata", () => {
  it('resolves every name Python has (any case for listed names), and refuses what Python refuses', async () => {
    const { names, refused } = await runAnsiblePython<{ names: [string, number][]; refused: string[] }>(NAMES, null);
    assert.ok(names.length > 130_000, `${names.length} names`);
    const wrong = names.filter(([name, cp]) => unicodeByName(name) !== cp).map(([name, cp]) => `${name}: ${unicodeByName(name)} for ${cp}`);
    assert.deepEqual(wrong.slice(0, 10), []);
    assert.equal(unicodeByName('latin small letter e with acute'), 0xe9);
    assert.equal(unicodeByName('Byte Order Mark'), 0xfeff, 'an alias');
    assert.deepEqual(
      refused.filter((n) => unicodeByName(n) !== undefined),
      [],
    );
  });
});
