import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instances } from '../../src/core/inventory/instances';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { Overlay } from '../../src/core/inventory/overlay';
import { editInventory, genInventory, modelView } from '../support/genInventory';
import { Rng } from '../support/random';

/** PROPERTY_RUNS shortens the run (npm run mutate runs this file for every mutant it reaches). */
const RUNS = Number(process.env.PROPERTY_RUNS) || 2000;

describe('incremental parse', () => {
  it('equals a full parse after a chain of edits (2,000 inventories, 5 edits each)', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = new Rng(seed);
      let text = genInventory(rng);
      let prev = parseInventory(text);
      // what a previous model derived is what the next one takes over: compute it, as the editor does
      modelView(prev);
      for (let step = 0; step < 5; step++) {
        text = editInventory(text, rng);
        const next = parseInventory(text, prev);
        const full = parseInventory(text);
        try {
          assert.deepStrictEqual(modelView(next), modelView(full));
        } catch (e) {
          assert.fail(`seed ${seed} step ${step}: ${(e as Error).message}\n${JSON.stringify(text)}`);
        }
        prev = next;
      }
    }
  });

  it('reuses what the edit did not touch', () => {
    const text = '[tiflash_servers]\n10.0.0.1\n10.0.0.2\n[monitored_servers]\n10.0.0.1\n10.0.0.2\n';
    const prev = parseInventory(text);
    const [before, inst] = [tiflashHosts(prev), instances(prev)];
    const next = parseInventory(text.replace('10.0.0.2\n[', '10.0.0.2 tcp_port=9001\n['), prev);
    assert.equal(next.hostLines[0], prev.hostLines[0]);
    assert.equal(tiflashHosts(next)[0], before[0]);
    assert.notEqual(tiflashHosts(next)[1], before[1]);
    assert.equal(tiflashHosts(next)[1].ports.tcp_port, 9001);
    assert.equal(
      instances(next).find((i) => i.component === 'monitored_servers' && i.host === '10.0.0.1'),
      inst.find((i) => i.component === 'monitored_servers' && i.host === '10.0.0.1'),
    );
    assert.equal(parseInventory(text, prev), prev, 'the same text is the same model');
  });

  it('moves the lines below an added line instead of reading them again', () => {
    const text = '[tiflash_servers]\n10.0.0.1\n10.0.0.2 tcp_port=9001\n[all:vars]\nansible_user = tidb\n';
    const prev = parseInventory(text);
    const before = tiflashHosts(prev);
    const next = parseInventory(text.replace('10.0.0.1\n', '10.0.0.1\n\n'), prev);
    assert.equal(next.hostLines[0], prev.hostLines[0]);
    assert.deepEqual([next.hostLines[1].line, next.hostLines[1].vars[0].valueSpan.line], [3, 3]);
    assert.deepEqual([next.sections[1].line, next.groupVarLines[0].line], [4, 5]);
    assert.equal(tiflashHosts(next)[0], before[0]);
    assert.equal(tiflashHosts(next)[1].line, next.hostLines[1]);
    assert.equal(tiflashHosts(next)[1].vars, before[1].vars, 'what the line says was not read again');
  });
});

describe('overlay map', () => {
  it('reads like the map it stands for, and folds its differences past a bound', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const one = Overlay.of(
      base,
      new Map([
        ['b', 20],
        ['c', undefined],
        ['d', 4],
      ]),
    );
    const two = Overlay.of(
      one,
      new Map([
        ['a', undefined],
        ['c', 30],
      ]),
    );
    // unlike a Map, a base key deleted and set again keeps its place: the models only replace values
    const expect = new Map([
      ['b', 20],
      ['c', 30],
      ['d', 4],
    ]);
    assert.deepEqual([...two], [...expect]);
    assert.equal(two.size, 3);
    assert.equal(two.get('a'), undefined);
    assert.equal(two.has('a'), false);
    assert.equal(two.get('c'), 30);
    const seen: [string, number][] = [];
    two.forEach((v, k) => seen.push([k, v]));
    assert.deepEqual(seen, [...expect]);
    assert.deepEqual(
      [...base],
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
      'the base is never changed',
    );
    let many: ReadonlyMap<string, number> = base;
    for (let i = 0; i < 256; i++) many = Overlay.of(many, new Map([[`k${i}`, i]]));
    assert.ok(!(many instanceof Map));
    many = Overlay.of(many, new Map([['last', 0]]));
    assert.ok(many instanceof Map, 'folded into a plain map');
    assert.equal(many.size, 260);
    assert.equal(many.get('k255'), 255);
  });
});
