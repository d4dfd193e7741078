// One line of a hosts section: `pattern [key=value ...]`. What it means depends only on its text,
// its line number and its group, so the full parse and the incremental one read it the same way.

import { msg, type Msg } from '../l10n/message';
import { expandHostPattern, MAX_RANGE_HOSTS } from './hostPattern';
import { readLiteral } from './pyLiteral';
import { shlexSplit, type Token } from './shlex';
import { excerpt, leadingSpace, strippedEnd } from './text';
import type { HostLine, Problem, Span, VarEntry } from './types';

interface HostText {
  first: Token;
  names: string[];
  port?: number | bigint;
  /** On the line they were read for (a cached reading: on line 0, see readHostLine). */
  vars: VarEntry[];
}

interface LineProblem {
  rule: string;
  severity: Problem['severity'];
  message: Msg;
  span?: { start: number; end: number };
}

type Tokenized = HostText | { problem: LineProblem };

// Parsing a document again in full (after Enter or a paste) sees the same lines again: there each distinct
// line is tokenized and typed once. Values are shared and never changed. A first parse (the CLI, opening a
// file) skips the cache: filling it would cost more than it saves.
const hostTextCache = new Map<string, Tokenized>();
const HOST_TEXT_CACHE_LIMIT = 50_000;

/** Where Ansible stops: the construct that makes it fail, and what that does to the whole inventory. */
export const rejected = (what: Msg): Msg => msg('inventory.syntax.rejected', { what });

/** A line starting with `[` that is no valid header: one without its `]`, or with text after it. */
export const headerMsg = (text: string): Msg =>
  msg(text.includes(']') ? 'inventory.syntax.headerTrailing' : 'inventory.syntax.unclosedHeader', { text: excerpt(text) });

export function syntaxProblem(lineText: string, line: number, message: Msg, span?: Partial<Span>): Problem {
  return {
    line,
    start: span?.start ?? leadingSpace(lineText),
    end: span?.end ?? strippedEnd(lineText),
    rule: 'syntax',
    severity: 'error',
    message,
  };
}

/**
 * The host line at line `n` of `group` (its text starting at column `offset`), or the problem Ansible would
 * abort with. `room`: how many hosts the inventory's ranges may still expand to.
 */
export function readHostLine(n: number, raw: string, group: string, cached = false, offset = 0, room = MAX_RANGE_HOSTS): HostLine | Problem {
  // a line cut short by the inventory's cap reads differently elsewhere: it is not cached
  const cache = cached && room >= MAX_RANGE_HOSTS;
  let parsed = cache ? hostTextCache.get(raw) : undefined;
  // a cached reading is placed on line 0 and moved to each line that has the text; a first one is made in place
  const placed = !cache;
  if (!parsed) {
    parsed = placed ? tokenizeHostLine(raw, room, n, offset) : tokenizeHostLine(raw, room, 0, 0);
    if (cache) {
      if (hostTextCache.size >= HOST_TEXT_CACHE_LIMIT) hostTextCache.clear();
      hostTextCache.set(raw, parsed);
    }
  }
  if ('problem' in parsed) {
    const { rule, severity, message, span } = parsed.problem;
    const at = span ?? { start: leadingSpace(raw), end: strippedEnd(raw) };
    return { line: n, start: at.start + offset, end: at.end + offset, rule, severity, message };
  }
  const { first, names, port } = parsed;
  const vars = placed || !parsed.vars.length ? parsed.vars : parsed.vars.map((v) => entryAt(v, n, offset));
  return { line: n, start: first.start + offset, end: first.end + offset, group, pattern: first.text, names, port, vars };
}

// entries are made by the thousand (reading a file, moving lines): a plain literal, one shape for all
/** The same variable on line `line` (its columns moved right by `offset`). */
export function entryAt(e: VarEntry, line: number, offset = 0): VarEntry {
  return {
    key: e.key,
    value: e.value,
    raw: e.raw,
    keySpan: { line, start: e.keySpan.start + offset, end: e.keySpan.end + offset },
    valueSpan: { line, start: e.valueSpan.start + offset, end: e.valueSpan.end + offset },
  };
}

/** Whether a host line is one of a range: those count against the inventory's cap. */
export const ranged = (l: HostLine) => l.names.length > 1 || l.pattern.includes('[');

export const isProblem = (x: HostLine | Problem): x is Problem => 'rule' in x;

const syntax = (what: Msg, span?: Token): { problem: LineProblem } => ({ problem: { rule: 'syntax', severity: 'error', message: rejected(what), span } });

/**
 * What Ansible reads on a host line: it strips the line (Python's strip), then splits it as a POSIX shell
 * would. Positions are in `raw`; the variables are placed on `line`, their columns moved right by `column`.
 */
function tokenizeHostLine(raw: string, room: number, line: number, column: number): Tokenized {
  const [lead, end] = [leadingSpace(raw), strippedEnd(raw)];
  const text = raw.slice(lead, end);
  const header = text[0] === '[';
  const split = shlexSplit(text);
  if (!split.ok) return syntax(msg(split.error === 'quote' ? 'inventory.syntax.unclosedQuote' : 'inventory.syntax.trailingBackslash', { text: excerpt(text) }));
  const tokens = split.tokens;
  const at = (t: Token): Token => (lead ? { text: t.text, start: t.start + lead, end: t.end + lead } : t);
  if (!tokens.length) return syntax(msg('inventory.syntax.hostEmpty', { text: excerpt(text) }));
  const first = at(tokens[0]);
  const expanded = expandHostPattern(first.text, room);
  if (!expanded.ok) {
    if (expanded.tooLarge) return { problem: { rule: 'range-too-large', severity: 'warning', message: expanded.error, span: first } };
    // a group header that lost its `]` (or has text after it) is read as a host, which then fails: say what it is
    if (header) return syntax(headerMsg(text));
    return syntax(expanded.error, first);
  }
  const vars: VarEntry[] = [];
  const shift = lead + column;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = t.text.indexOf('=');
    if (eq < 0) return syntax(msg('inventory.syntax.hostVarNoEquals', { token: excerpt(t.text) }), at(t));
    const key = t.text.slice(0, eq);
    const valueText = t.text.slice(eq + 1);
    const literal = readLiteral(valueText);
    if (!literal.ok)
      return syntax(msg(literal.reject === 'unhashable' ? 'inventory.syntax.valueUnhashable' : 'inventory.syntax.valueTooDeep', { key: excerpt(key) }), at(t));
    // a key may hold escapes or quotes: its span stops at the token's end
    const [start, tokenEnd] = [t.start + shift, t.end + shift];
    const keyEnd = Math.min(start + key.length, tokenEnd);
    vars.push({
      key,
      value: literal.value,
      raw: valueText,
      keySpan: { line, start, end: keyEnd },
      valueSpan: { line, start: Math.min(keyEnd + 1, tokenEnd), end: tokenEnd },
    });
  }
  return { first, names: expanded.names, port: expanded.port, vars };
}
