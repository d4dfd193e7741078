// Parses an Ansible INI inventory the way ansible/plugins/inventory/ini.py does, but never throws:
// where Ansible would abort, the line becomes a `syntax` problem and parsing goes on.

import { expandHostPattern } from './hostPattern';
import { pyLiteral } from './pyLiteral';
import { shlexSplit, type Token } from './shlex';
import { leadingSpace, splitText } from './text';
import type { Group, HostLine, Inventory, Problem, SectionKind, Span, Value, VarEntry } from './types';

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

export function parseInventory(text: string): Inventory {
  const { lines, eol, bom } = splitText(text);
  const inv: Inventory = {
    lines, eol, bom,
    sections: [], hostLines: [], groupVarLines: [], childLines: [],
    groups: new Map([['all', newGroup('all')], ['ungrouped', newGroup('ungrouped')]]),
    hosts: new Map(),
    problems: [],
  };
  const pending = new Map<string, Pending>();
  // membership sets: the arrays keep file order, the sets keep large inventories linear
  const inGroup = new Map<string, Set<string>>();
  let group = 'ungrouped';
  let kind: SectionKind | 'invalid' = 'hosts';

  const problem = (line: number, message: string, span?: Partial<Span>) => {
    inv.problems.push({
      line, start: span?.start ?? leadingSpace(lines[line]), end: span?.end ?? lines[line].length,
      rule: 'syntax', severity: 'error', message,
    });
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
  reconcile(inv);
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
    const parsed = parseHostText(raw);
    if ('error' in parsed) return problem(n, parsed.error, parsed.span);
    const { first, names, port } = parsed;
    const vars: VarEntry[] = parsed.vars.map((v) => ({
      key: v.key, value: v.value, raw: v.raw,
      keySpan: { line: n, start: v.keyStart, end: v.keyEnd },
      valueSpan: { line: n, start: v.valueStart, end: v.valueEnd },
    }));
    const hostLine: HostLine = {
      line: n, start: first.start, end: first.end, group, pattern: first.text, names, port, vars,
    };
    inv.hostLines.push(hostLine);
    const g = ensureGroup(group);
    for (const name of names) {
      let host = inv.hosts.get(name);
      if (!host) {
        host = { name, vars: {}, groups: [] };
        // Ansible takes the port from the first line that defines the host
        if (port) host.vars.ansible_port = port;
        inv.hosts.set(name, host);
      }
      if (!host.groups.includes(group)) host.groups.push(group);
      let members = inGroup.get(group);
      if (!members) inGroup.set(group, (members = new Set(g.hosts)));
      if (!members.has(name)) {
        members.add(name);
        g.hosts.push(name);
      }
      for (const v of vars) host.vars[v.key] = v.value;
    }
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

interface HostText {
  first: Token;
  names: string[];
  port?: number;
  vars: { key: string; value: Value; raw: string; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }[];
}

// Re-parsing after a keystroke sees the same lines again: a host line's text decides its parse,
// so each distinct line is tokenized and typed once. Values are shared and never changed.
const hostTextCache = new Map<string, HostText | { error: string; span?: Token }>();
const HOST_TEXT_CACHE_LIMIT = 50_000;

function parseHostText(raw: string): HostText | { error: string; span?: Token } {
  let cached = hostTextCache.get(raw);
  if (!cached) {
    if (hostTextCache.size >= HOST_TEXT_CACHE_LIMIT) hostTextCache.clear();
    hostTextCache.set(raw, (cached = tokenizeHostLine(raw)));
  }
  return cached;
}

function tokenizeHostLine(raw: string): HostText | { error: string; span?: Token } {
  const split = shlexSplit(raw);
  if (!split.ok) return { error: `Error parsing host definition '${raw.trim()}': ${split.error}` };
  const [first, ...rest] = split.tokens;
  if (!first) return { error: 'Empty host definition' };
  const expanded = expandHostPattern(first.text);
  if (!expanded.ok) return { error: expanded.error, span: first };
  const vars: HostText['vars'] = [];
  for (const t of rest) {
    const eq = t.text.indexOf('=');
    if (eq < 0) return { error: `Expected key=value host variable assignment, got: ${t.text}`, span: t };
    const key = t.text.slice(0, eq);
    const valueText = t.text.slice(eq + 1);
    const keyEnd = Math.min(t.start + key.length, t.end);
    vars.push({ key, value: pyLiteral(valueText), raw: valueText, keyStart: t.start, keyEnd, valueStart: Math.min(keyEnd + 1, t.end), valueEnd: t.end });
  }
  return { first, names: expanded.names, port: expanded.port, vars };
}

/** A section runs until the line before the next header. */
function closeSections(inv: Inventory): void {
  inv.sections.forEach((s, i) => {
    const next = inv.sections[i + 1];
    s.lastLine = next ? next.line - 1 : inv.lines.length - 1;
  });
}

/** What InventoryData.reconcile_inventory does: top groups under `all`, lone hosts in `ungrouped`, no cycles. */
function reconcile(inv: Inventory): void {
  const all = inv.groups.get('all')!;
  const ungrouped = inv.groups.get('ungrouped')!;
  for (const g of inv.groups.values()) {
    if (g.name !== 'all' && g.parents.length === 0) {
      all.children.push(g.name);
      g.parents.push('all');
    }
  }
  ungrouped.hosts = ungrouped.hosts.filter((h) => inv.hosts.get(h)!.groups.length === 1);
  for (const h of inv.hosts.values()) {
    if (h.groups.length > 1) h.groups = h.groups.filter((g) => g !== 'ungrouped');
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
