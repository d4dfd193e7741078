// Ansible's parse_address + expand_hostname_range: `host:port`, `[v6]:port` and `[a:b(:step)]` ranges,
// expanded without recursion and within caps, so no line can exhaust the stack or the heap.

import { msg, type Msg } from '../l10n/message';
import { pyInt } from './text';

/** `problem`: why Ansible rejects the pattern, or (`tooLarge`) why the extension does not expand it. */
export type HostPatternResult = { ok: true; names: string[]; port?: number | bigint } | { ok: false; error: Msg; tooLarge?: true };

const NUMERIC_RANGE = String.raw`\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const ALNUM_RANGE = String.raw`\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`;
const HEX_RANGE = String.raw`\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]`;
const IPV4_PART = String.raw`(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|${NUMERIC_RANGE})`;
const IPV6_PART = String.raw`(?:[0-9a-f]{1,4}|${HEX_RANGE})`;
const LABEL = String.raw`(?:[\p{L}\p{N}_]|${ALNUM_RANGE})(?:[\p{L}\p{N}_-]|${ALNUM_RANGE})*(?<![_-])`;

const BRACKETED_HOSTPORT = /^\[(.+)\]:([0-9]+)$/;
const HOSTPORT = /^((?:[^:[\]]|\[[^\]]*\])*):([0-9]+)$/;
const IPV4 = new RegExp(`^(?:${IPV4_PART}\\.){3}${IPV4_PART}$`, 'i');
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'iu');
const IPV4_TAIL = String.raw`(?:[0-9]{1,3}\.){3}[0-9]{1,3}`;
const IPV6 = new RegExp(
  String.raw`^(?:(?:${IPV6_PART}:){7}${IPV6_PART}|(?:${IPV6_PART}:){1,6}:(?:${IPV6_PART}:){0,5}${IPV6_PART}|(?:${IPV6_PART}:){1,7}:|::(?:${IPV6_PART}:){0,6}${IPV6_PART}?|(?:${IPV6_PART}:){6}${IPV4_TAIL}|::(?:${IPV6_PART}:){0,5}${IPV4_TAIL})(?:%\S+)?$`,
  'i',
);

const HOSTPORTS = [BRACKETED_HOSTPORT, HOSTPORT];
const DIGITS_AND_DOTS = /^[0-9]+(?:\.[0-9]+)*$/;

/** A port as Python's int() keeps it: exact however large. */
function portOf(digits: string): number | bigint {
  const n = BigInt(digits);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** Splits off a port and validates the address the way parse_address does; null when Ansible would not understand it. */
function parseAddress(address: string): { host: string; port?: number | bigint } | null {
  // the usual host, an IPv4 address: digits and dots make a valid name whatever the numbers, with no port
  if (DIGITS_AND_DOTS.test(address)) return { host: address };
  let host = address;
  let port: number | bigint | undefined;
  for (const re of HOSTPORTS) {
    const m = re.exec(host);
    if (m) {
      host = m[1];
      port = portOf(m[2]);
    }
  }
  if (IPV4.test(host) || IPV6.test(host) || HOSTNAME.test(host)) return { host, port };
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** More ranges in one pattern than Ansible's recursive expansion survives (measured on ansible-core 2.14: 986 fail). */
export const MAX_RANGES = 985;
/** The most hosts one pattern expands to in the extension, and the most characters they may add up to. */
export const MAX_RANGE_HOSTS = 100_000;
const MAX_RANGE_CHARS = 10_000_000;

type Sequence = { items: string[] } | { error: Msg };

/** Python's zfill: zeros after the sign. */
const zfill = (s: string, width: number) => (s[0] === '-' ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));

/** What one `[begin:end:step]` expands to, as expand_hostname_range computes it (names only, no head or tail). */
function sequence(nrange: string, pattern: string, room: number): Sequence | 'tooLarge' {
  const err = (id: 'inventory.syntax.rangeMalformed' | 'inventory.syntax.rangeNoEnd' | 'inventory.syntax.rangeWidth' | 'inventory.syntax.rangeOrder' | 'inventory.syntax.rangeStep' | 'inventory.syntax.rangeBounds' | 'inventory.syntax.rangeStepZero') => ({ error: msg(id, { pattern }) });
  const bounds = nrange.split(':');
  if (bounds.length !== 2 && bounds.length !== 3) return err('inventory.syntax.rangeMalformed');
  const beg = bounds[0] || '0';
  const end = bounds[1];
  const stepText = bounds.length === 3 ? bounds[2] : '1';
  if (!end) return err('inventory.syntax.rangeNoEnd');
  const width = beg[0] === '0' && beg.length > 1 ? beg.length : 0;
  if (width && width !== end.length) return err('inventory.syntax.rangeWidth');
  const fill = (s: string) => (width ? zfill(s, width) : s);
  const step = pyInt(stepText);
  // string.ascii_letters.index(): any substring of the letters, not only one letter
  const [ib, ie] = [LETTERS.indexOf(beg), LETTERS.indexOf(end)];
  if (ib >= 0 && ie >= 0) {
    if (ib > ie) return err('inventory.syntax.rangeOrder');
    if (step !== undefined && step !== 0n) {
      // a slice with a negative step from a lower to a higher index is empty
      const items: string[] = [];
      if (step > 0n) for (let i = ib; i <= ie; i += Number(step)) items.push(LETTERS[i]);
      return { items };
    }
    // slice step 0 or int(step) failing is a ValueError, which sends Ansible to the numeric reading below
  }
  const [b, e] = [pyInt(beg), pyInt(end)];
  if (b === undefined || e === undefined) return err('inventory.syntax.rangeBounds');
  if (step === undefined) return err('inventory.syntax.rangeStep');
  if (step === 0n) return err('inventory.syntax.rangeStepZero');
  // Python's range(b, e + 1, step)
  const stop = e + 1n;
  const count = step > 0n ? (stop > b ? (stop - b + step - 1n) / step : 0n) : b > stop ? (b - stop - step - 1n) / -step : 0n;
  if (count > BigInt(room)) return 'tooLarge';
  const items: string[] = [];
  for (let i = 0n, v = b; i < count; i++, v += step) items.push(fill(String(v)));
  return { items };
}

/**
 * expand_hostname_range, level by level: each level splits every name at its first `[` and first `]`
 * (Ansible's replace-then-split) and expands that range. The order is Ansible's depth-first order.
 */
function expandRanges(pattern: string): HostPatternResult {
  let names = [pattern];
  for (let level = 1; names.length && names[0].includes('['); level++) {
    if (level > MAX_RANGES) return { ok: false, error: msg('inventory.syntax.rangeTooMany', { pattern, count: (pattern.match(/\[/g) ?? []).length, max: MAX_RANGES }) };
    // every name of a level has the same range and tail: split the first one
    const first = names[0];
    const parts = first.replace('[', '|').replace(']', '|').split('|');
    if (parts.length !== 3) {
      return { ok: false, error: msg(first.includes(']') ? 'inventory.syntax.rangeMalformed' : 'inventory.syntax.rangeUnclosed', { pattern }) };
    }
    const [, nrange, tail] = parts;
    // names of one level differ only in what earlier ranges put before this one
    const heads = names.map((n) => n.slice(0, Math.min(n.indexOf('['), n.indexOf(']'))));
    const seq = sequence(nrange, pattern, Math.floor(MAX_RANGE_HOSTS / names.length));
    if (seq === 'tooLarge') return { ok: false, error: msg('inventory.rangeTooLarge', { pattern, max: MAX_RANGE_HOSTS }), tooLarge: true };
    if ('error' in seq) return { ok: false, error: seq.error };
    if (heads.length * seq.items.length * (first.length + 8) > MAX_RANGE_CHARS) {
      return { ok: false, error: msg('inventory.rangeTooLarge', { pattern, max: MAX_RANGE_HOSTS }), tooLarge: true };
    }
    const next: string[] = [];
    for (const head of heads) for (const item of seq.items) next.push(head + item + tail);
    names = next;
  }
  return { ok: true, names };
}

export function expandHostPattern(pattern: string): HostPatternResult {
  const parsed = parseAddress(pattern);
  const host = parsed ? parsed.host : pattern;
  const port = parsed?.port;
  if (pattern.trim().endsWith(':') && port === undefined) return { ok: false, error: msg('inventory.syntax.hostTrailingColon', { pattern }) };
  const expanded = host.includes('[') ? expandRanges(host) : { ok: true as const, names: [host] };
  if (!expanded.ok) return expanded;
  const names = expanded.names;
  if (names.some((n) => n.trim() === '---')) return { ok: false, error: msg('inventory.syntax.hostYaml', { pattern }) };
  if (names.some((n) => n === '')) return { ok: false, error: msg('inventory.syntax.hostEmpty', { text: pattern }) };
  return { ok: true, names, port };
}
