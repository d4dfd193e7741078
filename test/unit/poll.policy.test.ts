// The polling policy with an injected clock: intervals, pauses, and a backoff that during an operation stays
// within the active interval, so an outage and a recovery both show within about that interval.

import * as assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { ACTIVE_RETRY_MS, type Clock, MAX_BACKOFF_MS, nextDelay, Poller, type PollIntervals } from '../../src/core/poll/policy';

/** A clock that only moves when the test says so. */
class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== h);
  }
  get pending(): number[] {
    return this.timers.map((t) => t.at - this.now);
  }
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers[0];
      if (!t || t.at > end) break;
      this.timers.shift();
      this.now = t.at;
      t.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.now = end;
  }
}

/** The defaults of package.json's tiflash.pollIntervalActiveMs / pollIntervalIdleMs. */
const INTERVALS: PollIntervals = { activeMs: 5000, idleMs: 30_000 };
const half = () => 0.5; // no jitter offset
const tick = () => new Promise((r) => setImmediate(r));

describe('polling policy', () => {
  it('is fast while active, slow when idle, paused when unfocused and idle', () => {
    assert.equal(nextDelay({ active: true, focused: true, failures: 0 }, INTERVALS, half), 5000);
    assert.equal(nextDelay({ active: false, focused: true, failures: 0 }, INTERVALS, half), 30_000);
    assert.equal(nextDelay({ active: false, focused: false, failures: 0 }, INTERVALS, half), undefined);
    assert.equal(nextDelay({ active: false, focused: false, failures: 3 }, INTERVALS, half), undefined, 'a failing PD is not retried while nobody looks');
    assert.equal(nextDelay({ active: true, focused: false, failures: 0 }, INTERVALS, half), 5000, 'an operation keeps polling in an unfocused window');
  });

  it('backs off exponentially with jitter when idle, up to a ceiling', () => {
    const d = [1, 2, 3, 4, 8].map((failures) => nextDelay({ active: false, focused: true, failures }, INTERVALS, half));
    assert.deepEqual(d, [5000, 10_000, 20_000, 40_000, MAX_BACKOFF_MS]);
    const lo = nextDelay({ active: false, focused: true, failures: 2 }, INTERVALS, () => 0)!;
    const hi = nextDelay({ active: false, focused: true, failures: 2 }, INTERVALS, () => 0.999)!;
    assert.ok(lo >= 9000 && hi <= 11_000 && lo < hi);
    assert.equal(
      nextDelay({ active: false, focused: true, failures: 20 }, { activeMs: 5000, idleMs: 600_000 }, half),
      600_000,
      'never slower than the idle interval allows',
    );
  });

  it('during an operation retries a failed poll after 1 s, 2 s, 4 s, then at most the active interval', () => {
    const d = [1, 2, 3, 4, 5, 30].map((failures) => nextDelay({ active: true, focused: true, failures }, INTERVALS, half));
    assert.deepEqual(d, [ACTIVE_RETRY_MS, 2000, 4000, 5000, 5000, 5000]);
    const worst = nextDelay({ active: true, focused: false, failures: 30 }, INTERVALS, () => 0.999)!;
    assert.ok(worst <= 5500, `${worst} ms: jitter keeps it about the active interval`);
    assert.deepEqual(
      [1, 2].map((failures) => nextDelay({ active: true, focused: true, failures }, { activeMs: 500, idleMs: 1000 }, half)),
      [500, 500],
      'a faster active interval is not slowed down',
    );
  });

  it('shows an outage and a recovery during an operation within about the active interval, both ways', async () => {
    const clock = new FakeClock();
    let up = true;
    const seen: { at: number; ok: boolean }[] = [];
    const poller = new Poller<number>(
      () => Promise.resolve(up ? { ok: true, value: 1 } : { ok: false, error: 'down' }),
      (r) => seen.push({ at: clock.now, ok: r.ok }),
      INTERVALS,
      clock,
      () => 0.999,
    );
    poller.setActive(true);
    poller.start();
    await clock.advance(12_345);
    up = false;
    const downAt = clock.now;
    await clock.advance(10 * 60_000);
    const firstFailure = seen.find((s) => s.at >= downAt && !s.ok)!;
    assert.ok(firstFailure.at - downAt <= 5500, `outage seen after ${firstFailure.at - downAt} ms`);
    assert.ok(poller.failures > 10, 'PD stayed away for a long time');
    up = true;
    const upAt = clock.now;
    await clock.advance(30_000);
    const recovered = seen.find((s) => s.at >= upAt && s.ok)!;
    assert.ok(recovered.at - upAt <= 5500, `recovery seen after ${recovered.at - upAt} ms`);
    poller.stop();
  });

  it('never overlaps requests and asks once per tick', async () => {
    const clock = new FakeClock();
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    let release: (() => void) | undefined;
    const poller = new Poller<number>(
      () => {
        calls++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Promise(
          (resolve) =>
            (release = () => {
              inFlight--;
              resolve({ ok: true, value: calls });
            }),
        );
      },
      () => undefined,
      INTERVALS,
      clock,
      half,
    );
    poller.start();
    poller.refresh();
    poller.refresh();
    assert.equal(calls, 1);
    release!();
    await tick();
    assert.equal(calls, 2, 'refreshes during a request are joined into one follow-up');
    release!();
    await tick();
    assert.deepEqual(clock.pending, [30_000]);
    assert.equal(maxInFlight, 1);
    poller.stop();
  });

  it('pauses when the window loses focus and resumes at once when it comes back', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const poller = new Poller<number>(
      () => Promise.resolve({ ok: true, value: ++calls }),
      () => undefined,
      INTERVALS,
      clock,
      half,
    );
    poller.start();
    await clock.advance(0);
    poller.setFocused(false);
    assert.deepEqual(clock.pending, []);
    await clock.advance(600_000);
    assert.equal(calls, 1);
    poller.setFocused(true);
    await clock.advance(0);
    assert.equal(calls, 2);
    poller.setActive(true);
    await clock.advance(0);
    assert.equal(calls, 3);
    await clock.advance(5000);
    assert.equal(calls, 4);
    poller.setFocused(false);
    await clock.advance(15_000);
    assert.equal(calls, 7, 'an operation keeps polling while the window is not focused');
    poller.setActive(false);
    assert.deepEqual(clock.pending, [], 'and pauses when it ends');
    poller.stop();
  });

  it('takes new intervals at the next tick, without a new request', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const poller = new Poller<number>(
      () => Promise.resolve({ ok: true, value: ++calls }),
      () => undefined,
      INTERVALS,
      clock,
      half,
    );
    poller.start();
    await clock.advance(0);
    await clock.advance(1000);
    assert.deepEqual(clock.pending, [29_000]);
    poller.setIntervals({ activeMs: 5000, idleMs: 2000 });
    assert.deepEqual(clock.pending, [2000]);
    assert.equal(calls, 1);
    await clock.advance(2000);
    assert.equal(calls, 2);
    poller.stop();
  });

  it('counts failures and resets them on success', async () => {
    const clock = new FakeClock();
    const outcomes = [false, false, true];
    const poller = new Poller<number>(
      () => Promise.resolve(outcomes.shift() ? { ok: true, value: 1 } : { ok: false, error: 'down' }),
      () => undefined,
      INTERVALS,
      clock,
      half,
    );
    poller.start();
    await clock.advance(0);
    assert.equal(poller.failures, 1);
    assert.deepEqual(clock.pending, [5000]);
    await clock.advance(5000);
    assert.equal(poller.failures, 2);
    assert.deepEqual(clock.pending, [10_000]);
    await clock.advance(10_000);
    assert.equal(poller.failures, 0);
    poller.stop();
  });
});

/** A poller on the fake clock that counts its requests and results; `hold` keeps each request open until `release`. */
function counted(clock: Clock | undefined, opts: { hold?: boolean; fail?: Error } = {}) {
  const c = { calls: 0, results: [] as unknown[], release: (): void => undefined };
  const poller = new Poller<number>(
    () => {
      c.calls++;
      if (opts.fail !== undefined) return Promise.reject(opts.fail);
      const value = { ok: true as const, value: c.calls };
      return opts.hold ? new Promise((resolve) => (c.release = () => resolve(value))) : Promise.resolve(value);
    },
    (r) => c.results.push(r),
    INTERVALS,
    clock,
    half,
  );
  return { poller, c };
}

describe('polling policy: what does not change the schedule', () => {
  it('stops for good: no timer left, and a request under way when it stopped is not reported', async () => {
    const clock = new FakeClock();
    const { poller, c } = counted(clock);
    poller.start();
    await clock.advance(0);
    poller.stop();
    assert.deepEqual(clock.pending, []);
    await clock.advance(600_000);
    assert.equal(c.calls, 1);

    const held = counted(clock, { hold: true });
    held.poller.start();
    held.poller.stop();
    held.c.release();
    await tick();
    assert.deepEqual(held.c.results, [], 'nothing reported after stop');
    assert.deepEqual(clock.pending, []);
  });

  it('asks nothing and keeps the pending tick when settings, focus or activity are set to what they already are', async () => {
    const clock = new FakeClock();
    const { poller, c } = counted(clock);
    poller.start();
    await clock.advance(0);
    await clock.advance(1000);
    poller.setIntervals({ ...INTERVALS });
    poller.setActive(false);
    assert.deepEqual(clock.pending, [29_000], 'the tick is not pushed back');
    poller.setFocused(true);
    await clock.advance(0);
    assert.equal(c.calls, 1, 'no request');
    poller.setActive(true);
    poller.setActive(true);
    await clock.advance(0);
    assert.equal(c.calls, 2, 'an operation starting asks once');
    poller.setActive(false);
    await clock.advance(0);
    assert.equal(c.calls, 2, 'an operation ending does not ask');
    assert.deepEqual(clock.pending, [30_000]);
    poller.stop();
  });

  it('schedules nothing before start and nothing while a request is under way', async () => {
    const clock = new FakeClock();
    const idle = counted(clock);
    idle.poller.setIntervals({ activeMs: 1000, idleMs: 2000 });
    idle.poller.setFocused(true);
    assert.deepEqual(clock.pending, []);
    assert.equal(idle.c.calls, 0);

    const held = counted(clock, { hold: true });
    held.poller.start();
    held.poller.setIntervals({ activeMs: 1000, idleMs: 2000 });
    assert.deepEqual(clock.pending, []);
    held.c.release();
    await tick();
    assert.deepEqual(clock.pending, [2000], 'the next tick counts from the answer');
    held.poller.stop();
  });

  it('reports a request that throws as a failed poll and backs off', async () => {
    const clock = new FakeClock();
    const boom = new Error('socket hang up');
    const { poller, c } = counted(clock, { fail: boom });
    poller.start();
    await clock.advance(0);
    assert.deepEqual(c.results, [{ ok: false, error: boom }]);
    assert.equal(poller.failures, 1);
    assert.deepEqual(clock.pending, [5000]);
    poller.stop();
  });

  it('runs on the system clock by default, and a rescheduled tick replaces the old one', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const { poller, c } = counted(undefined);
      poller.start();
      await tick();
      poller.setIntervals({ activeMs: 5000, idleMs: 50_000 });
      mock.timers.tick(30_000);
      await tick();
      assert.equal(c.calls, 1, 'the old 30 s tick was cleared');
      mock.timers.tick(20_000);
      await tick();
      assert.equal(c.calls, 2);
      poller.stop();
    } finally {
      mock.timers.reset();
    }
  });
});
