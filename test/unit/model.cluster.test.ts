// The read model of one cluster with the clock in the test's hands: every host's match and state, honest
// staleness once PD fails (never "PD unreachable" as a state), drain progress, the stuck-drain rule and
// when PD's facts are read for it, and what each row allows per PD version.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { lensTitle, rowDescription, rowLabel } from '../../src/core/model/present';
import type { HostRow } from '../../src/core/model/types';
import { parseStoreId } from '../../src/core/pd/types';
import { pdVersion } from '../../src/core/pd/version';
import { rule } from '../support/facts';
import { demoStores, drainsOf, en, MIN, modelOf, NOW, readAt, samples, text, zh } from '../support/model';

const unreachable = { kind: 'unreachable' as const, message: msg('pd.unreachable', { service: 'PD', failures: 'ECONNREFUSED' }) };
const byId = (rows: HostRow[], id: string) => rows.find((r) => r.id === id)!;
const offline54 = () => demoStores({ '54': { state: 'Offline', stateName: 'Offline', regionCount: 300 } });

describe('read model: hosts and their states', () => {
  it('matches every inventory host, then the TiFlash stores the inventory lacks', () => {
    const m = modelOf(readAt(demoStores()));
    assert.deepEqual(
      m.rows.map((r) => [r.id, r.match.kind, r.state, r.store?.id]),
      [
        ['192.168.0.11', 'store', 'Up', '53'],
        ['TiFlash12-1', 'store', 'Up', '54'],
        ['TiFlash12-2', 'store', 'Up', '55'],
        ['192.168.0.13', 'absent', 'NotInPd', undefined],
        ['store-61', 'orphan', 'Tombstone', '61'],
      ],
    );
    assert.deepEqual(m.pd, { kind: 'ok', readAt: NOW });
    assert.deepEqual(Object.fromEntries(m.counts), { Up: 3, NotInPd: 1, Tombstone: 1 });
  });

  it('names a host without an alias once: the address only beside an alias', () => {
    const m = modelOf(readAt(demoStores()));
    const line = (id: string) => `${text(rowLabel(byId(m.rows, id)))} | ${en(rowDescription(byId(m.rows, id)))}`;
    assert.equal(line('192.168.0.11'), '192.168.0.11 | Up');
    assert.equal(line('TiFlash12-1'), 'TiFlash12-1 | 192.168.0.12 · Up');
    assert.equal(line('192.168.0.13'), '192.168.0.13 | not in PD');
    assert.equal(line('store-61'), 'store 61 | 192.168.0.19:3930 · Tombstone · not in inventory');
    assert.equal(zh(rowDescription(byId(m.rows, 'store-61'))), '192.168.0.19:3930 · Tombstone · 不在 inventory 中');
    assert.equal(en(lensTitle(byId(m.rows, '192.168.0.11'))), 'Up · store 53 · 100 regions');
    assert.equal(zh(lensTitle(byId(m.rows, '192.168.0.11'))), 'Up · store 53 · 100 个 Region');
  });

  it('before PD answers every host is unknown, never "not in PD", and nothing is offered', () => {
    const m = modelOf({});
    assert.deepEqual(
      m.rows.map((r) => r.state),
      ['Unknown', 'Unknown', 'Unknown', 'Unknown'],
    );
    assert.equal(text(m.rows[0].reason!), 'PD has not been read yet');
    assert.ok(m.rows.every((r) => r.staleMs === undefined && !Object.values(r.actions).some(Boolean)));
    assert.equal(en(lensTitle(m.rows[0])), 'PD state unknown');
  });

  it('once PD fails, keeps what PD last said with its age, in both languages, and never shows "PD unreachable" as a state', () => {
    const m = modelOf(readAt(demoStores(), NOW - 2 * MIN - 5000, { failing: { error: unreachable, since: NOW - 90_000 } }), { now: NOW });
    assert.deepEqual(m.pd, { kind: 'failing', error: unreachable, since: NOW - 90_000, readAt: NOW - 2 * MIN - 5000 });
    assert.deepEqual(
      m.rows.map((r) => r.state),
      ['Up', 'Up', 'Up', 'NotInPd', 'Tombstone'],
    );
    assert.ok(m.rows.every((r) => r.staleMs === 2 * MIN + 5000));
    const row = byId(m.rows, '192.168.0.11');
    assert.equal(en(rowDescription(row)), 'Up · 2 min ago');
    assert.equal(zh(rowDescription(row)), 'Up · 2 分钟前');
    assert.equal(en(lensTitle(row)), 'Up · store 53 · 100 regions · 2 min ago');
    assert.equal(en(rowDescription(byId(m.rows, '192.168.0.13'))), 'not in PD · 2 min ago');
    for (const r of m.rows) assert.doesNotMatch(`${en(rowDescription(r))} ${en(lensTitle(r))}`, /unreachable/i);
  });

  it('is fresh again, without an age, as soon as PD answers', () => {
    const m = modelOf(readAt(demoStores(), NOW));
    assert.ok(m.rows.every((r) => r.staleMs === undefined));
  });

  it('when PD failed before any answer, every host is unknown because of it', () => {
    const m = modelOf({ failing: { error: unreachable, since: NOW - 5000 } });
    assert.deepEqual(
      m.rows.map((r) => r.state),
      ['Unknown', 'Unknown', 'Unknown', 'Unknown'],
    );
    assert.equal(text(m.rows[0].reason!), 'PD is unreachable (ECONNREFUSED)');
    assert.ok(m.rows.every((r) => r.staleMs === undefined));
  });

  it('in an untrusted workspace says why PD is not asked', () => {
    const m = modelOf({ off: msg('view.pd.untrusted') });
    assert.equal(m.pd.kind, 'off');
    assert.equal(text(m.rows[0].reason!), 'PD is not contacted in an untrusted workspace');
  });

  it('shows Disconnected and Down as PD says them, and offers scale-in for them', () => {
    const m = modelOf(readAt(demoStores({ '53': { state: 'Disconnected', stateName: 'Disconnected' }, '54': { state: 'Down', stateName: 'Down' } })));
    assert.deepEqual(
      m.rows.slice(0, 2).map((r) => [r.state, r.actions.scaleIn, r.actions.forceTombstone]),
      [
        ['Disconnected', true, false],
        ['Down', true, false],
      ],
    );
  });
});

describe('read model: what each row allows', () => {
  const actions = (version: string | undefined) => {
    const stores = demoStores({ '54': { state: 'Offline', stateName: 'Offline' } });
    const m = modelOf(readAt(stores, NOW, version ? { version: pdVersion(version) } : {}));
    return Object.fromEntries(
      m.rows.map((r) => [
        r.id,
        Object.entries(r.actions)
          .filter(([, on]) => on)
          .map(([a]) => a)
          .join(','),
      ]),
    );
  };

  it("offers Force Tombstone only where PD's version accepts it (3.1, 4.0)", () => {
    for (const v of ['v3.1.2', 'v4.0.16']) {
      assert.deepEqual(
        actions(v),
        {
          '192.168.0.11': 'scaleIn',
          'TiFlash12-1': 'scaleIn,cancelScaleIn,forceTombstone',
          'TiFlash12-2': 'scaleIn',
          '192.168.0.13': 'scaleOut',
          'store-61': '',
        },
        v,
      );
    }
    assert.equal(actions('v5.0.0')['TiFlash12-1'], 'scaleIn,cancelScaleIn', 'PD 5.0 answers "invalid state"');
    assert.equal(actions(undefined)['TiFlash12-1'], 'scaleIn,cancelScaleIn', 'not before the version is known');
  });

  it('names a PD newer than 4.0 as outside what tidb-ansible deploys, and keeps reading', () => {
    const m = modelOf(readAt(demoStores(), NOW, { version: pdVersion('v5.4.0') }));
    assert.match(text(m.versionNote!), /newer than what tidb-ansible deploys/);
    assert.equal(m.rows[0].state, 'Up');
    assert.equal(modelOf(readAt(demoStores(), NOW, { version: pdVersion('v4.0.16') })).versionNote, undefined);
  });

  it('offers nothing on an ambiguous address', () => {
    const stores = [
      ...demoStores(),
      ...demoStores()
        .slice(0, 1)
        .map((s) => ({ ...s, id: parseStoreId('99')! })),
    ];
    const row = modelOf(readAt(stores)).rows[0];
    assert.equal(row.match.kind, 'ambiguous');
    assert.equal(row.state, 'Unknown');
    assert.ok(!Object.values(row.actions).some(Boolean));
    assert.match(text(row.reason!), /53.*99/);
  });
});

describe('read model: drains', () => {
  it('measures regions, rate and ETA from the samples', () => {
    // 400 → 300 over 100 s: 1 region/s, 300 s left
    const m = modelOf(readAt(offline54()), { drains: drainsOf('54', samples(NOW, 100_000, 400, 10)) });
    assert.equal(m.drains.length, 1);
    const d = m.drains[0];
    assert.deepEqual([d.storeId, d.hostName, d.regions, d.rate, d.etaSeconds, d.stalledMs, d.stuck], ['54', 'TiFlash12-1', 300, 1, 300, 0, undefined]);
    assert.equal(byId(m.rows, 'TiFlash12-1').drain, d);
    assert.equal(en(rowDescription(byId(m.rows, 'TiFlash12-1'))), '192.168.0.12 · Offline · 300 regions');
  });

  it('makes no estimate while PD fails: the count is as of the last answer', () => {
    const pd = readAt(offline54(), NOW - 3 * MIN, { failing: { error: unreachable, since: NOW - 170_000 } });
    const m = modelOf(pd, { drains: drainsOf('54', samples(NOW - 3 * MIN, 100_000, 400, 10)) });
    const d = m.drains[0];
    assert.deepEqual(
      [d.rate, d.etaSeconds, d.staleMs, d.stalledMs, d.stuck],
      [undefined, undefined, 3 * MIN, 0, undefined],
      'an outage does not make a drain stuck',
    );
    assert.equal(m.wantsDrainFacts, false);
  });

  it("is stuck when the count has not fallen for the setting's duration (2 minutes by default), not before, not at 0", () => {
    const flatFor = (ms: number) => samples(NOW, 5 * MIN, 400, 10, NOW - ms);
    const at = (ms: number, more = {}) => modelOf(readAt(offline54()), { drains: drainsOf('54', flatFor(ms)), ...more }).drains[0];
    assert.equal(at(90_000).stuck, undefined, '90 s is under 2 minutes');
    assert.equal(at(90_000, { stuckAfterMs: MIN }).stuck?.stalledMs, 90_000, 'the setting decides');
    const d = at(3 * MIN);
    assert.ok(d.stuck);
    assert.equal(d.stuck.stalledMs, 3 * MIN);
    assert.equal(text(d.stuck.summary), 'Store 54 has not moved a Region for 3 min: 280 Regions left');
    const drained = modelOf(readAt(demoStores({ '54': { state: 'Offline', stateName: 'Offline', regionCount: 0 } })), {
      drains: drainsOf('54', [
        { at: NOW - 5 * MIN, regions: 0 },
        { at: NOW, regions: 0 },
      ]),
    });
    assert.equal(drained.drains[0].stuck, undefined, 'at 0 Regions PD buries the store: waiting, not stuck');
  });

  it("asks for PD's rules, space and limits once stuck, shows what they say, and asks again only when they are old", () => {
    const drains = drainsOf('54', samples(NOW, 5 * MIN, 400, 10, NOW - 3 * MIN));
    const before = modelOf(readAt(offline54()), { drains });
    assert.equal(before.wantsDrainFacts, true);
    assert.deepEqual(before.drains[0].stuck?.findings, [], 'nothing claimed before it was checked');
    const facts = { at: NOW, rules: { enabled: true as const, rules: [rule(3)] }, schedule: { lowSpaceRatio: 0.8 } };
    const after = modelOf(readAt(offline54(), NOW, { drainFacts: facts }), { drains });
    assert.equal(after.wantsDrainFacts, false);
    const found = after.drains[0].stuck!.findings.map((f) => `${f.blocking ? '!' : '-'} ${text(f.message)}`);
    assert.equal(
      found[0],
      '! placement rules need 3 TiFlash stores but only 2 others are Up (table-3-r (3)): ' +
        'the store stays Offline until replicas are lowered or a TiFlash store is added',
    );
    assert.equal(after.drains[0].stuck!.checkedAt, NOW);
    const old = modelOf(readAt(offline54(), NOW, { drainFacts: { ...facts, at: NOW - 2 * MIN - 1 } }), { drains });
    assert.equal(old.wantsDrainFacts, true, 'read before the drain became stuck');
    const recent = modelOf(readAt(offline54(), NOW, { drainFacts: { ...facts, at: NOW - 30_000 } }), { drains });
    assert.equal(recent.wantsDrainFacts, false);
  });

  it('does not ask PD anything more for a drain that falls', () => {
    const m = modelOf(readAt(offline54()), { drains: drainsOf('54', samples(NOW, 5 * MIN, 400, 1)) });
    assert.equal(m.wantsDrainFacts, false);
    assert.equal(modelOf(readAt(demoStores())).wantsDrainFacts, false);
  });
});
