// How Go prints times, durations and byte sizes in PD's JSON: time.Time as RFC 3339 with nanoseconds
// in the server's zone, time.Duration.String(), and docker/go-units' BytesSize ("%.4g" + binary unit).

/** time.Time.MarshalJSON: RFC 3339, fraction trimmed of trailing zeros (absent when zero), zone `+08:00` or `Z`. */
export function rfc3339Nano(unixNs: bigint, offsetMinutes: number): string {
  const local = unixNs + BigInt(offsetMinutes) * 60_000_000_000n;
  const seconds = local / 1_000_000_000n - (local % 1_000_000_000n < 0n ? 1n : 0n);
  const nanos = local - seconds * 1_000_000_000n;
  const date = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const fraction = nanos ? `.${nanos.toString().padStart(9, '0').replace(/0+$/, '')}` : '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${date}${fraction}${zone}`;
}

/** `whole.fraction` of v in units of `unit` (a power of ten), trailing zeros dropped. */
function decimal(v: bigint, unit: bigint): string {
  const digits = unit.toString().length - 1;
  const rest = (v % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${v / unit}${rest ? `.${rest}` : ''}`;
}

/** time.Duration.String(): "0s", "370ms", "1.5µs", "2m3.5s", "162h29m47.370371s". */
export function goDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${decimal(u, 1000n)}µs`;
  if (u < 1_000_000_000n) return `${sign}${decimal(u, 1_000_000n)}ms`;
  const h = u / 3_600_000_000_000n;
  const m = (u / 60_000_000_000n) % 60n;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${decimal(u % 60_000_000_000n, 1_000_000_000n)}s`;
}

/** time.ParseDuration for the forms PD's configuration uses ("30m0s", "1h", "100ms"); undefined when malformed. */
export function parseGoDuration(text: string): bigint | undefined {
  const units: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (text === '0') return 0n;
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) return undefined;
  return BigInt(Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0)));
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** units.BytesSize: "0B", "402.6GiB", "1.745TiB". */
export function formatSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < UNITS.length - 1) {
    size /= 1024;
    i++;
  }
  return `${Number(size.toPrecision(4))}${UNITS[i]}`;
}

/** units.RAMInBytes: "1.745TiB", "402.6GiB", "500 MB" (all binary); undefined when malformed. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!m) return undefined;
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.floor(Number(m[1]) * 1024 ** power);
}
