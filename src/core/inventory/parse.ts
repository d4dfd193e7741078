// Parses an Ansible INI inventory the way ansible/plugins/inventory/ini.py does, but never throws:
// where Ansible would abort, the line becomes a `syntax` problem and parsing goes on.

import { indexHosts, stayUngrouped } from './hostIndex';
import { isProblem, readHostLine, syntaxProblem } from './hostLine';
import { pyLiteral } from './pyLiteral';
import { reparse } from './reparse';
import { leadingSpace, splitText, type SplitText } from './text';
import type { Group, Inventory, Problem, SectionKind, Span, VarEntry } from './types';

const SECTION = /^\[([^:\]\s]+)(?::([\p{L}\p{N}_]+))?\]\s*(?:#.*)?$/u;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/u;
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

/** `again`: the document was parsed before, so most of its lines were seen (see readHostLine). */
function parseAll({ lines, eol, bom }: SplitText, again: boolean): Inventory {
  const inv: Inventory = {
    lines, eol, bom,
    sections: [], hostLines: [], groupVarLines: [], childLines: [],
    groups: new Map([['all', newGroup('all')], ['ungrouped', newGroup('ungrouped')]]),
    hosts: new Map(),
    problems: [],
  };
  const pending = new Map<string, Pending>();
  let group = 'ungrouped';
  let kind: SectionKind | 'invalid' = 'hosts';

  const problem = (line: number, message: string, span?: Partial<Span>) => {
    inv.problems.push(syntaxProblem(lines[line], line, message, span));
  };
  const ensureGroup = (name: string) => {
    if (!inv.groups.has(name)) inv.groups.set(name, newGroup(name));
    return inv.groups.get(name)!;
  };
  const addChild = (parent: string, child: string, line: number) => {
    const p = ensureGroup(parent);
    if (parent === child) return problem(line, `Group '${child}' cannot be a child of itself`);
    if (!p.children.includes(child)) {
      p.children.push(child);
      ensureGroup(child).parents.push(parent);
    }
  };

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    const line = raw.trim();
    if (!line || line[0] === '#' || line[0] === ';') continue;
    const m = SECTION.exec(line);
    if (m) {
      const name = m[1];
      const k = (m[2] ?? 'hosts') as SectionKind;
      if (!KINDS.includes(k)) {
        problem(n, `Section [${name}:${m[2]}] has unknown type: ${m[2]} (use :vars or :children)`);
        kind = 'invalid';
        continue;
      }
      if (!inv.groups.has(name) && k === 'vars' && !pending.has(name)) pending.set(name, { line: n, kind: 'vars', parents: [] });
      ensureGroup(name);
      const waiting = pending.get(name);
      if (waiting && k !== 'vars') {
        if (waiting.kind === 'children') resolvePending(name);
        else pending.delete(name);
      }
      inv.sections.push({ group: name, kind: k, line: n, start: leadingSpace(raw), end: raw.length, lastLine: n });
      group = name;
      kind = k;
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      problem(n, `Invalid section entry: '${line}'. Section names cannot contain spaces or other invalid characters`);
      kind = 'invalid';
      continue;
    }
    if (kind === 'invalid') continue; // already reported at its header
    if (kind === 'hosts') parseHostLine(n, raw);
    else if (kind === 'vars') parseVarLine(n, raw);
    else parseChildLine(n, raw, line);
  }

  for (const [name, decl] of pending) {
    if (decl.kind === 'vars') problem(decl.line, `Section [${name}:vars] is not valid for undefined group: ${name}`);
    else for (const p of decl.parents) problem(p.line, `Section [${p.group}:children] includes undefined group: ${name}`);
  }
  closeSections(inv);
  const { hosts, members } = indexHosts(inv.hostLines);
  inv.hosts = hosts;
  for (const [name, list] of members) inv.groups.get(name)!.hosts = name === 'ungrouped' ? stayUngrouped(list, hosts) : list;
  reconcile(inv);
  // in line order, so that an edit can swap the problems of the lines it changed
  inv.problems.sort((x, y) => x.line - y.line);
  return inv;

  function resolvePending(name: string): void {
    const decl = pending.get(name)!;
    pending.delete(name);
    for (const p of decl.parents) {
      addChild(p.group, name, p.line);
      if (pending.get(p.group)?.kind === 'children') resolvePending(p.group);
    }
  }

  function parseHostLine(n: number, raw: string): void {
    const read = readHostLine(n, raw, group, again);
    if (isProblem(read)) inv.problems.push(read);
    else inv.hostLines.push(read);
  }

  function parseVarLine(n: number, raw: string): void {
    const eq = raw.indexOf('=');
    if (eq < 0) return problem(n, `Expected key=value, got: ${raw.trim()}`);
    const keyRaw = raw.slice(0, eq);
    const valRaw = raw.slice(eq + 1);
    const key = keyRaw.trim();
    const valueText = valRaw.trim();
    const keyStart = leadingSpace(keyRaw);
    const valueStart = eq + 1 + leadingSpace(valRaw);
    const entry: VarEntry = {
      key, value: pyLiteral(valueText), raw: valueText,
      keySpan: { line: n, start: keyStart, end: keyStart + key.length },
      valueSpan: { line: n, start: valueStart, end: valueStart + valueText.length },
    };
    inv.groupVarLines.push({ line: n, start: keyStart, end: raw.trimEnd().length, group, entry });
    const g = ensureGroup(group);
    if (key === 'ansible_group_priority') {
      const p = Number(entry.value);
      if (Number.isInteger(p)) g.priority = p;
      else problem(n, `ansible_group_priority must be an integer, got: ${valueText}`, entry.valueSpan);
    } else g.vars[key] = entry.value;
  }

  function parseChildLine(n: number, raw: string, line: string): void {
    const m = GROUP_NAME.exec(line);
    if (!m) return problem(n, `Expected group name, got: ${line}`);
    const child = m[1];
    const start = leadingSpace(raw);
    inv.childLines.push({ line: n, start, end: start + child.length, group, child });
    if (!inv.groups.has(child)) {
      const decl = pending.get(child);
      if (decl) decl.parents.push({ group, line: n });
      else pending.set(child, { line: n, kind: 'children', parents: [{ group, line: n }] });
    } else addChild(group, child, n);
  }
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
      line: child?.line ?? 0, start: child?.start ?? 0, end: child?.end ?? 0, rule: 'syntax', severity: 'error',
      message: `Adding group '${cycle[1]}' as child to '${cycle[0]}' creates a recursive dependency loop`,
    };
    inv.problems.push(at);
  }
}

function findCycle(inv: Inventory): [string, string] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  let found: [string, string] | undefined;
  const visit = (name: string) => {
    state.set(name, 'open');
    for (const c of inv.groups.get(name)?.children ?? []) {
      if (found) return;
      if (state.get(c) === 'open') found = [name, c];
      else if (!state.has(c)) visit(c);
    }
    state.set(name, 'done');
  };
  for (const name of inv.groups.keys()) if (!state.has(name) && !found) visit(name);
  return found;
}
