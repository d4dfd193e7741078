// Hostile inventories never make the parser, the incremental re-parse, the validation or the edits throw,
// and a re-read model always equals a full parse. Seeded: a failure prints its seed and input.
// FUZZ_ITERATIONS=100000 (and FUZZ_SEED) for a longer run; the default keeps CI within ~30 s.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addHostLine, applyEdits, removeHost } from '../../src/core/inventory/edit';
import { MAX_RANGE_HOSTS, MAX_RANGES } from '../../src/core/inventory/hostPattern';
import { parseInventory } from '../../src/core/inventory/parse';
import { readLiteral } from '../../src/core/inventory/pyLiteral';
import type { Inventory, Problem } from '../../src/core/inventory/types';
import { CATALOG } from '../../src/core/l10n/catalog';
import { isMsg, render, type Msg } from '../../src/core/l10n/message';
import { validate } from '../../src/core/validation';
import type { Finding } from '../../src/core/validation/types';
import { editInventory, genHostile, modelView } from '../support/genInventory';
import { Rng } from '../support/random';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 10_000);
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);

/** The placeholders of a message (and of the messages in its arguments) that no argument fills. */
function unfilled(m: Msg): string[] {
  const wanted = [...CATALOG[m.id].en.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).filter((name) => !(name in m.args));
  const nested = Object.values(m.args).flatMap((a) => (isMsg(a) ? unfilled(a) : []));
  return [...wanted, ...nested];
}

/** Every problem and finding points into the text and renders in both languages, every placeholder filled. */
function checkPositions(inv: Inventory, items: readonly (Problem | Finding)[]): void {
  for (const p of items) {
    const lines = 'file' in p && p.file === 'hosts' ? undefined : inv.lines;
    if (lines) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `line ${p.line} of ${lines.length}`);
      assert.ok(p.start >= 0 && p.end >= p.start && p.end <= lines[p.line].length, `columns ${p.start}-${p.end} of ${lines[p.line].length}`);
    }
    assert.deepEqual(unfilled(p.message), [], `placeholders left unfilled in ${p.message.id}`);
    for (const lang of ['en', 'zh-cn'] as const) assert.ok(render(p.message, lang).length < 2000, 'a message quotes too much of the line');
  }
}

/** A host edit the way a plan or a quick fix makes it; the result parses again. */
function editHosts(inv: Inventory, text: string, rng: Rng): void {
  const groups = inv.sections.filter((s) => s.kind === 'hosts').map((s) => s.group);
  const group = groups.length && rng.chance(0.8) ? rng.pick(groups) : 'tiflash_servers';
  const added = addHostLine(inv, group, '10.9.9.9', '10.9.9.9 tcp_port=9001');
  if (added.ok) parseInventory(applyEdits(text, added.edits));
  const names = [...inv.hosts.keys()];
  if (names.length) {
    const removed = removeHost(inv, rng.pick(names));
    if (removed.ok) parseInventory(applyEdits(text, removed.edits));
    else assert.deepEqual(unfilled(removed.message), []);
  }
}

describe('inventory fuzz', () => {
  it(`never throws and re-reads equal full parses (${ITERATIONS} generated inventories from seed ${FIRST_SEED})`, () => {
    for (let seed = FIRST_SEED; seed < FIRST_SEED + ITERATIONS; seed++) {
      const rng = new Rng(seed);
      let text = genHostile(rng);
      try {
        const inv = parseInventory(text);
        modelView(inv);
        const hosts = rng.chance(0.3) ? parseInventory(genHostile(rng)) : undefined;
        checkPositions(inv, inv.problems);
        checkPositions(inv, validate(inv, hosts));
        editHosts(inv, text, rng);
        text = editInventory(text, rng);
        const next = parseInventory(text, inv);
        assert.deepStrictEqual(modelView(next), modelView(parseInventory(text)));
      } catch (e) {
        assert.fail(`seed ${seed}: ${(e as Error).stack}\n${JSON.stringify(text)}`);
      }
    }
  });
});

/** Parses and validates within a time bound far above what these inputs take, and returns the model. */
function survives(text: string, ms = 20_000): Inventory {
  const started = performance.now();
  const inv = parseInventory(text);
  validate(inv);
  modelView(inv);
  assert.ok(performance.now() - started < ms, `took ${(performance.now() - started).toFixed(0)} ms`);
  return inv;
}

const rules = (inv: Inventory) => inv.problems.map((p) => p.rule);
const messages = (inv: Inventory) => inv.problems.map((p) => render(p.message, 'en')).join('\n');

describe('inputs that used to crash the parser', () => {
  it('a value nested 100,000 brackets deep stays text (Python refuses more than 200)', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const inv = survives(`[g]\nh x=${deep}\n[g:vars]\ny = ${'{'.repeat(50_000)}\n`);
    assert.equal(inv.hosts.get('h')!.vars.x, deep);
    assert.deepEqual(readLiteral('['.repeat(200) + ']'.repeat(200)).ok, true);
  });

  it('a chain of 10,000 unary signs is the rejection Python raises, not a crash', () => {
    const inv = survives(`[g]\nh x=${'-'.repeat(10_000)}1\n`);
    assert.deepEqual(rules(inv), ['syntax']);
    assert.match(messages(inv), /nests more deeply than Python's parser can follow/);
  });

  it('a line of 5,000 host ranges is a syntax error, as Ansible fails on more than 985', () => {
    const inv = survives(`[g]\nh${'[1:2]'.repeat(5_000)}\n`);
    assert.deepEqual(rules(inv), ['syntax']);
    assert.match(messages(inv), new RegExp(`holds 5000 ranges, more than Ansible can expand \\(${MAX_RANGES}\\)`));
    const within = survives(`[g]\nh${'[1:1]'.repeat(MAX_RANGES)}\n`);
    assert.deepEqual(within.groups.get('g')!.hosts, ['h' + '1'.repeat(MAX_RANGES)]);
  });

  it('ranges beyond the cap are a warning, not an exhausted heap: a 10 MB range line, 1,000 lines of 100,000 hosts', () => {
    const tenMb = `h${'[1:2]'.repeat(20)}${'x'.repeat(10_000_000)}`;
    const inv = survives(`[g]\n${tenMb}\n`);
    assert.deepEqual(rules(inv), ['range-too-large']);
    const many = survives(`[g]\n${Array.from({ length: 1_000 }, (_, i) => `h${i}-[00001:99999]`).join('\n')}\n`);
    assert.ok(many.hosts.size <= 200_000, `${many.hosts.size} hosts`);
    assert.ok(rules(many).every((r) => r === 'range-too-large') && rules(many).length >= 990);
    assert.deepEqual(rules(survives(`[g]\nh[0:${MAX_RANGE_HOSTS}]\n`)), ['range-too-large']);
    assert.equal(survives(`[g]\nh[1:${MAX_RANGE_HOSTS}]\n`).hosts.size, MAX_RANGE_HOSTS);
  });

  it('a :children chain of 20,000 groups, declared in either order', () => {
    const n = 20_000;
    const down = Array.from({ length: n }, (_, i) => `[g${i}:children]\ng${i + 1}`).join('\n');
    const inv = survives(`${down}\n[g${n}]\nh\n`);
    assert.deepEqual(inv.problems, []);
    const up = Array.from({ length: n }, (_, i) => `[g${n - i}:children]\ng${n - i - 1}`).join('\n');
    assert.deepEqual(survives(`[g0]\nh\n${up}\n`).problems, []);
    const loop = survives(`${down}\n[g${n}:children]\ng0\n`);
    assert.deepEqual(rules(loop), ['syntax']);
  });

  it('a 10 MB host name, a 10 MB value, a tuple of 300,000 items and 50,000 short lines', () => {
    survives(`[g]\n${'h'.repeat(10_000_000)}:22 x="${'v'.repeat(10_000_000)}"\n`);
    assert.equal((survives(`[g:vars]\nx = ${'1,'.repeat(300_000)}\n[g]\nh\n`).groups.get('g')!.vars.x as unknown[]).length, 300_000);
    assert.equal(survives(`[g]\n${Array.from({ length: 50_000 }, (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`).join('\n')}\n`).hosts.size, 50_000);
  });
});
