// Line diffs for the plan preview: the edits a plan makes to inventory.ini and hosts.ini as unified diff hunks
// (`---`/`+++`/`@@`), what `diff -u` and `git apply` read.

type Op = { kind: ' ' | '-' | '+'; text: string };

/** The shortest edit script between two line lists (Myers' O(ND) algorithm, linear space is not needed here). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return [];
}

function backtrack(trace: Map<number, number>[], a: readonly string[], b: readonly string[], dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v.get(prevK)!;
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; x--, y--) ops.push({ kind: ' ', text: a[x - 1] });
    if (down) ops.push({ kind: '+', text: b[--y] });
    else ops.push({ kind: '-', text: a[--x] });
  }
  for (; x > 0 && y > 0; x--, y--) ops.push({ kind: ' ', text: a[x - 1] });
  return ops.reverse();
}

const splitLines = (text: string) => {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** A unified diff of `before` and `after` named `name` (empty when they are equal), `context` lines around each change. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // extend the hunk while the next change is within 2 * context unchanged lines
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const [aStart, bStart] = position(ops, start);
    const slice = ops.slice(start, stop);
    const aLen = slice.filter((o) => o.kind !== '+').length;
    const bLen = slice.filter((o) => o.kind !== '-').length;
    hunks.push(`@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@`, ...slice.map((o) => `${o.kind}${o.text}`));
    i = stop;
  }
  return [`--- a/${name}`, `+++ b/${name}`, ...hunks].join('\n') + '\n';
}

/** 1-based line numbers in a and b where op `index` sits. */
function position(ops: Op[], index: number): [number, number] {
  let a = 1;
  let b = 1;
  for (let i = 0; i < index; i++) {
    if (ops[i].kind !== '+') a++;
    if (ops[i].kind !== '-') b++;
  }
  return [a, b];
}

const range = (start: number, len: number) => (len === 0 ? `${start - 1},0` : len === 1 ? `${start}` : `${start},${len}`);
