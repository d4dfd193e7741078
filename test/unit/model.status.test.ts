// What the status bar, the tooltips and the log say, built from read models (clock injected), in both languages.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg, render } from '../../src/core/l10n/message';
import { changeLines } from '../../src/core/model/events';
import { hostDetails } from '../../src/core/model/present';
import { drainReport, statusOf, summaryMsg } from '../../src/core/model/status';
import { ageMsg, durationMsg, pdTime } from '../../src/core/model/time';
import type { ClusterModel } from '../../src/core/model/types';
import { pdVersion } from '../../src/core/pd/version';
import { rule } from '../support/facts';
import { demoStores, drainsOf, en, MIN, modelOf, NOW, readAt, samples, text, zh } from '../support/model';

const unreachable = { kind: 'unreachable' as const, message: msg('pd.unreachable', { service: 'PD', failures: 'ECONNREFUSED' }) };
const status = (...models: ClusterModel[]) => statusOf(models.map((model, i) => ({ name: `cluster${i + 1}`, model })));
const offline = (id: string, regions: number) => ({ [id]: { state: 'Offline' as const, stateName: 'Offline', regionCount: regions } });

describe('times as people read them', () => {
  it('says how long ago, in both languages', () => {
    const both = (ms: number) => [render(ageMsg(ms), 'en'), render(ageMsg(ms), 'zh-cn')];
    assert.deepEqual(both(400), ['just now', '刚刚']);
    assert.deepEqual(both(3_400), ['3 s ago', '3 秒前']);
    assert.deepEqual(both(2 * MIN + 59_000), ['2 min ago', '2 分钟前']);
    assert.deepEqual(both(5 * 3600_000), ['5 h ago', '5 小时前']);
    assert.deepEqual(both(3 * 86_400_000), ['3 d ago', '3 天前']);
  });

  it('says how long, in both languages', () => {
    const both = (s: number) => [render(durationMsg(s), 'en'), render(durationMsg(s), 'zh-cn')];
    assert.deepEqual(both(42), ['42s', '42 秒']);
    assert.deepEqual(both(185), ['3m 05s', '3 分 05 秒']);
    assert.deepEqual(both(3720), ['1h 02m', '1 小时 02 分']);
    assert.deepEqual(both(2 * 86_400 + 3 * 3600), ['2d 03h', '2 天 03 小时']);
  });

  it("reads PD's RFC 3339 times with nanoseconds and ignores its zero time", () => {
    assert.equal(pdTime('2020-12-28T09:59:59.370371123+08:00'), Date.UTC(2020, 11, 28, 1, 59, 59, 370));
    assert.equal(pdTime('1970-01-01T08:00:00+08:00'), undefined);
    assert.equal(pdTime('yesterday'), undefined);
    assert.equal(pdTime(undefined), undefined);
  });
});

describe('status bar', () => {
  it('counts the stores per state: "3 Up", "N Offline", Disconnected and Down, not Tombstone or hosts PD lacks', () => {
    assert.equal(en(status(modelOf(readAt(demoStores()))).text), 'TiFlash 3 Up');
    assert.equal(zh(status(modelOf(readAt(demoStores()))).text), 'TiFlash 状态：3 个 Up');
    const counts = new Map([
      ['Up', 1],
      ['Offline', 2],
      ['Down', 1],
      ['Disconnected', 1],
      ['Tombstone', 4],
      ['NotInPd', 1],
      ['Unknown', 1],
    ] as const);
    assert.equal(render(summaryMsg(counts), 'en'), 'TiFlash 1 Up, 2 Offline, 1 Disconnected, 1 Down, 1 state unknown');
    assert.equal(render(summaryMsg(counts), 'zh-cn'), 'TiFlash 状态：1 个 Up、2 个 Offline、1 个 Disconnected、1 个 Down、1 个 状态未知');
    assert.equal(render(summaryMsg(new Map()), 'en'), 'TiFlash: no stores');
    const s = status(modelOf(readAt(demoStores())));
    assert.deepEqual([s.kind, s.warning], ['summary', false]);
  });

  it('while a store drains: its regions, rate and ETA, and how many more drain', () => {
    const m = modelOf(readAt(demoStores({ ...offline('54', 300), ...offline('55', 50) })), {
      drains: new Map([...drainsOf('54', samples(NOW, 100_000, 400, 10)), ...drainsOf('55', samples(NOW, 100_000, 50, 0))]),
    });
    const s = status(m);
    assert.equal(s.kind, 'draining');
    assert.equal(en(s.text), 'TiFlash store 54: 300 regions · 1.0/s · ETA 5m 00s · 1 more Offline');
    assert.equal(zh(s.text), 'TiFlash store 54：300 个 Region · 1.0/秒 · 预计 5 分 00 秒 · 另有 1 个 Offline');
  });

  it('says PD is unreachable, with how old what is shown is, and never a count of states from before', () => {
    const m = modelOf(readAt(demoStores(), NOW - 2 * MIN, { failing: { error: unreachable, since: NOW - 100_000 } }));
    const s = status(m);
    assert.deepEqual(
      [s.kind, s.warning, en(s.text), zh(s.text)],
      ['unreachable', true, 'TiFlash: PD unreachable · last read 2 min ago', 'TiFlash：无法连接 PD · 上次读取于 2 分钟前'],
    );
    assert.equal(en(status(modelOf({ failing: { error: unreachable, since: NOW } })).text), 'TiFlash: PD unreachable');
    assert.deepEqual(
      s.tooltip.map((l) => text(l)),
      [
        'TiFlash stores in PD. Click to open the TiFlash Hosts view.',
        'PD version not read yet',
        'PD unreachable for 1m 40s: PD is unreachable (ECONNREFUSED)',
        'store list read 2 min ago',
      ],
    );
  });

  it('one unreachable cluster of two is enough to say so; the drain of a stale cluster is not estimated', () => {
    const fine = modelOf(readAt(demoStores()));
    const away = modelOf(readAt(demoStores(offline('54', 300)), NOW - 30_000, { failing: { error: unreachable, since: NOW - 20_000 } }), {
      drains: drainsOf('54', samples(NOW - 30_000, 100_000, 400, 10)),
    });
    assert.equal(status(fine, away).kind, 'unreachable');
    assert.deepEqual(
      drainReport(away.drains[0]).map((p) => text(p)),
      ['PD unreachable: 300 regions left as of 30 s ago, no estimate until PD answers'],
    );
    assert.ok(status(fine, away).tooltip.some((l) => text(l).startsWith('cluster2: PD unreachable for 20s')));
  });

  it('says a drain is stuck, in warning colour, with what was checked in the tooltip and the report', () => {
    const drains = drainsOf('54', samples(NOW, 5 * MIN, 400, 10, NOW - 3 * MIN));
    const facts = { at: NOW, rules: { enabled: true as const, rules: [rule(3)] }, schedule: { lowSpaceRatio: 0.8 } };
    const m = modelOf(readAt(demoStores(offline('54', 280)), NOW, { drainFacts: facts, version: pdVersion('v4.0.16') }), { drains });
    const s = status(m);
    assert.deepEqual([s.kind, s.warning, en(s.text)], ['stuck', true, 'TiFlash store 54: 280 regions, no progress for 3 min']);
    assert.equal(zh(s.text), 'TiFlash store 54：280 个 Region，已 3 分钟没有进展');
    const report = drainReport(m.drains[0]).map((p) => text(p));
    assert.deepEqual(report.slice(0, 2), [
      'TiFlash store 54: 280 regions, no progress for 3 min',
      'placement rules need 3 TiFlash stores but only 2 others are Up (table-3-r (3)): ' +
        'the store stays Offline until replicas are lowered or a TiFlash store is added',
    ]);
    assert.ok(
      report.some((l) => l.startsWith('free space: ')),
      report.join('\n'),
    );
    assert.ok(
      report.some((l) => l.startsWith('store limits: not checked')),
      'limits that could not be read say so',
    );
    assert.ok(s.tooltip.map((l) => text(l)).includes('Store 54 has not moved a Region for 3 min: 280 Regions left'));
    const unchecked = modelOf(readAt(demoStores(offline('54', 280))), { drains });
    assert.deepEqual(
      drainReport(unchecked.drains[0])
        .map((p) => text(p))
        .slice(1),
      ['checking placement rules, free space and store limits in PD…'],
    );
  });

  it('says when the workspace is untrusted and while PD is first read', () => {
    assert.equal(en(status(modelOf({ off: msg('view.pd.untrusted') })).text), 'TiFlash: untrusted');
    assert.equal(status(modelOf({})).kind, 'reading');
  });
});

describe('tooltips', () => {
  const local = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

  it("lists the host, then its store with relative times and the local time, then PD's version", () => {
    const hb = new Date(NOW - 3000).toISOString();
    const started = new Date(NOW - 2 * 86_400_000).toISOString();
    const m = modelOf(
      readAt(demoStores({ '53': { lastHeartbeatTs: hb, startTs: started, capacity: '1TiB', available: '500GiB' } }), NOW, { version: pdVersion('v4.0.16') }),
    );
    const rows = hostDetails(m.rows[0], m, NOW, local).map(([k, v]) => `${text(k)}: ${text(v)}`);
    assert.deepEqual(rows, [
      'Inventory name: 192.168.0.11',
      'Address: 192.168.0.11',
      'flash_service_port: 3930',
      'deploy_dir: /home/tidb/deploy',
      'Store id: 53',
      'State: Up',
      'Version: v4.0.9',
      'Regions: 100',
      'Capacity / available: 1TiB / 500GiB',
      `Last heartbeat: 3 s ago (local time ${local(NOW - 3000)})`,
      `Started: 2 d ago (local time ${local(NOW - 2 * 86_400_000)})`,
      'PD version: v4.0.16',
    ]);
  });

  it('explains Disconnected and Down, a stale state, a host PD lacks and an unknown one', () => {
    const stale = modelOf(
      readAt(demoStores({ '53': { state: 'Disconnected', stateName: 'Disconnected' }, '54': { state: 'Down', stateName: 'Down' } }), NOW - 5 * MIN, {
        failing: { error: unreachable, since: NOW - MIN },
      }),
    );
    const tip = (i: number) => hostDetails(stale.rows[i], stale, NOW, String).map(([k, v]) => `${text(k)}: ${text(v)}`);
    assert.ok(tip(0).includes('State: Disconnected, as PD said 5 min ago'));
    assert.ok(tip(0).includes('Heartbeat: PD has had no heartbeat from this store for more than 20 s'));
    assert.ok(tip(1).some((l) => l.startsWith('Heartbeat: PD has had no heartbeat from this store for longer than max-store-down-time')));
    assert.ok(tip(3).includes('PD store: none: this host is not a store in PD'));
    const unknown = modelOf({});
    assert.ok(hostDetails(unknown.rows[0], unknown, NOW, String).some(([k, v]) => text(k) === 'Why unknown' && text(v) === 'PD has not been read yet'));
    assert.equal(text(hostDetails(stale.rows[0], stale, NOW, String)[5][1], 'zh-cn'), 'Disconnected（PD 于 5 分钟前给出）');
  });
});

describe('the log', () => {
  const lines = (prev: ClusterModel | undefined, next: ClusterModel) => {
    const { warn, info } = changeLines(prev, next, ['http://127.0.0.1:2379']);
    return { warn: warn.map((m) => text(m)), info: info.map((m) => text(m)) };
  };

  it('says once that PD went away and when it came back', () => {
    const ok = modelOf(readAt(demoStores()));
    const down = modelOf(readAt(demoStores(), NOW, { failing: { error: unreachable, since: NOW } }), { now: NOW + 5000 });
    const stillDown = modelOf(readAt(demoStores(), NOW, { failing: { error: unreachable, since: NOW } }), { now: NOW + 10_000 });
    const back = modelOf(readAt(demoStores(), NOW + 65_000), { now: NOW + 65_000 });
    assert.deepEqual(lines(ok, down), { warn: ['PD unreachable at http://127.0.0.1:2379: PD is unreachable (ECONNREFUSED)'], info: [] });
    assert.deepEqual(lines(down, stillDown), { warn: [], info: [] });
    assert.deepEqual(lines(stillDown, back), { warn: [], info: ['PD answers again at http://127.0.0.1:2379 after 1m 05s'] });
  });

  it('says a drain is stuck once it was checked, with what was found, and when it moves again', () => {
    const drains = drainsOf('54', samples(NOW, 5 * MIN, 400, 10, NOW - 3 * MIN));
    const stores = demoStores(offline('54', 280));
    const unchecked = modelOf(readAt(stores), { drains });
    const checked = modelOf(readAt(stores, NOW, { drainFacts: { at: NOW, rules: { enabled: true, rules: [rule(1)] } } }), { drains });
    assert.deepEqual(lines(undefined, unchecked).warn, [], 'nothing is claimed before PD was asked');
    const said = lines(unchecked, checked).warn;
    assert.equal(said[0], 'TiFlash store 54: 280 regions, no progress for 3 min');
    assert.ok(said.includes('placement rules: the largest count is 1, and 2 other TiFlash stores are Up'));
    assert.deepEqual(lines(checked, checked).warn, [], 'not again while nothing changed');
    const moving = modelOf(readAt(stores), { drains: drainsOf('54', samples(NOW, 5 * MIN, 400, 1)) });
    assert.deepEqual(lines(checked, moving).info, [`Store 54 moves Regions again: ${moving.drains[0].regions} left`]);
  });

  it("names a PD version outside tidb-ansible's once", () => {
    const newer = modelOf(readAt(demoStores(), NOW, { version: pdVersion('v6.5.0') }));
    assert.equal(lines(modelOf(readAt(demoStores())), newer).warn.length, 1);
    assert.equal(lines(newer, newer).warn.length, 0);
  });
});
