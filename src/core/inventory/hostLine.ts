// One line of a hosts section: `pattern [key=value ...]`. What it means depends only on its text,
// its line number and its group, so the full parse and the incremental one read it the same way.

import { expandHostPattern } from './hostPattern';
import { pyLiteral } from './pyLiteral';
import { shlexSplit, type Token } from './shlex';
import { leadingSpace } from './text';
import type { HostLine, Problem, Span, Value, VarEntry } from './types';

interface HostText {
  first: Token;
  names: string[];
  port?: number;
  vars: { key: string; value: Value; raw: string; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }[];
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
  const vars: VarEntry[] = parsed.vars.map((v) => ({
    key: v.key, value: v.value, raw: v.raw,
    keySpan: { line: n, start: v.keyStart, end: v.keyEnd },
    valueSpan: { line: n, start: v.valueStart, end: v.valueEnd },
  }));
  const { first, names, port } = parsed;
  return { line: n, start: first.start, end: first.end, group, pattern: first.text, names, port, vars };
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
  const vars: HostText['vars'] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = t.text.indexOf('=');
    if (eq < 0) return { error: `Expected key=value host variable assignment, got: ${t.text}`, span: t };
    const key = t.text.slice(0, eq);
    const valueText = t.text.slice(eq + 1);
    const keyEnd = Math.min(t.start + key.length, t.end);
    vars.push({ key, value: pyLiteral(valueText), raw: valueText, keyStart: t.start, keyEnd, valueStart: Math.min(keyEnd + 1, t.end), valueEnd: t.end });
  }
  return { first, names: expanded.names, port: expanded.port, vars };
}
