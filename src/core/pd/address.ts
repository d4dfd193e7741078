// Addresses compared as parsed host and port, never as text or prefixes. What is accepted:
// - IPv4 as four decimal numbers 0-255 without leading zeros (`010` is octal to some resolvers: refused);
// - IPv6 (in brackets when a port follows), compared in full form, so `[::1]` equals `[0:0::1]`; an
//   IPv4-mapped address (`::ffff:10.0.0.1`) equals the IPv4 one; zone ids are refused;
// - host names (letters, digits, hyphens, dots; the last label not all digits), case-insensitive: a name
//   never equals an IP, since which IP it names is not ours to know;
// - ports 1-65535 written as plain decimal digits (no sign, no leading zero, no spaces).
// Anything else does not parse.

export type HostKind = 'ipv4' | 'ipv6' | 'name';

export interface Host {
  kind: HostKind;
  /** The canonical form: equal keys, equal hosts. */
  key: string;
}

export interface HostPort {
  host: Host;
  port: number;
}

const IPV4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function ipv4(s: string): number[] | undefined {
  const m = IPV4.exec(s);
  const octets = m?.slice(1).map(Number);
  return octets?.every((o) => o <= 255) ? octets : undefined;
}

function ipv6(s: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  let head = s;
  let tail: number[] = [];
  if (s.includes('.')) {
    const last = s.lastIndexOf(':');
    // `s` has a colon (the caller's test), so `last` is an index
    const v4 = ipv4(s.slice(last + 1));
    if (!v4) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    head = s.slice(0, last + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (p: string) => (p === '' ? [] : p.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if ([...left, ...right].some(Number.isNaN)) return undefined;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  return [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
}

/** A host as written in an inventory (`ansible_host`) or inside a store address. IPv6 may be bracketed. */
export function parseHost(text: string): Host | undefined {
  const v4 = ipv4(text);
  if (v4) return { kind: 'ipv4', key: v4.join('.') };
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes(':')) {
    const g = ipv6(bare);
    if (!g) return undefined;
    const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
    return mapped
      ? { kind: 'ipv4', key: [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.') }
      : { kind: 'ipv6', key: g.map((x) => x.toString(16)).join(':') };
  }
  const name = text.toLowerCase();
  // a last label of digits (`1.2.3`, `10.0.0.010`, `e10.0.0.1`) is a malformed IP to resolvers and URL parsers, not a name
  if (text !== bare || name.length > 253 || /(^|\.)[0-9]+$/.test(name) || !name.split('.').every((l) => LABEL.test(l))) return undefined;
  return { kind: 'name', key: name };
}

export function parsePort(text: string): number | undefined {
  if (!/^[1-9][0-9]{0,4}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** `host:port`, `[ipv6]:port`; a bare IPv6 with a port is ambiguous and does not parse. */
export function parseHostPort(text: string): HostPort | undefined {
  const colon = text.startsWith('[') ? text.indexOf(']:') + 1 : text.indexOf(':');
  if (colon <= 0 || (!text.startsWith('[') && text.indexOf(':', colon + 1) >= 0)) return undefined;
  const host = parseHost(text.slice(0, colon));
  const port = parsePort(text.slice(colon + 1));
  return host && port !== undefined ? { host, port } : undefined;
}

/** One key per host and port, for maps: equal keys exactly when host and port are equal. */
export const hostPortKey = (host: Host, port: number): string => `${host.kind}/${host.key}/${port}`;
