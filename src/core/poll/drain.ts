// Progress of a store draining from Offline to Tombstone: regions left, rate and ETA from recent samples.

export interface DrainSample {
  at: number;
  regions: number;
}

export interface DrainProgress {
  regions: number;
  /** Regions per second, over the sampled window; undefined until two samples differ in time. */
  rate?: number;
  etaSeconds?: number;
}

const WINDOW_MS = 5 * 60_000;

export function addSample(samples: DrainSample[], s: DrainSample): DrainSample[] {
  return [...samples.filter((x) => s.at - x.at <= WINDOW_MS && x.at < s.at), s];
}

export function drainProgress(samples: DrainSample[]): DrainProgress | undefined {
  const last = samples[samples.length - 1];
  if (!last) return undefined;
  const first = samples[0];
  const seconds = (last.at - first.at) / 1000;
  if (seconds <= 0) return { regions: last.regions };
  const rate = Math.max(0, (first.regions - last.regions) / seconds);
  return { regions: last.regions, rate, etaSeconds: rate > 0 ? Math.ceil(last.regions / rate) : undefined };
}

/** "1h 02m", "3m 05s", "42s" */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
