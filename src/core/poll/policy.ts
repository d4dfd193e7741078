// When to ask PD next: one request per tick whatever the number of hosts, never two at once,
// fast while an operation is in flight, slow when idle, paused when nobody looks, and
// exponential backoff with jitter while PD fails.

export interface PollSettings {
  activeMs: number;
  idleMs: number;
  maxBackoffMs: number;
  /** 0..1: the share of the delay that is randomised. */
  jitter: number;
}

export const DEFAULT_POLL: PollSettings = { activeMs: 5000, idleMs: 30_000, maxBackoffMs: 120_000, jitter: 0.2 };

export interface PollState {
  /** A scale-in wait or another operation needs fresh data. */
  active: boolean;
  focused: boolean;
  /** Consecutive failed requests. */
  failures: number;
}

/** Milliseconds until the next request, or undefined for "paused until something changes". */
export function nextDelay(state: PollState, settings: PollSettings = DEFAULT_POLL, random: () => number = Math.random): number | undefined {
  if (!state.focused && !state.active) return undefined;
  const base = state.active ? settings.activeMs : settings.idleMs;
  const delay = state.failures > 0 ? Math.min(settings.maxBackoffMs, settings.activeMs * 2 ** (state.failures - 1)) : base;
  const spread = delay * settings.jitter;
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

/** Runs `request` on the policy's schedule and hands each outcome to `onResult`. */
export class Poller<T> {
  private state: PollState = { active: false, focused: true, failures: 0 };
  private timer: unknown;
  private running = false;
  private stopped = true;
  private again = false;

  constructor(
    private readonly request: () => Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
    private readonly onResult: (r: { ok: true; value: T } | { ok: false; error: unknown }) => void,
    private readonly clock: Clock = systemClock,
    private readonly settings: PollSettings = DEFAULT_POLL,
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

  private finish(r: { ok: true; value: T } | { ok: false; error: unknown }): void {
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
    const delay = nextDelay(this.state, this.settings, this.random);
    if (delay !== undefined) this.timer = this.clock.setTimeout(() => this.refresh(), delay);
  }
}
