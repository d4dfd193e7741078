// Parses an Ansible INI inventory the way ansible/plugins/inventory/ini.py does, but never throws:
// where Ansible would abort, the line becomes a `syntax` problem and parsing goes on. Lines are the
// editor's; a line that Python's splitlines() breaks further is read as the lines Ansible sees.
// Nothing recurses on the input, and ranges expand within caps (see hostPattern.ts).

import { msg } from '../l10n/message';
import { indexHosts, ungroupedMembers } from './hostIndex';
import { headerMsg, isProblem, ranged, readHostLine, rejected, syntaxProblem } from './hostLine';
import { MAX_INVENTORY_RANGE_HOSTS } from './hostPattern';
import { readLiteral } from './pyLiteral';
import { reparse } from './reparse';
import { PY_ONLY_BREAK, PY_SPACE, excerpt, leadingSpace, pyInt, pyLines, pyStrip, splitText, strippedEnd, type SplitText } from './text';
import type { Group, Inventory, Problem, SectionKind, Span, Value, VarEntry } from './types';

const SECTION = new RegExp(String.raw`^\[([^:\]${PY_SPACE}]+)(?::([\p{L}\p{N}_]+))?\][${PY_SPACE}]*(?:#.*)?$`, 'u');
const GROUP_NAME = new RegExp(String.raw`^([^:\]${PY_SPACE}]+)[${PY_SPACE}]*(?:#.*)?$`, 'u');
const KINDS: SectionKind[] = ['hosts', 'vars', 'children'];

interface Pending {
  line: number;
  kind: 'vars' | 'children';
  parents: { group: string; line: number }[];
}

function newGroup(name: string): Group {
  return { name, hosts: [], children: [], parents: [], vars: {}, priority: 1 };
}

/**
 * `previous`: the model of this document before an edit. When the edit stays inside host lines,
 * the lines around it keep their parsed objects (and what was derived from them); the result is the same.
 */
export function parseInventory(text: string, previous?: Inventory): Inventory {
  const split = splitText(text);
  return (previous && reparse(previous, split)) || parseAll(split, !!previous);
}

/** Python's int() of a value, as Group.set_variable applies it to ansible_group_priority; undefined where it raises. */
function priorityOf(v: Value): number | undefined {
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) || 0 : undefined;
  if (typeof v === 'string') {
    const n = pyInt(v);
    return n === undefined ? undefined : Number(n);
  }
  return undefined;
}

/** `again`: the document was parsed before, so most of its lines were seen (see readHostLine). */
function parseAll({ lines, eol, bom }: SplitText, again: boolean): Inventory {
  const inv: Inventory = {
    lines,
    eol,
    bom,
    sections: [],
    hostLines: [],
    groupVarLines: [],
    childLines: [],
    groups: new Map([
      ['all', newGroup('all')],
      ['ungrouped', newGroup('ungrouped')],
    ]),
    hosts: new Map(),
    problems: [],
    rangeHosts: 0,
  };
  const pending = new Map<string, Pending>();
  let group = 'ungrouped';
  let kind: SectionKind | 'invalid' = 'hosts';

  const problem = (line: number, message: Problem['message'], span?: Partial<Span>) => {
    inv.problems.push(syntaxProblem(lines[line], line, message, span));
  };
  const ensureGroup = (name: string) => {
    if (!inv.groups.has(name)) inv.groups.set(name, newGroup(name));
    return inv.groups.get(name)!;
  };
  const addChild = (parent: string, child: string, line: number) => {
    const p = ensureGroup(parent);
    if (parent === child) return problem(line, rejected(msg('inventory.syntax.childOfItself', { group: child })));
    if (!p.children.includes(child)) {
      p.children.push(child);
      ensureGroup(child).parents.push(parent);
    }
  };

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    // most lines hold no break of Python's own
    if (!PY_ONLY_BREAK.test(raw)) {
      readLine(n, raw, 0);
      continue;
    }
    const parts = pyLines(raw);
    if (parts.length > 1) {
      inv.problems.push({
        line: n,
        start: 0,
        end: raw.length,
        rule: 'line-break',
        severity: 'warning',
        message: msg('inventory.splitLine', { count: parts.length }),
      });
    }
    for (const part of parts) readLine(n, part.text, part.offset);
  }

  for (const [name, decl] of pending) {
    if (decl.kind === 'vars') problem(decl.line, rejected(msg('inventory.syntax.varsUndefined', { group: name })));
    else for (const p of decl.parents) problem(p.line, rejected(undefinedChild(p.group, name)));
  }
  closeSections(inv);
  const { hosts, members } = indexHosts(inv.hostLines);
  inv.hosts = hosts;
  for (const [name, list] of members) inv.groups.get(name)!.hosts = list;
  inv.groups.get('ungrouped')!.hosts = ungroupedMembers(inv.hostLines, hosts);
  reconcile(inv);
  // in line order (stable: a line's own problems keep their order), so that an edit can swap the problems of the lines it changed
  inv.problems.sort((x, y) => x.line - y.line);
  return inv;

  /** One line as Ansible sees it: `raw` starts at column `offset` of editor line `n`. */
  function readLine(n: number, raw: string, offset: number): void {
    const lead = leadingSpace(raw);
    const c = raw[lead];
    if (c === undefined || c === '#' || c === ';') return;
    const end = strippedEnd(raw);
    const line = lead || end < raw.length ? raw.slice(lead, end) : raw;
    // host lines, most of the file, start with neither bracket
    if (c !== '[' && kind === 'hosts') return parseHostLine(n, raw, offset);
    const whole = { start: offset + lead, end: offset + end };
    const m = SECTION.exec(line);
    if (m) {
      const name = m[1];
      const k = (m[2] ?? 'hosts') as SectionKind;
      if (!KINDS.includes(k)) {
        problem(n, rejected(msg('inventory.syntax.headerUnknownType', { text: excerpt(line), type: excerpt(m[2]) })), whole);
        kind = 'invalid';
        return;
      }
      if (!inv.groups.has(name) && k === 'vars' && !pending.has(name)) pending.set(name, { line: n, kind: 'vars', parents: [] });
      ensureGroup(name);
      const waiting = pending.get(name);
      if (waiting && k !== 'vars') {
        if (waiting.kind === 'children') resolvePending(name);
        else pending.delete(name);
      }
      inv.sections.push({ group: name, kind: k, line: n, ...whole, lastLine: n });
      group = name;
      kind = k;
      return;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      problem(n, rejected(msg('inventory.syntax.headerInvalid', { text: excerpt(line) })), whole);
      kind = 'invalid';
      return;
    }
    if (kind === 'invalid') return; // already reported at its header
    if (kind === 'hosts') parseHostLine(n, raw, offset);
    else if (kind === 'vars') parseVarLine(n, raw, offset, line);
    else parseChildLine(n, line, whole);
  }

  /**
   * Adds the children waiting for `name` and, up the chain, those waiting for them: _add_pending_children's
   * depth-first order, with a stack of its own instead of recursion (a chain may be thousands of groups long).
   */
  function resolvePending(name: string): void {
    const take = (group: string) => {
      const parents = pending.get(group)!.parents;
      pending.delete(group);
      return { group, parents, next: 0 };
    };
    const stack = [take(name)];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const p = top.parents[top.next++];
      if (!p) {
        stack.pop();
        continue;
      }
      addChild(p.group, top.group, p.line);
      if (pending.get(p.group)?.kind === 'children') stack.push(take(p.group));
    }
  }

  function parseHostLine(n: number, raw: string, offset: number): void {
    const read = readHostLine(n, raw, group, again, offset, MAX_INVENTORY_RANGE_HOSTS - inv.rangeHosts);
    if (isProblem(read)) return void inv.problems.push(read);
    if (ranged(read)) inv.rangeHosts += read.names.length;
    inv.hostLines.push(read);
  }

  function parseVarLine(n: number, raw: string, offset: number, line: string): void {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      return problem(n, rejected(line[0] === '[' ? headerMsg(line) : msg('inventory.syntax.varNoEquals', { text: excerpt(line) })), {
        start: offset + leadingSpace(raw),
        end: offset + strippedEnd(raw),
      });
    }
    const keyRaw = raw.slice(0, eq);
    const valRaw = raw.slice(eq + 1);
    const key = pyStrip(keyRaw);
    const valueText = pyStrip(valRaw);
    const keyStart = offset + leadingSpace(keyRaw);
    const valueStart = offset + eq + 1 + leadingSpace(valRaw);
    const valueSpan = { line: n, start: valueStart, end: valueStart + valueText.length };
    const literal = readLiteral(valueText);
    if (!literal.ok) {
      return problem(
        n,
        rejected(msg(literal.reject === 'unhashable' ? 'inventory.syntax.valueUnhashable' : 'inventory.syntax.valueTooDeep', { key: excerpt(key) })),
        valueSpan,
      );
    }
    const entry: VarEntry = { key, value: literal.value, raw: valueText, keySpan: { line: n, start: keyStart, end: keyStart + key.length }, valueSpan };
    inv.groupVarLines.push({ line: n, start: keyStart, end: offset + strippedEnd(raw), group, entry });
    const g = ensureGroup(group);
    if (key === 'ansible_group_priority') {
      const p = priorityOf(entry.value);
      if (p !== undefined) g.priority = p;
      else problem(n, rejected(msg('inventory.syntax.groupPriority', { value: excerpt(valueText) })), entry.valueSpan);
    } else g.vars[key] = entry.value;
  }

  function parseChildLine(n: number, line: string, whole: { start: number; end: number }): void {
    const m = GROUP_NAME.exec(line);
    if (!m) return problem(n, rejected(msg('inventory.syntax.childBadName', { text: excerpt(line) })), whole);
    const child = m[1];
    inv.childLines.push({ line: n, start: whole.start, end: whole.start + child.length, group, child });
    if (!inv.groups.has(child)) {
      const decl = pending.get(child);
      if (decl) decl.parents.push({ group, line: n });
      else pending.set(child, { line: n, kind: 'children', parents: [{ group, line: n }] });
    } else addChild(group, child, n);
  }
}

/** A child group defined nowhere; one that starts with `[` is a group header that lost its `]`. */
function undefinedChild(parent: string, child: string) {
  return child[0] === '[' ? headerMsg(child) : msg('inventory.syntax.childrenUndefined', { parent, child });
}

/** A section runs until the line before the next header. */
function closeSections(inv: Inventory): void {
  inv.sections.forEach((s, i) => {
    const next = inv.sections[i + 1];
    s.lastLine = next ? next.line - 1 : inv.lines.length - 1;
  });
}

/** What InventoryData.reconcile_inventory does for groups: top groups under `all`, no cycles. */
function reconcile(inv: Inventory): void {
  const all = inv.groups.get('all')!;
  for (const g of inv.groups.values()) {
    if (g.name !== 'all' && g.parents.length === 0) {
      all.children.push(g.name);
      g.parents.push('all');
    }
  }
  const cycle = findCycle(inv);
  if (cycle) {
    const child = inv.childLines.find((c) => c.group === cycle[0] && c.child === cycle[1]);
    const at: Problem = {
      line: child?.line ?? 0,
      start: child?.start ?? 0,
      end: child?.end ?? 0,
      rule: 'syntax',
      severity: 'error',
      message: rejected(msg('inventory.syntax.childrenCycle', { parent: cycle[0], child: cycle[1] })),
    };
    inv.problems.push(at);
  }
}

/** A parent-child edge that closes a loop, found by a depth-first walk with its own stack (chains may be long). */
function findCycle(inv: Inventory): [string, string] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of inv.groups.keys()) {
    if (state.has(root)) continue;
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const children = inv.groups.get(top.name)?.children ?? [];
      if (top.next >= children.length) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const c = children[top.next++];
      if (state.get(c) === 'open') return [top.name, c];
      if (!state.has(c)) {
        state.set(c, 'open');
        stack.push({ name: c, next: 0 });
      }
    }
  }
  return undefined;
}
