// The drain progress the status bar shows while a store goes from Offline to Tombstone: regions left,
// the rate over the last five minutes and the time left (the numbers an operator plans a maintenance window by).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSample, drainProgress, formatDuration, type DrainSample } from '../../src/core/poll/drain';

const MIN = 60_000;
const series = (...points: [number, number][]): DrainSample[] => points.reduce<DrainSample[]>((acc, [at, regions]) => addSample(acc, { at, regions }), []);

describe('drain progress', () => {
  it('rate is regions moved per second, time left is regions left divided by the rate', () => {
    // 1,200 regions, 600 moved in 5 minutes: 2 per second, 600 left take 300 s
    assert.deepEqual(drainProgress(series([0, 1200], [5 * MIN, 600])), { regions: 600, rate: 2, etaSeconds: 300 });
    // 10 left at 3 per second: 3.33 s, shown as 4 (never promises less than is left)
    assert.deepEqual(drainProgress(series([0, 40], [10_000, 10])), { regions: 10, rate: 3, etaSeconds: 4 });
  });

  it('says nothing about rate or time until two samples differ in time, and nothing at all without samples', () => {
    assert.equal(drainProgress([]), undefined);
    assert.deepEqual(drainProgress(series([1000, 500])), { regions: 500 });
    // a second answer at the same instant replaces the first one
    assert.deepEqual(series([1000, 500], [1000, 480]), [{ at: 1000, regions: 480 }]);
    assert.deepEqual(drainProgress(series([1000, 500], [1000, 480])), { regions: 480 });
  });

  it('a store that is not draining (or gained regions) has rate 0 and no time left', () => {
    assert.deepEqual(drainProgress(series([0, 500], [MIN, 500])), { regions: 500, rate: 0, etaSeconds: undefined });
    assert.deepEqual(drainProgress(series([0, 500], [MIN, 560])), { regions: 560, rate: 0, etaSeconds: undefined });
  });

  it('measures over the last five minutes only, five minutes included', () => {
    // a sample exactly 5 minutes old still counts
    assert.deepEqual(series([0, 900], [5 * MIN, 600]).map((s) => s.at), [0, 5 * MIN]);
    // one older than that is dropped: the rate is the recent one (300 regions in 1 minute), not the average since the start
    const s = series([0, 3000], [4 * MIN, 900], [5 * MIN + 1, 600]);
    assert.deepEqual(s.map((x) => x.at), [4 * MIN, 5 * MIN + 1]);
    const p = drainProgress(s)!;
    assert.equal(p.regions, 600);
    assert.ok(Math.abs(p.rate! - 300 / 60.001) < 1e-9, String(p.rate));
    // a sample from a clock that went back is dropped
    assert.deepEqual(series([10_000, 100], [5000, 90]), [{ at: 5000, regions: 90 }]);
  });
});

describe('durations as the status bar writes them', () => {
  it('hours with minutes, minutes with seconds, or seconds, zero-padded after the first unit', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(42), '42s');
    assert.equal(formatDuration(59.9), '59s');
    assert.equal(formatDuration(60), '1m 00s');
    assert.equal(formatDuration(185), '3m 05s');
    assert.equal(formatDuration(3599), '59m 59s');
    assert.equal(formatDuration(3600), '1h 00m');
    assert.equal(formatDuration(3720), '1h 02m');
    assert.equal(formatDuration(3600 * 26 + 61), '26h 01m');
  });
});
