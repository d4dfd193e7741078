// What is derived from a parsed inventory is computed once: a model never changes.

import type { Edit } from './change';
import type { Inventory } from './types';

interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value cached for `key`, computed on first use. */
export function once<K, V>(cache: Cache<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute(key)));
  return value;
}

/** The previous model's value, for a model re-read after an edit (see reparse.ts). */
export interface Before<T> {
  value: T;
  edit: Edit;
}

/**
 * A value derived from each inventory, once. A model re-read after an edit computes its value knowing the
 * previous model's (when that one was computed), to take over what the edit did not touch.
 */
export class Derived<T> {
  private readonly values = new WeakMap<Inventory, T>();
  private readonly seeds = new WeakMap<Inventory, Before<T>>();

  constructor(private readonly compute: (inv: Inventory, before?: Before<T>) => T) {}

  of(inv: Inventory): T {
    return once(this.values, inv, () => {
      const before = this.seeds.get(inv);
      this.seeds.delete(inv);
      return this.compute(inv, before);
    });
  }

  inherit(prev: Inventory, next: Inventory, edit: Edit): void {
    const value = this.values.get(prev);
    if (value !== undefined) this.seeds.set(next, { value, edit });
  }
}
