// Ansible's parse_address + expand_hostname_range: `host:port`, `[v6]:port` and `[a:b(:step)]` ranges.

export type HostPatternResult = { ok: true; names: string[]; port?: number } | { ok: false; error: string };

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

/** Splits off a port and validates the address the way parse_address does; null when Ansible would not understand it. */
function parseAddress(address: string): { host: string; port?: number } | null {
  // the usual host, an IPv4 address: digits and dots make a valid name whatever the numbers, with no port
  if (DIGITS_AND_DOTS.test(address)) return { host: address };
  let host = address;
  let port: number | undefined;
  for (const re of HOSTPORTS) {
    const m = re.exec(host);
    if (m) {
      host = m[1];
      port = Number(m[2]);
    }
  }
  if (IPV4.test(host) || IPV6.test(host) || HOSTNAME.test(host)) return { host, port };
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MAX_EXPANSION = 100_000;

function expandRange(pattern: string, out: string[]): string | undefined {
  const open = pattern.indexOf('[');
  const close = pattern.indexOf(']', open);
  const head = pattern.slice(0, open);
  // like Python's replace('[','|',1).replace(']','|',1).split('|'): a missing ']' is malformed
  if (close < 0) return 'host range must be begin:end or begin:end:step';
  const nrange = pattern.slice(open + 1, close);
  const tail = pattern.slice(close + 1);
  if (tail.includes('|') || head.includes('|') || nrange.includes('|')) return 'host range must be begin:end or begin:end:step';
  const bounds = nrange.split(':');
  if (bounds.length !== 2 && bounds.length !== 3) return 'host range must be begin:end or begin:end:step';
  const beg = bounds[0] || '0';
  const end = bounds[1];
  const stepText = bounds.length === 3 ? bounds[2] : '1';
  if (!end) return 'host range must specify end value';
  let fill = (x: string | number) => String(x);
  if (beg[0] === '0' && beg.length > 1) {
    if (beg.length !== end.length) return 'host range must specify equal-length begin and end formats';
    fill = (x) => String(x).padStart(beg.length, '0');
  }
  if (!/^[+-]?\d+$/.test(stepText.trim())) return `invalid step: ${stepText}`;
  const step = Number(stepText);
  if (step === 0) return 'range step must not be zero';
  let seq: (string | number)[];
  const ib = beg.length === 1 ? LETTERS.indexOf(beg) : -1;
  const ie = end.length === 1 ? LETTERS.indexOf(end) : -1;
  if (ib >= 0 && ie >= 0) {
    if (ib > ie) return 'host range must have begin <= end';
    seq = [];
    if (step > 0) for (let i = ib; i <= ie; i += step) seq.push(LETTERS[i]);
  } else {
    if (!/^\s*[+-]?\d+\s*$/.test(beg) || !/^\s*[+-]?\d+\s*$/.test(end)) return `invalid range bounds: ${nrange}`;
    const b = Number(beg);
    const e = Number(end);
    if (step > 0 && (e - b) / step > MAX_EXPANSION) return 'host range is too large';
    if (step < 0 && (b - e) / -step > MAX_EXPANSION) return 'host range is too large';
    seq = [];
    // Python's range(b, e + 1, step)
    for (let i = b; step > 0 ? i < e + 1 : i > e + 1; i += step) seq.push(i);
  }
  for (const item of seq) {
    const name = head + fill(item) + tail;
    if (name.includes('[')) {
      const err = expandRange(name, out);
      if (err) return err;
    } else out.push(name);
    if (out.length > MAX_EXPANSION) return 'host range is too large';
  }
  return undefined;
}

export function expandHostPattern(pattern: string): HostPatternResult {
  const parsed = parseAddress(pattern);
  const host = parsed ? parsed.host : pattern;
  const port = parsed?.port;
  if (pattern.trim().endsWith(':') && port === undefined) {
    return { ok: false, error: `Invalid host pattern '${pattern}': ending in ':' is reserved for a port` };
  }
  let names: string[];
  if (host.includes('[')) {
    names = [];
    const err = expandRange(host, names);
    if (err) return { ok: false, error: err };
  } else names = [host];
  if (names.some((n) => n.trim() === '---')) return { ok: false, error: `Invalid host pattern '${pattern}': '---' is normally a sign this is a YAML file` };
  if (names.some((n) => n === '')) return { ok: false, error: 'Invalid empty host name' };
  return { ok: true, names, port };
}
