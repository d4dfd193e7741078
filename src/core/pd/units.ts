// PD prints sizes as Go's units.BytesSize (`"1.745TiB"`, `"0B"`) and durations as Go's
// time.Duration (`"30m0s"`, `"162h29m47.37s"`); these read them back, or answer undefined.

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

export function parseByteSize(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?(?:e\+?[0-9]+)?) ?([KMGTPEZY]i)?B$/.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * 1024 ** BINARY.indexOf(m[2] ? `${m[2]}B` : 'B');
  return Number.isFinite(bytes) ? bytes : undefined;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a Go duration string; `"0"` is zero; a sign or an unknown unit is refused. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const part = /([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;
  let ms = 0;
  let at = 0;
  while (at < text.length) {
    part.lastIndex = at;
    const m = part.exec(text);
    if (!m) return undefined;
    ms += Number(m[1]) * DURATION_UNITS[m[2]];
    at = part.lastIndex;
  }
  return at > 0 && Number.isFinite(ms) ? ms : undefined;
}
