// Lines below an edit that added or removed lines say the same as before, one or more lines further
// down or up: their parsed objects are copied with the new line numbers instead of parsed again.

import { entryAt } from './hostLine';
import type { ChildLine, GroupVarLine, HostLine, Problem, Section, Span } from './types';

/** Lines at or after `from` (numbered as before the edit) move by `delta`. */
export interface Shift {
  from: number;
  delta: number;
}

const moved = (line: number, { from, delta }: Shift) => (line >= from ? line + delta : line);

function span<T extends Span>(s: T, by: Shift): T {
  const line = moved(s.line, by);
  return line === s.line ? s : { ...s, line };
}

// host lines move by the thousand: a plain literal, one shape (a generic spread is several times slower)
export function shiftHostLine(l: HostLine, by: Shift): HostLine {
  if (l.line < by.from) return l;
  const line = l.line + by.delta;
  return {
    line,
    start: l.start,
    end: l.end,
    group: l.group,
    pattern: l.pattern,
    names: l.names,
    port: l.port,
    vars: l.vars.length ? l.vars.map((v) => entryAt(v, line)) : l.vars,
  };
}

export function shiftGroupVarLine(g: GroupVarLine, by: Shift): GroupVarLine {
  return g.line < by.from ? g : { ...span(g, by), entry: entryAt(g.entry, g.line + by.delta) };
}

export const shiftChildLine = (c: ChildLine, by: Shift): ChildLine => span(c, by);

export const shiftProblem = (p: Problem, by: Shift): Problem => span(p, by);

/** A section below the edit moves; the one the edit is in grows or shrinks. */
export function shiftSection(s: Section, by: Shift): Section {
  if (s.line >= by.from) return { ...s, line: s.line + by.delta, lastLine: s.lastLine + by.delta };
  return s.lastLine >= by.from - 1 ? { ...s, lastLine: s.lastLine + by.delta } : s;
}

/**
 * Something derived from a host line of the previous model (a TiFlash host, an instance), in the new one:
 * itself, or a copy pointing at its line's moved copy (found by its new number).
 */
export function carried<T extends { line?: HostLine }>(item: T, by: Shift, hostLines: readonly HostLine[], withLine: (item: T, line: HostLine) => T): T {
  if (!by.delta || !item.line || item.line.line < by.from) return item;
  return withLine(item, hostLines[firstAt(hostLines, item.line.line + by.delta)]);
}

/** Index of the first item at or after `line` in a list sorted by line. */
export function firstAt(items: readonly { line: number }[], line: number): number {
  let [lo, hi] = [0, items.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
