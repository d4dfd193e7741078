// Re-reading an inventory after an edit that stays inside the host lines of one section (typing on a
// host line, Enter, deleting a line): lines above the edit keep their parsed objects, lines below it are
// moved (see shift.ts), hosts the edit does not name keep theirs, and so does what was derived from them.
// The result equals a full parse of the new text.

import type { Edit } from './change';
import { inUngrouped, indexHosts, ungroupedMembers } from './hostIndex';
import { isProblem, ranged, readHostLine } from './hostLine';
import { MAX_INVENTORY_RANGE_HOSTS } from './hostPattern';
import { inheritInstances } from './instances';
import { Overlay } from './overlay';
import { addressOf, inheritGroupLayers } from './resolve';
import { PY_ONLY_BREAK, leadingSpace, pyStrip, type SplitText } from './text';
import { firstAt, shiftChildLine, shiftGroupVarLine, shiftHostLine, shiftProblem, shiftSection, type Shift } from './shift';
import { inheritTiflash } from './tiflash';
import type { HostLine, Inventory, Problem, Section } from './types';

/** The new model, or undefined when the edit is not one this can follow (the caller parses it all). */
export function reparse(prev: Inventory, { lines, eol, bom }: SplitText): Inventory | undefined {
  if (eol !== prev.eol || bom !== prev.bom) return undefined;
  // the edit: old lines [a, b) became new lines [a, c); the lines after it moved by c - b
  let a = 0;
  while (a < lines.length && a < prev.lines.length && lines[a] === prev.lines[a]) a++;
  if (a === lines.length && a === prev.lines.length) return prev;
  let [b, c] = [prev.lines.length, lines.length];
  while (b > a && c > a && lines[c - 1] === prev.lines[b - 1]) [b, c] = [b - 1, c - 1];

  // the section of the line above the edit is the one new lines join
  const section = sectionAt(prev.sections, a - 1);
  if (section ? section.kind !== 'hosts' || section.lastLine < b - 1 : (prev.sections[0]?.line ?? Infinity) < b) return undefined;
  for (let n = a; n < Math.max(b, c); n++) {
    if ((n < c && (isHeaderLike(lines[n]) || PY_ONLY_BREAK.test(lines[n]))) || (n < b && isHeaderLike(prev.lines[n]))) return undefined;
  }
  // an invalid header above the edit hides these lines from Ansible; lines Python breaks further and
  // the cap on range hosts depend on more than one line: the full parse knows how
  const top = section?.line ?? -1;
  if (prev.problems.some((p) => (p.line > top && p.line < a && isHeaderLike(prev.lines[p.line])) || p.rule === 'line-break' || p.rule === 'range-too-large'))
    return undefined;

  const group = section?.group ?? 'ungrouped';
  const read: HostLine[] = [];
  const readProblems: Problem[] = [];
  for (let n = a; n < c; n++) {
    const t = pyStrip(lines[n]);
    if (!t || t[0] === '#' || t[0] === ';') continue;
    const r = readHostLine(n, lines[n], group);
    if (isProblem(r)) readProblems.push(r);
    else read.push(r);
  }
  const [lo, hi] = [firstAt(prev.hostLines, a), firstAt(prev.hostLines, b)];
  const changed = new Set<string>();
  let rangeHosts = prev.rangeHosts;
  for (const l of prev.hostLines.slice(lo, hi)) {
    for (const name of l.names) changed.add(name);
    if (ranged(l)) rangeHosts -= l.names.length;
  }
  for (const l of read) {
    for (const name of l.names) changed.add(name);
    if (ranged(l)) rangeHosts += l.names.length;
  }
  if (rangeHosts > MAX_INVENTORY_RANGE_HOSTS) return undefined;
  const [plo, phi] = [firstAt(prev.problems, a), firstAt(prev.problems, b)];
  const shift: Shift = { from: b, delta: c - b };
  const after = <T>(items: readonly T[], from: number, move: (item: T, by: Shift) => T) =>
    shift.delta ? items.slice(from).map((x) => move(x, shift)) : items.slice(from);
  const next: Inventory = {
    ...prev,
    lines,
    rangeHosts,
    hostLines: prev.hostLines.slice(0, lo).concat(read, after(prev.hostLines, hi, shiftHostLine)),
    problems: prev.problems.slice(0, plo).concat(readProblems, after(prev.problems, phi, shiftProblem)),
  };
  if (shift.delta) {
    next.sections = prev.sections.map((x) => shiftSection(x, shift));
    next.groupVarLines = prev.groupVarLines.map((x) => shiftGroupVarLine(x, shift));
    next.childLines = prev.childLines.map((x) => shiftChildLine(x, shift));
  }
  if (changed.size) rehost(prev, next, group, changed, shift.delta !== 0);
  inheritGroupLayers(prev, next);
  const addresses = new Set<string>();
  for (const inv of [prev, next]) for (const name of changed) if (inv.hosts.has(name)) addresses.add(addressOf(inv, name));
  const edit: Edit = { group, changed, addresses, shift };
  inheritTiflash(prev, next, edit);
  inheritInstances(prev, next, edit);
  return next;
}

/**
 * Only the hosts the edit names are rebuilt, from the few lines that name them; a group's members are
 * listed again only when one of those hosts entered, left or moved in it.
 */
function rehost(prev: Inventory, next: Inventory, group: string, changed: ReadonlySet<string>, moved: boolean): void {
  const [before, after] = [linesNaming(prev.hostLines, group, changed), linesNaming(next.hostLines, group, changed)];
  const rebuilt = indexHosts(after.lines).hosts;
  next.hosts = Overlay.of(prev.hosts, new Map([...changed].map((name) => [name, rebuilt.get(name)])));
  const regroup = new Set<string>();
  for (const name of changed) {
    // lines that moved cannot be compared by number: list the group again
    if (moved || before.firstInGroup.get(name) !== after.firstInGroup.get(name)) regroup.add(group);
    if (inUngrouped(prev.hosts.get(name)) !== inUngrouped(rebuilt.get(name))) regroup.add('ungrouped');
  }
  // hosts listed only under [all] join `ungrouped` in the order they are first listed there
  if (regroup.has('all')) regroup.add('ungrouped');
  if (!regroup.size) return;
  next.groups = new Map(prev.groups);
  for (const name of regroup) {
    const hosts = name === 'ungrouped' ? ungroupedMembers(next.hostLines, next.hosts) : membersOf(next.hostLines, name);
    next.groups.set(name, { ...prev.groups.get(name)!, hosts });
  }
}

/** The hosts listed in `group`, in file order, each once. */
function membersOf(hostLines: readonly HostLine[], group: string): string[] {
  const seen = new Set<string>();
  for (const l of hostLines) if (l.group === group) for (const n of l.names) seen.add(n);
  return [...seen];
}

/** The lines that name any of `names`, and the line where each first appears in `group`. */
function linesNaming(hostLines: readonly HostLine[], group: string, names: ReadonlySet<string>) {
  const lines: HostLine[] = [];
  const firstInGroup = new Map<string, number>();
  for (const l of hostLines) {
    let named = false;
    for (const n of l.names) {
      if (!names.has(n)) continue;
      named = true;
      if (l.group === group && !firstInGroup.has(n)) firstInGroup.set(n, l.line);
    }
    if (named) lines.push(l);
  }
  return { lines, firstInGroup };
}

/** Section headers, valid or not, start with `[`; so may a host range, which is rare enough to parse in full. */
function isHeaderLike(line: string): boolean {
  return line[leadingSpace(line)] === '[';
}

function sectionAt(sections: readonly Section[], line: number): Section | undefined {
  const i = firstAt(sections, line + 1);
  return i > 0 ? sections[i - 1] : undefined;
}
