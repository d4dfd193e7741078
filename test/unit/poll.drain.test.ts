// Drain progress from region-count samples: the rate over the last five minutes, the ETA, and how long
// samples are kept (long enough for the stuck-drain rule to look back past the rate window).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSample, drainProgress, RATE_WINDOW_MS, type DrainSample } from '../../src/core/poll/drain';

describe('drain progress', () => {
  it('gives regions, the rate per second and the seconds left', () => {
    // 400 → 200 in 100 s: 2 regions/s, 100 s left
    assert.deepEqual(
      drainProgress([
        { at: 0, regions: 400 },
        { at: 50_000, regions: 300 },
        { at: 100_000, regions: 200 },
      ]),
      { regions: 200, rate: 2, etaSeconds: 100 },
    );
    assert.deepEqual(
      drainProgress([
        { at: 0, regions: 10 },
        { at: 4000, regions: 9 },
      ]),
      { regions: 9, rate: 0.25, etaSeconds: 36 },
    );
  });

  it('has no rate before two samples differ in time, and no ETA while nothing moves', () => {
    assert.equal(drainProgress([]), undefined);
    assert.deepEqual(drainProgress([{ at: 5, regions: 7 }]), { regions: 7 });
    assert.deepEqual(
      drainProgress([
        { at: 0, regions: 7 },
        { at: 10_000, regions: 7 },
      ]),
      { regions: 7, rate: 0, etaSeconds: undefined },
    );
    assert.deepEqual(
      drainProgress([
        { at: 0, regions: 7 },
        { at: 10_000, regions: 9 },
      ]),
      { regions: 9, rate: 0, etaSeconds: undefined },
      'a rise is no negative rate',
    );
  });

  it('measures the rate over the last five minutes only', () => {
    const s: DrainSample[] = [
      { at: 0, regions: 10_000 },
      { at: 60_000, regions: 1000 },
      { at: 60_000 + RATE_WINDOW_MS, regions: 700 },
    ];
    assert.deepEqual(drainProgress(s), { regions: 700, rate: 1, etaSeconds: 700 });
  });

  it('keeps samples for the rate window or longer when asked, newest last, never two at one time', () => {
    let s: DrainSample[] = [];
    for (let at = 0; at <= 20 * 60_000; at += 60_000) s = addSample(s, { at, regions: 1000 - at / 60_000 });
    assert.equal(s[0].at, 15 * 60_000, 'five minutes by default');
    let long: DrainSample[] = [];
    for (let at = 0; at <= 20 * 60_000; at += 60_000) long = addSample(long, { at, regions: 5 }, 10 * 60_000);
    assert.equal(long[0].at, 10 * 60_000);
    assert.deepEqual(addSample([{ at: 5, regions: 3 }], { at: 5, regions: 2 }), [{ at: 5, regions: 2 }]);
  });
});
