// Overlay read through every ReadonlyMap method, as the rules and derived models read a re-parsed model's
// hosts: it must answer as the plain Map it stands for (keys added, changed and deleted, an added key deleted again).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Overlay } from '../../src/core/inventory/overlay';

const base = new Map([
  ['a', 1],
  ['b', 2],
  ['c', 3],
]);
const added = Overlay.of(
  base,
  new Map([
    ['b', 20],
    ['d', 4],
    ['e', 5],
  ]),
);
// the added key `e` deleted again, and the base key `c`
const deleted = Overlay.of(
  added,
  new Map([
    ['e', undefined],
    ['c', undefined],
  ]),
);

describe('Overlay as a Map', () => {
  it('counts added keys, and not an added key deleted again', () => {
    assert.equal(added.size, 5);
    assert.equal(deleted.size, 3);
  });

  it('has a key of the base it did not change, not one it deleted or never had', () => {
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e', 'zz'].map((k) => deleted.has(k)),
      [true, true, false, true, false, false],
    );
  });

  it('walks its entries in the same order with forEach, entries, keys and values', () => {
    const expected: [string, number][] = [
      ['a', 1],
      ['b', 20],
      ['d', 4],
    ];
    const seen: [string, number][] = [];
    deleted.forEach((v, k, map) => {
      assert.equal(map, deleted);
      seen.push([k, v]);
    });
    assert.deepEqual(seen, expected);
    assert.deepEqual([...deleted.entries()], expected);
    assert.deepEqual([...deleted.keys()], ['a', 'b', 'd']);
    assert.deepEqual([...deleted.values()], [1, 20, 4]);
    assert.deepEqual([...added.values()], [1, 20, 3, 4, 5]);
  });

  it('shows its layers: the plain base and every key that differs from it; a plain map has none', () => {
    const layers = Overlay.layers(deleted);
    assert.equal(layers?.base, base);
    assert.deepEqual([...(layers?.changed ?? [])], ['b', 'd', 'e', 'c']);
    assert.equal(Overlay.layers(base), undefined);
  });
});
