import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { parseStoreId } from '../../src/core/pd/types';
import { pdStep } from '../../src/core/plan/storeOps';
import type { Step } from '../../src/core/plan/types';
import type { JournalEntry } from '../../src/core/run/journal';
import { limitBeforeDelete } from '../../src/core/run/recorded';

const id = (n: number) => parseStoreId(String(n))!;
const del = (n: number): Step =>
  pdStep('delete-store', msg('plan.step.deleteStore', { id: String(n), address: 'x' }), { kind: 'delete-store', storeId: id(n) }, id(n));
const base = (run: string) => ({ v: 1 as const, at: '2026-01-01T00:00:00.000Z', run });
const started = (run: string, steps: Step[]): JournalEntry => ({
  ...base(run),
  kind: 'run-started',
  who: { user: 'u', hostname: 'h', tool: 't' },
  operation: 'scale-in',
  target: 'x',
  steps,
  warnings: [],
});
const done = (run: string, index: number, limit?: number): JournalEntry => ({
  ...base(run),
  kind: 'event',
  event: { type: 'step-done', index, at: 1, ...(limit === undefined ? {} : { removePeerLimitBefore: limit }) },
});

describe('the remove-peer limit recorded before a delete', () => {
  it('is the newest one recorded for that store', () => {
    const entries = [started('a', [del(53)]), done('a', 0, 15), started('b', [del(53)]), done('b', 0, 30), started('c', [del(54)]), done('c', 0, 99)];
    assert.equal(limitBeforeDelete(entries, id(53)), 30);
    assert.equal(limitBeforeDelete(entries, id(54)), 99);
  });

  it('is unknown for a store no run of this journal deleted, or a delete that recorded none', () => {
    assert.equal(limitBeforeDelete([started('a', [del(53)]), done('a', 0)], id(53)), undefined);
    assert.equal(limitBeforeDelete([started('a', [del(53)]), done('a', 0, 15)], id(61)), undefined);
    assert.equal(limitBeforeDelete([done('z', 0, 15)], id(53)), undefined, 'an event of a run whose start is not in the journal');
  });
});
