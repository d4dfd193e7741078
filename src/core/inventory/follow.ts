// Walks a previous list in step with a new one. After an edit the two agree almost everywhere (an item
// replaced, added or removed here and there), so the previous item for a key is usually the next one or
// a few further; only lists that disagree a lot get an index of every item.

const LOOKAHEAD = 4;
const MISSES_BEFORE_INDEX = 8;

export function follower<T>(prev: readonly T[], keyOf: (item: T) => string): (key: string) => T | undefined {
  let next = 0;
  let misses = 0;
  let index: Map<string, number> | undefined;
  return (key) => {
    if (!index) {
      for (let i = next; i < Math.min(prev.length, next + LOOKAHEAD); i++) {
        if (keyOf(prev[i]) !== key) continue;
        next = i + 1;
        return prev[i];
      }
      // most likely an added item: the walk stays where it is
      if (++misses <= MISSES_BEFORE_INDEX) return undefined;
      index = new Map(prev.map((item, i) => [keyOf(item), i]));
    }
    const i = index.get(key);
    return i === undefined ? undefined : prev[i];
  };
}
