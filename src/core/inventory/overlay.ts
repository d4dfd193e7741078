// A read-only map made of a shared base and a few differences. A model re-read after an edit takes over
// the previous model's base instead of copying thousands of entries (a 10,000-entry Map copy costs more
// than the rest of a keystroke); past a bound the differences are folded into a new base.

const DELETED = Symbol('deleted');
const FOLD_AT = 256;

export class Overlay<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly diff: ReadonlyMap<K, V | typeof DELETED>,
  ) {
    let size = base.size;
    for (const [k, v] of diff) size += base.has(k) ? (v === DELETED ? -1 : 0) : v === DELETED ? 0 : 1;
    this.size = size;
  }

  /** `map` with `changes` applied (undefined deletes). A key of the base keeps its place in the order (even deleted and set again); new keys come last. */
  static of<K, V>(map: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    const [base, diff] = isOverlay(map) ? [map.base, new Map(map.diff)] : [map, new Map<K, V | typeof DELETED>()];
    for (const [k, v] of changes) diff.set(k, v === undefined ? DELETED : v);
    const out = new Overlay<K, V>(base, diff);
    return diff.size > FOLD_AT ? new Map<K, V>(out) : out;
  }

  /** For work done per key: the plain map underneath and the keys that differ from it (undefined for a plain map). */
  static layers<K, V>(map: ReadonlyMap<K, V>): { base: ReadonlyMap<K, V>; changed: Iterable<K> } | undefined {
    return isOverlay(map) ? { base: map.base, changed: map.diff.keys() } : undefined;
  }

  // values are never undefined (undefined means "delete" in `of`), so a miss in `diff` is a plain undefined
  get(key: K): V | undefined {
    const v = this.diff.get(key);
    if (v === undefined) return this.base.get(key);
    return v === DELETED ? undefined : v;
  }

  has(key: K): boolean {
    const v = this.diff.get(key);
    return v === undefined ? this.base.has(key) : v !== DELETED;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      if (!this.diff.has(k)) yield [k, v];
      else {
        const d = this.diff.get(k)!;
        if (d !== DELETED) yield [k, d];
      }
    }
    for (const [k, d] of this.diff) if (d !== DELETED && !this.base.has(k)) yield [k, d];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /** The fast way through every entry: no generator in between (rules walk thousands of them per keystroke). */
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    const diff = this.diff;
    this.base.forEach((v, k) => {
      const d = diff.size ? diff.get(k) : undefined;
      if (d === undefined) fn(v, k, this);
      else if (d !== DELETED) fn(d, k, this);
    });
    diff.forEach((d, k) => {
      if (d !== DELETED && !this.base.has(k)) fn(d, k, this);
    });
  }
}

/** `instanceof` with the map's own key and value types (a bare `instanceof Overlay` narrows to Overlay<any, any>). */
function isOverlay<K, V>(map: ReadonlyMap<K, V>): map is Overlay<K, V> {
  return map instanceof Overlay;
}
