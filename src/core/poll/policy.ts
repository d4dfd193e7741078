// When to ask PD next: one request per tick whatever the number of hosts, never two at once,
// fast while an operation is in flight, slow when idle, paused when nobody looks. A failed poll
// backs off with jitter; while an operation runs the backoff is bounded by the active interval,
// so an outage and a recovery both show within about that interval.

/** The two intervals are settings (tiflash.pollIntervalActiveMs / pollIntervalIdleMs). */
export interface PollIntervals {
  activeMs: number;
  idleMs: number;
}

/** A failed poll during an operation is retried after 1 s, 2 s, 4 s, … up to the active interval. */
export const ACTIVE_RETRY_MS = 1000;
/** Idle, failures back off from the active interval up to this. */
export const MAX_BACKOFF_MS = 120_000;
/** The share of each delay that is randomised (±half of it). */
export const JITTER = 0.2;

export interface PollState {
  /** A scale-in wait or another operation needs fresh data. */
  active: boolean;
  focused: boolean;
  /** Consecutive failed requests. */
  failures: number;
}

/** Milliseconds until the next request, or undefined for "paused until something changes". */
export function nextDelay(state: PollState, intervals: PollIntervals, random: () => number = Math.random): number | undefined {
  if (!state.focused && !state.active) return undefined;
  const { activeMs, idleMs } = intervals;
  const backoff = (first: number, max: number) => Math.min(max, first * 2 ** (state.failures - 1));
  const delay = !state.failures
    ? state.active
      ? activeMs
      : idleMs
    : state.active
      ? backoff(Math.min(ACTIVE_RETRY_MS, activeMs), activeMs)
      : backoff(activeMs, Math.max(MAX_BACKOFF_MS, idleMs));
  const spread = delay * JITTER;
  return Math.max(0, Math.round(delay - spread / 2 + random() * spread));
}

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type PollOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `request` on the policy's schedule and hands each outcome to `onResult`. */
export class Poller<T> {
  private state: PollState = { active: false, focused: true, failures: 0 };
  private timer: unknown;
  private running = false;
  private stopped = true;
  private again = false;

  constructor(
    private readonly request: () => Promise<PollOutcome<T>>,
    private readonly onResult: (r: PollOutcome<T>) => void,
    private intervals: PollIntervals,
    private readonly clock: Clock = systemClock,
    private readonly random: () => number = Math.random,
  ) {}

  get failures(): number {
    return this.state.failures;
  }

  start(): void {
    this.stopped = false;
    this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  /** New intervals count from now: the pending tick is scheduled again with them. */
  setIntervals(intervals: PollIntervals): void {
    if (intervals.activeMs === this.intervals.activeMs && intervals.idleMs === this.intervals.idleMs) return;
    this.intervals = intervals;
    this.schedule();
  }

  setFocused(focused: boolean): void {
    const resumed = focused && !this.state.focused;
    this.state.focused = focused;
    if (resumed) this.refresh();
    else this.schedule();
  }

  setActive(active: boolean): void {
    const changed = active !== this.state.active;
    this.state.active = active;
    if (changed) {
      if (active) this.refresh();
      else this.schedule();
    }
  }

  /** Ask now (a refresh button, a finished step); joins a request already under way. */
  refresh(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.cancel();
    this.running = true;
    void this.request().then(
      (r) => this.finish(r),
      (error: unknown) => this.finish({ ok: false, error }),
    );
  }

  private finish(r: PollOutcome<T>): void {
    this.running = false;
    this.state.failures = r.ok ? 0 : this.state.failures + 1;
    if (this.stopped) return;
    this.onResult(r);
    if (this.again) {
      this.again = false;
      this.refresh();
    } else this.schedule();
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    if (this.stopped || this.running) return;
    const delay = nextDelay(this.state, this.intervals, this.random);
    if (delay !== undefined) this.timer = this.clock.setTimeout(() => this.refresh(), delay);
  }
}
