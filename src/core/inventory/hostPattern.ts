// Ansible's parse_address + expand_hostname_range: `host:port`, `[v6]:port` and `[a:b(:step)]` ranges,
// expanded without recursion and within caps, so no line can exhaust the stack or the heap.

import { msg, type Msg } from '../l10n/message';
import { excerpt, pyInt, pyStrip } from './text';

/** `error`: why Ansible rejects the pattern, or (`tooLarge`) why the extension does not expand it. */
export type HostPatternResult = { ok: true; names: string[]; port?: number | bigint } | { ok: false; error: Msg; tooLarge?: true };

const NUMERIC_RANGE = String.raw`\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const HEX_RANGE = String.raw`\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]`;
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|${NUMERIC_RANGE})`;
const IPV6_PART = String.raw`(?:[0-9a-f]{1,4}|${HEX_RANGE})`;

const IPV4 = new RegExp(`^(?:${IPV4_PART}\\.){3}${IPV4_PART}$`, 'i');
const IPV4_TAIL = String.raw`(?:[0-9]{1,3}\.){3}[0-9]{1,3}`;
const IPV6_FORMS = [
  String.raw`(?:${IPV6_PART}:){7}${IPV6_PART}`,
  String.raw`(?:${IPV6_PART}:){1,6}:(?:${IPV6_PART}:){0,5}${IPV6_PART}`,
  String.raw`(?:${IPV6_PART}:){1,7}:`,
  String.raw`::(?:${IPV6_PART}:){0,6}${IPV6_PART}?`,
  String.raw`(?:${IPV6_PART}:){6}${IPV4_TAIL}`,
  String.raw`::(?:${IPV6_PART}:){0,5}${IPV4_TAIL}`,
];
const IPV6 = new RegExp(String.raw`^(?:${IPV6_FORMS.join('|')})(?:%\S+)?$`, 'i');
// bounded, so these regexes run in time linear in the text; the unbounded parts are scanned by hand below
const ALNUM_RANGE = /\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]/iy;
const LABEL_CHAR = /[\p{L}\p{N}_-]/u;
const PORT_SUFFIX = /:([0-9]+)$/;
const DIGITS_AND_DOTS = /^[0-9]+(?:\.[0-9]+)*$/;

/** A port as Python's int() keeps it: exact however large. */
function portOf(digits: string): number | bigint {
  const n = BigInt(digits);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** Ansible's `hostname` pattern: labels of word characters, `-` and ranges, not starting with `-` nor ending with `_` or `-`. */
function isHostname(host: string): boolean {
  for (const label of host.split('.')) {
    if (!label || label[0] === '-' || /[_-]$/.test(label)) return false;
    for (let i = 0; i < label.length;) {
      ALNUM_RANGE.lastIndex = i;
      const range = label[i] === '[' ? ALNUM_RANGE.exec(label) : null;
      if (range) i += range[0].length;
      else if (LABEL_CHAR.test(String.fromCodePoint(label.codePointAt(i)!))) i += label.codePointAt(i)! > 0xffff ? 2 : 1;
      else return false;
    }
  }
  return true;
}

/** What `[^:[\]]` and `\[[^\]]*\]` allow before `:port`: no `:`, `[` or `]` outside a bracket pair. */
function bracketsBalanced(host: string): boolean {
  for (let i = 0; i < host.length; i++) {
    const c = host[i];
    if (c === ':' || c === ']') return false;
    if (c === '[') {
      i = host.indexOf(']', i);
      if (i < 0) return false;
    }
  }
  return true;
}

/**
 * Splits off a port and validates the address the way parse_address does; null when Ansible would not
 * understand it. Without a port the validation changes nothing (Ansible keeps the pattern as the host either way).
 */
function parseAddress(address: string): { host: string; port?: number | bigint } | null {
  // the usual host, an IPv4 address: digits and dots make a valid name whatever the numbers, with no port
  if (DIGITS_AND_DOTS.test(address)) return { host: address };
  const m = PORT_SUFFIX.exec(address);
  if (!m) return { host: address };
  let host = address;
  let port: number | bigint | undefined;
  // `[host]:port`, then `host:port` (the first split may leave a host the second splits again)
  const bracketed = address[0] === '[' ? address.lastIndexOf(']:', m.index) : -1;
  if (bracketed > 1 && bracketed === m.index - 1) [host, port] = [address.slice(1, bracketed), portOf(m[1])];
  const again = PORT_SUFFIX.exec(host);
  if (again && bracketsBalanced(host.slice(0, again.index))) [host, port] = [host.slice(0, again.index), portOf(again[1])];
  if (IPV4.test(host) || IPV6.test(host) || isHostname(host)) return { host, port };
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** More ranges in one pattern than Ansible's recursive expansion survives (measured on ansible-core 2.14: 986 fail). */
export const MAX_RANGES = 985;
/** The most hosts one pattern expands to in the extension, and the most characters they may add up to. */
export const MAX_RANGE_HOSTS = 100_000;
/** The most hosts all range lines of one inventory may expand to; lines past it are not expanded (a warning says so). */
export const MAX_INVENTORY_RANGE_HOSTS = 200_000;
const MAX_RANGE_CHARS = 10_000_000;

/** One `[begin:end:step]` as expand_hostname_range reads it: how many names, and each one (without head or tail). */
type Range = { error: Msg } | { count: bigint; item: (i: bigint) => string };

/** Python's zfill: zeros after the sign. */
const zfill = (s: string, width: number) => (s[0] === '-' ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));

type RangeError =
  | 'inventory.syntax.rangeMalformed'
  | 'inventory.syntax.rangeNoEnd'
  | 'inventory.syntax.rangeWidth'
  | 'inventory.syntax.rangeOrder'
  | 'inventory.syntax.rangeStep'
  | 'inventory.syntax.rangeBounds'
  | 'inventory.syntax.rangeStepZero';

function rangeOf(nrange: string, pattern: string): Range {
  const err = (id: RangeError) => ({ error: msg(id, { pattern: excerpt(pattern) }) });
  const bounds = nrange.split(':');
  if (bounds.length !== 2 && bounds.length !== 3) return err('inventory.syntax.rangeMalformed');
  const beg = bounds[0] || '0';
  const end = bounds[1];
  const stepText = bounds.length === 3 ? bounds[2] : '1';
  if (!end) return err('inventory.syntax.rangeNoEnd');
  const width = beg[0] === '0' && beg.length > 1 ? beg.length : 0;
  if (width && width !== end.length) return err('inventory.syntax.rangeWidth');
  const step = pyInt(stepText);
  // string.ascii_letters.index(): any substring of the letters, not only one letter
  const [ib, ie] = [LETTERS.indexOf(beg), LETTERS.indexOf(end)];
  if (ib >= 0 && ie >= 0) {
    if (ib > ie) return err('inventory.syntax.rangeOrder');
    // a slice with a negative step from a lower to a higher index is empty; step 0 or an int() failing
    // is a ValueError, which sends Ansible to the numeric reading below
    if (step !== undefined && step < 0n) return { count: 0n, item: () => '' };
    if (step !== undefined && step > 0n) return { count: BigInt(ie - ib) / step + 1n, item: (i) => LETTERS[ib + Number(i * step)] };
  }
  const [b, e] = [pyInt(beg), pyInt(end)];
  if (b === undefined || e === undefined) return err('inventory.syntax.rangeBounds');
  if (step === undefined) return err('inventory.syntax.rangeStep');
  if (step === 0n) return err('inventory.syntax.rangeStepZero');
  // Python's range(b, e + 1, step)
  const stop = e + 1n;
  const count = step > 0n ? (stop > b ? (stop - b + step - 1n) / step : 0n) : b > stop ? (b - stop - step - 1n) / -step : 0n;
  return { count, item: (i) => (width ? zfill(String(b + i * step), width) : String(b + i * step)) };
}

/**
 * expand_hostname_range without its recursion. Ansible splits the name at its first `[` and first `]`
 * (replace-then-split), expands that range, and recurses into each name for the next one, depth first. Every
 * name of one depth has the same text after its range, so the ranges are found once on the pattern: each
 * one's text before it (`head`) and its bounds. The first branch meets every range before any expansion
 * grows: an error, an empty range or too deep a recursion there decides the whole line.
 */
function expandRanges(pattern: string, room: number): HostPatternResult {
  // any `|` breaks the split into three parts
  if (pattern.includes('|'))
    return {
      ok: false,
      error: msg(pattern.includes(']') ? 'inventory.syntax.rangeMalformed' : 'inventory.syntax.rangeUnclosed', { pattern: excerpt(pattern) }),
    };
  const levels: { head: string; nrange: string }[] = [];
  let at = 0;
  while (levels.length <= MAX_RANGES) {
    const open = pattern.indexOf('[', at);
    if (open < 0) break;
    const close = pattern.indexOf(']', at);
    if (close < 0) return { ok: false, error: msg('inventory.syntax.rangeUnclosed', { pattern: excerpt(pattern) }) };
    const [lo, hi] = open < close ? [open, close] : [close, open];
    levels.push({ head: pattern.slice(at, lo), nrange: pattern.slice(lo + 1, hi) });
    at = hi + 1;
  }
  const tail = pattern.slice(at);
  const ranges: Extract<Range, { count: bigint }>[] = [];
  let count = 1n;
  for (const [depth, level] of levels.entries()) {
    if (depth === MAX_RANGES)
      return { ok: false, error: msg('inventory.syntax.rangeTooMany', { pattern: excerpt(pattern), count: countOf(pattern, '['), max: MAX_RANGES }) };
    const range = rangeOf(level.nrange, pattern);
    if ('error' in range) return { ok: false, error: range.error };
    // an empty range (a negative step) ends every branch: the line names no host
    if (!range.count) return { ok: true, names: [] };
    ranges.push(range);
    count *= range.count;
  }
  if (count > BigInt(room)) return room < MAX_RANGE_HOSTS ? overBudget : tooLarge(pattern);
  if (Number(count) * (pattern.length + 8) > MAX_RANGE_CHARS) return tooLarge(pattern);
  let names = [''];
  levels.forEach((level, depth) => {
    const { count: n, item } = ranges[depth];
    const next: string[] = [];
    for (const name of names) for (let i = 0n; i < n; i++) next.push(name + level.head + item(i));
    names = next;
  });
  return { ok: true, names: names.map((n) => n + tail) };
}

const tooLarge = (pattern: string): HostPatternResult => ({
  ok: false,
  error: msg('inventory.rangeTooLarge', { pattern: excerpt(pattern), max: MAX_RANGE_HOSTS }),
  tooLarge: true,
});
const overBudget: HostPatternResult = { ok: false, error: msg('inventory.rangesOverBudget', { max: MAX_INVENTORY_RANGE_HOSTS }), tooLarge: true };

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** `room`: how many more hosts the inventory's ranges may expand to (see MAX_INVENTORY_RANGE_HOSTS). */
export function expandHostPattern(pattern: string, room = MAX_RANGE_HOSTS): HostPatternResult {
  const parsed = parseAddress(pattern);
  const host = parsed ? parsed.host : pattern;
  const port = parsed?.port;
  if (port === undefined && pyStrip(pattern).endsWith(':'))
    return { ok: false, error: msg('inventory.syntax.hostTrailingColon', { pattern: excerpt(pattern) }) };
  const expanded = host.includes('[') ? expandRanges(host, Math.min(room, MAX_RANGE_HOSTS)) : { ok: true as const, names: [host] };
  if (!expanded.ok) return expanded;
  const names = expanded.names;
  for (const n of names) {
    if (n === '') return { ok: false, error: msg('inventory.syntax.hostEmpty', { text: excerpt(pattern) }) };
    if (n.length >= 3 && pyStrip(n) === '---') return { ok: false, error: msg('inventory.syntax.hostYaml', { pattern: excerpt(pattern) }) };
  }
  return { ok: true, names, port };
}
