// Walks a previous list in step with a new one. After an edit the two agree almost everywhere, so the
// previous item for a key is usually the next one, found without indexing the whole list.

export function follower<T>(prev: readonly T[], keyOf: (item: T) => string): (key: string) => T | undefined {
  let next = 0;
  let index: Map<string, number> | undefined;
  return (key) => {
    if (next < prev.length && keyOf(prev[next]) === key) return prev[next++];
    index ??= new Map(prev.map((item, i) => [keyOf(item), i]));
    const i = index.get(key);
    if (i === undefined) return undefined;
    next = i + 1;
    return prev[i];
  };
}
