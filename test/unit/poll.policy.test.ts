import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Clock, DEFAULT_POLL, nextDelay, Poller } from '../../src/core/poll/policy';

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

const half = () => 0.5; // no jitter offset

describe('polling policy', () => {
  it('is fast while active, slow when idle, paused when unfocused and idle', () => {
    assert.equal(nextDelay({ active: true, focused: true, failures: 0 }, DEFAULT_POLL, half), 5000);
    assert.equal(nextDelay({ active: false, focused: true, failures: 0 }, DEFAULT_POLL, half), 30_000);
    assert.equal(nextDelay({ active: false, focused: false, failures: 0 }, DEFAULT_POLL, half), undefined);
    assert.equal(nextDelay({ active: true, focused: false, failures: 0 }, DEFAULT_POLL, half), 5000);
  });

  it('backs off exponentially with jitter, up to a ceiling', () => {
    const d = [1, 2, 3, 4, 8].map((failures) => nextDelay({ active: false, focused: true, failures }, DEFAULT_POLL, half));
    assert.deepEqual(d, [5000, 10_000, 20_000, 40_000, 120_000]);
    const lo = nextDelay({ active: false, focused: true, failures: 2 }, DEFAULT_POLL, () => 0)!;
    const hi = nextDelay({ active: false, focused: true, failures: 2 }, DEFAULT_POLL, () => 0.999)!;
    assert.ok(lo >= 9000 && hi <= 11_000 && lo < hi);
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
        return new Promise((resolve) => (release = () => { inFlight--; resolve({ ok: true, value: calls }); }));
      },
      () => undefined, clock, DEFAULT_POLL, half,
    );
    poller.start();
    poller.refresh();
    poller.refresh();
    assert.equal(calls, 1);
    release!();
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 2, 'refreshes during a request are joined into one follow-up');
    release!();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(clock.pending, [30_000]);
    assert.equal(maxInFlight, 1);
    poller.stop();
  });

  it('pauses when the window loses focus and resumes at once when it comes back', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const poller = new Poller<number>(async () => ({ ok: true, value: ++calls }), () => undefined, clock, DEFAULT_POLL, half);
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
    poller.stop();
  });

  it('counts failures and resets them on success', async () => {
    const clock = new FakeClock();
    const outcomes = [false, false, true];
    const poller = new Poller<number>(async () => (outcomes.shift() ? { ok: true, value: 1 } : { ok: false, error: 'down' }), () => undefined, clock, DEFAULT_POLL, half);
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
