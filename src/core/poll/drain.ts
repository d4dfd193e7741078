// Progress of a store draining from Offline to Tombstone: regions left, rate and ETA from recent samples.

export interface DrainSample {
  at: number;
  regions: number;
}

export interface DrainProgress {
  regions: number;
  /** Regions per second over the last five minutes; undefined until two samples differ in time. */
  rate?: number;
  etaSeconds?: number;
}

/** The rate is measured over this window. */
export const RATE_WINDOW_MS = 5 * 60_000;

/** Appends a sample, keeping those of the last `keepMs` (at least the rate window: the stuck-drain rule may look further back). */
export function addSample(samples: readonly DrainSample[], s: DrainSample, keepMs = RATE_WINDOW_MS): DrainSample[] {
  const keep = Math.max(keepMs, RATE_WINDOW_MS);
  return [...samples.filter((x) => s.at - x.at <= keep && x.at < s.at), s];
}

export function drainProgress(samples: readonly DrainSample[]): DrainProgress | undefined {
  const last = samples[samples.length - 1];
  if (!last) return undefined;
  const first = samples.find((x) => last.at - x.at <= RATE_WINDOW_MS) ?? last;
  const seconds = (last.at - first.at) / 1000;
  if (seconds <= 0) return { regions: last.regions };
  const rate = Math.max(0, (first.regions - last.regions) / seconds);
  return { regions: last.regions, rate, etaSeconds: rate > 0 ? Math.ceil(last.regions / rate) : undefined };
}
