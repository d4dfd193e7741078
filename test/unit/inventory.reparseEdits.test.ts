// The incremental re-parse against a full parse, exhaustively over small inventories: every edit kind an
// editor makes (typing, Enter, a deleted line, a multi-line paste, a header typed or broken, a line moved,
// the end of the file cut, CRLF <-> LF, a BOM) at every line. And an edit inside host lines is followed, not
// re-read: the lines above it keep their parsed objects.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { modelView } from '../support/genInventory';

const BASES = [
  '[tiflash_servers]\n10.0.0.1\ntf2 ansible_host=10.0.0.1 tcp_port=9001\n\n[monitored_servers]\n10.0.0.1\n[tikv_servers]\n10.0.0.[1:2]\n[all:vars]\nx = 1\n',
  '10.0.0.9\n# top\n[a]\n10.0.0.1\n; note\n[b:children]\na\n[a:vars]\nk=v\n[c]\n10.0.0.1 k=2\n10.0.0.3',
  '\ufeff[tiflash_servers]\r\n10.0.0.1\r\n10.0.0.2 data_dir=/d1\r\n[monitored_servers]\r\n10.0.0.1\r\n',
  // an invalid header hides the lines below it from Ansible; a line Python splits in two
  '[tiflash_servers]\n10.0.0.1\n[broken\n10.0.0.2\n10.0.0.3\n[monitored_servers]\n10.0.0.1\n',
  '[tiflash_servers]\n10.0.0.1\f10.0.0.2\n10.0.0.3\n10.0.0.4\n',
];

/** Replacements for line i: typing on it, commenting it out, turning it into a header, a var line or a range. */
const LINE_EDITS: ((l: string) => string)[] = [
  (l) => `${l} tcp_port=9002`,
  (l) => `# ${l}`,
  (l) => l.replace(/^[#;] ?/, ''),
  () => '[tiflash_servers]',
  () => '[new_group',
  () => '[a:vars]',
  () => 'k=v2',
  () => '10.0.0.[4:5]',
  () => 'tf2 ansible_host=10.0.0.2',
  () => '10.0.0.1\f10.0.0.4',
  () => '',
];
/** Blocks inserted before line i: Enter, a host, a pasted block, a header. */
const INSERTS: string[][] = [
  [''],
  ['10.0.0.7'],
  ['', 'tf9 ansible_host=10.0.0.1 tcp_port=9003', '10.0.0.8'],
  ['[tiflash_servers]'],
  ['[broken'],
  ['# c', '10.0.0.1'],
];

function* editsOf(text: string): Generator<[string, string]> {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const join = (ls: string[]) => ls.join(eol);
  for (let i = 0; i < lines.length; i++) {
    for (const [k, f] of LINE_EDITS.entries()) yield [`line ${i} edit ${k}`, join(lines.map((l, j) => (j === i ? f(l) : l)))];
    yield [`delete ${i}`, join(lines.filter((_, j) => j !== i))];
    yield [`delete ${i}-${i + 1}`, join(lines.filter((_, j) => j !== i && j !== i + 1))];
    yield [`cut from ${i}`, join(lines.slice(0, i))];
    for (const [k, block] of INSERTS.entries()) yield [`insert ${k} at ${i}`, join([...lines.slice(0, i), ...block, ...lines.slice(i)])];
    for (let j = 0; j < lines.length; j++) {
      if (j === i) continue;
      const moved = lines.filter((_, n) => n !== i);
      moved.splice(j, 0, lines[i]);
      yield [`move ${i} to ${j}`, join(moved)];
    }
  }
  yield ['append', `${text}${eol}10.0.0.6`];
  yield ['to CRLF', text.replace(/\r?\n/g, '\r\n')];
  yield ['to LF', text.replace(/\r\n/g, '\n')];
  yield ['BOM toggled', text.startsWith('\ufeff') ? text.slice(1) : `\ufeff${text}`];
  yield ['same', text];
}

describe('incremental parse, every edit at every line', () => {
  for (const [n, base] of BASES.entries()) {
    it(`equals a full parse (inventory ${n + 1}), and chains of two edits too`, () => {
      const prev = parseInventory(base);
      modelView(prev);
      for (const [what, text] of editsOf(base)) {
        const next = parseInventory(text, prev);
        const view = modelView(next);
        assert.deepStrictEqual(view, modelView(parseInventory(text)), what);
        if (text === base) assert.equal(next, prev, 'the same text is the same model');
        // a second edit from the re-read model (what the editor does on the next keystroke)
        const [what2, text2] = editsOf(text).next().value as [string, string];
        assert.deepStrictEqual(modelView(parseInventory(text2, next)), modelView(parseInventory(text2)), `${what}, then ${what2}`);
      }
    });
  }
});

describe('what an edit inside host lines keeps', () => {
  const base = BASES[0];
  const lines = base.split('\n');
  const prev = parseInventory(base);
  const variants: [string, string][] = [
    ['typing on the last TiFlash line', lines.map((l, j) => (j === 2 ? `${l} http_port=8124` : l)).join('\n')],
    ['Enter between two TiFlash lines', [...lines.slice(0, 2), '', ...lines.slice(2)].join('\n')],
    ['a host added to [monitored_servers]', [...lines.slice(0, 6), '10.0.0.2', ...lines.slice(6)].join('\n')],
    ['a TiFlash line deleted', lines.filter((_, j) => j !== 2).join('\n')],
  ];
  for (const [what, text] of variants) {
    it(`${what}: the lines above keep their objects`, () => {
      const next = parseInventory(text, prev);
      assert.equal(next.hostLines[0], prev.hostLines[0]);
      // a host line below the edit is carried over (moved), not read again
      assert.equal(next.hostLines.at(-1)?.vars, prev.hostLines.at(-1)?.vars);
      assert.deepStrictEqual(modelView(next), modelView(parseInventory(text)));
    });
  }
  it('typing on a line moves nothing: the sections and :vars lines are the same arrays', () => {
    const next = parseInventory(variants[0][1], prev);
    assert.equal(next.sections, prev.sections);
    assert.equal(next.groupVarLines, prev.groupVarLines);
  });

  it('an edit of the ungrouped lines right above the first header is followed too', () => {
    const top = BASES[1];
    const before = parseInventory(top);
    const next = parseInventory(top.replace('# top\n', '10.0.0.5\n'), before);
    assert.equal(next.hostLines[0], before.hostLines[0]);
    assert.deepStrictEqual(modelView(next), modelView(parseInventory(top.replace('# top\n', '10.0.0.5\n'))));
  });

  it('a CRLF <-> LF change or a BOM is read again from the start', () => {
    for (const text of [base.replace(/\n/g, '\r\n'), `\ufeff${base}`]) {
      const next = parseInventory(text, prev);
      assert.notEqual(next.hostLines[0], prev.hostLines[0]);
      assert.deepStrictEqual(modelView(next), modelView(parseInventory(text)));
    }
  });
});
