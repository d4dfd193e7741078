// One line of a hosts section: `pattern [key=value ...]`. What it means depends only on its text,
// its line number and its group, so the full parse and the incremental one read it the same way.

import { expandHostPattern } from './hostPattern';
import { pyLiteral } from './pyLiteral';
import { shlexSplit, type Token } from './shlex';
import { leadingSpace } from './text';
import type { HostLine, Problem, Span, VarEntry } from './types';

interface HostText {
  first: Token;
  names: string[];
  port?: number;
  /** As on a line numbered 0: `entryAt` places them on the line they are read from. */
  vars: VarEntry[];
}

type Tokenized = HostText | { error: string; span?: Token };

// Parsing a document again in full (after Enter or a paste) sees the same lines again: there each distinct
// line is tokenized and typed once. Values are shared and never changed. A first parse (the CLI, opening a
// file) skips the cache: filling it would cost more than it saves.
const hostTextCache = new Map<string, Tokenized>();
const HOST_TEXT_CACHE_LIMIT = 50_000;

export function syntaxProblem(lineText: string, line: number, message: string, span?: Partial<Span>): Problem {
  return {
    line, start: span?.start ?? leadingSpace(lineText), end: span?.end ?? lineText.length,
    rule: 'syntax', severity: 'error', message,
  };
}

/** The host line at line `n` of `group`, or the problem Ansible would abort with. */
export function readHostLine(n: number, raw: string, group: string, cached = false): HostLine | Problem {
  let parsed = cached ? hostTextCache.get(raw) : undefined;
  if (!parsed) {
    parsed = tokenizeHostLine(raw);
    if (cached) {
      if (hostTextCache.size >= HOST_TEXT_CACHE_LIMIT) hostTextCache.clear();
      hostTextCache.set(raw, parsed);
    }
  }
  if ('error' in parsed) return syntaxProblem(raw, n, parsed.error, parsed.span);
  const { first, names, port } = parsed;
  return { line: n, start: first.start, end: first.end, group, pattern: first.text, names, port, vars: parsed.vars.map((v) => entryAt(v, n)) };
}

// entries are made by the thousand (reading a file, moving lines): a plain literal, one shape for all
/** The same variable on line `line`. */
export function entryAt(e: VarEntry, line: number): VarEntry {
  return {
    key: e.key, value: e.value, raw: e.raw,
    keySpan: { line, start: e.keySpan.start, end: e.keySpan.end },
    valueSpan: { line, start: e.valueSpan.start, end: e.valueSpan.end },
  };
}

export const isProblem = (x: HostLine | Problem): x is Problem => 'rule' in x;

function tokenizeHostLine(raw: string): Tokenized {
  const split = shlexSplit(raw);
  if (!split.ok) return { error: `Error parsing host definition '${raw.trim()}': ${split.error}` };
  const tokens = split.tokens;
  const first = tokens[0];
  if (!first) return { error: 'Empty host definition' };
  const expanded = expandHostPattern(first.text);
  if (!expanded.ok) return { error: expanded.error, span: first };
  const vars: VarEntry[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = t.text.indexOf('=');
    if (eq < 0) return { error: `Expected key=value host variable assignment, got: ${t.text}`, span: t };
    const key = t.text.slice(0, eq);
    const valueText = t.text.slice(eq + 1);
    const keyEnd = Math.min(t.start + key.length, t.end);
    vars.push({
      key, value: pyLiteral(valueText), raw: valueText,
      keySpan: { line: 0, start: t.start, end: keyEnd },
      valueSpan: { line: 0, start: Math.min(keyEnd + 1, t.end), end: t.end },
    });
  }
  return { first, names: expanded.names, port: expanded.port, vars };
}
