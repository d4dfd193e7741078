// When raising the draining store's own remove limit would help a stuck drain, and by how much.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { limitRaise, type DrainVerdict } from '../../src/core/pd/stuckDrain';
import { parseStoreId } from '../../src/core/pd/types';

const id = parseStoreId('53')!;
const stuck = (...findings: { check: 'rules' | 'space' | 'limits' | 'none'; blocking: boolean }[]): DrainVerdict => ({
  stuck: true,
  stalledMs: 300_000,
  regions: 10,
  summary: msg('drain.noCause'),
  findings: findings.map((f) => ({ ...f, message: msg('drain.noCause') })),
});
const limits = (remove: number) => ({ add: new Map(), remove: new Map([[id, remove]]) });

describe('raising the limit of a stuck drain', () => {
  it("is offered when only the store's remove limit holds it: four times the limit, at least 60 per minute", () => {
    assert.deepEqual(limitRaise(stuck({ check: 'limits', blocking: true }), id, limits(0)), { storeId: id, from: 0, to: 60 });
    assert.deepEqual(limitRaise(stuck({ check: 'none', blocking: false }), id, limits(30)), { storeId: id, from: 30, to: 120 });
  });

  it('is not offered when rules or space hold it, when the limit is unknown or already high, or when nothing is stuck', () => {
    assert.equal(limitRaise(stuck({ check: 'rules', blocking: true }, { check: 'limits', blocking: true }), id, limits(0)), undefined);
    assert.equal(limitRaise(stuck({ check: 'space', blocking: true }), id, limits(0)), undefined);
    assert.equal(limitRaise(stuck({ check: 'limits', blocking: true }), id, undefined), undefined);
    assert.equal(limitRaise(stuck({ check: 'none', blocking: false }), id, limits(100_000_000)), undefined, 'PD 4.0 already raised it on delete');
    assert.equal(limitRaise({ stuck: false }, id, limits(0)), undefined);
  });
});
