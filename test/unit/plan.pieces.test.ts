// The pieces several plans share, as the operator reads them: where a line is, the Grafana step, the PD refusal
// that quotes why, the Prometheus refresh and the flags a playbook step carries (-k, may be skipped), the
// directories to wipe after a scale-in, and the PD facts read once for a plan.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { msg, render, type Msg } from '../../src/core/l10n/message';
import type { PdApi } from '../../src/core/pd/api';
import type { PdResult } from '../../src/core/pd/http';
import { pdVersion, type PdVersion } from '../../src/core/pd/version';
import { grafanaStep, lineOf, monitoringHosts, pdUnknown } from '../../src/core/plan/common';
import { storesOf } from '../../src/core/plan/facts';
import { readPdFacts } from '../../src/core/plan/pdFacts';
import { playbookStep, refreshPrometheusSpec } from '../../src/core/plan/playbooks';
import { dirsToWipe } from '../../src/core/plan/wipe';
import { factsOf, tiflashStore, unknownFacts } from '../support/facts';

const both = (m: Msg) => [render(m, 'en'), render(m, 'zh-cn')];
const what = msg('plan.what.clusterAnd', { name: 'TiFlash20' });

describe('plan pieces', () => {
  it('names a line one-based, or the whole file when there is no line', () => {
    assert.deepEqual(both(lineOf('inventory.ini', 57)), ['inventory.ini line 58', 'inventory.ini 第 58 行']);
    assert.deepEqual(both(lineOf('hosts.ini', 0)), ['hosts.ini line 1', 'hosts.ini 第 1 行']);
    assert.deepEqual(both(lineOf('hosts.ini', undefined)), ['hosts.ini', 'hosts.ini 文件']);
  });

  it('links Grafana when the inventory has one, and says so when it has none', () => {
    const withGrafana = parseInventory('[grafana_servers]\n192.168.0.10 grafana_port=3001\n');
    const step = grafanaStep(withGrafana, what);
    assert.equal(step.url, 'http://192.168.0.10:3001');
    assert.equal(step.detail, undefined);
    assert.deepEqual(both(step.title), [`Watch ${render(what, 'en')} in Grafana`, `在 Grafana 中观察${render(what, 'zh-cn')}`]);

    const without = grafanaStep(parseInventory('[tiflash_servers]\n192.168.0.11\n'), what);
    assert.equal(without.url, undefined);
    assert.deepEqual(both(without.title), both(step.title));
    assert.deepEqual(both(without.detail!), ['No [grafana_servers] host in inventory.ini.', 'inventory.ini 中没有 [grafana_servers] 主机。']);
  });

  it('refuses on an unusable PD answer quoting why', () => {
    const why = msg('pd.noEndpoint', { service: 'PD' });
    const b = pdUnknown(why);
    assert.equal(b.check, 'pd-unknown');
    assert.equal(render(b.message, 'en'), `PD did not give an answer a decision can rest on: ${render(why, 'en')}`);
    assert.equal(render(b.message, 'zh-cn'), `PD 没有给出可作为判断依据的应答：${render(why, 'zh-cn')}`);
    assert.equal(render(pdUnknown(undefined).message, 'en'), 'PD could not be read, so it is unknown what the run would act on.');
  });

  it('refreshes Prometheus on the first monitoring host only, or expects none without [monitoring_servers]; the step may be skipped', () => {
    const two = parseInventory('[monitoring_servers]\n192.168.0.10\n192.168.0.9\n');
    assert.deepEqual(monitoringHosts(two), ['192.168.0.10', '192.168.0.9']);
    assert.deepEqual(monitoringHosts(parseInventory('[tiflash_servers]\n192.168.0.11\n')), []);
    const r = playbookStep({}, refreshPrometheusSpec(monitoringHosts(two)));
    assert.ok('step' in r);
    assert.deepEqual(r.step.expectHosts, ['192.168.0.10']);
    assert.equal(r.step.skippable, true);
    assert.deepEqual([...r.step.argv], ['ansible-playbook', '-i', 'inventory.ini', 'rolling_update_monitor.yml', '--tags=prometheus']);
  });

  it('marks a playbook step that asks for the password or may be skipped, and no other', () => {
    const base = { id: 'x', title: msg('plan.step.deployNtp'), inventory: 'hosts' as const, playbook: 'deploy_ntp.yml', expectHosts: [] };
    const plain = playbookStep({}, base);
    assert.ok('step' in plain);
    assert.equal('asksPassword' in plain.step, false);
    assert.equal('skippable' in plain.step, false);
    const flagged = playbookStep({}, { ...base, asksPassword: true, skippable: true });
    assert.ok('step' in flagged);
    assert.equal(flagged.step.asksPassword, true);
    assert.equal(flagged.step.skippable, true);
    assert.deepEqual([...flagged.step.argv], ['ansible-playbook', '-i', 'hosts.ini', 'deploy_ntp.yml', '-k']);
  });

  it('wipes each data directory once, trailing slashes dropped, one inside another listed with it', () => {
    const host = (line: string) => tiflashHosts(parseInventory(`[tiflash_servers]\n${line}\n`))[0];
    assert.deepEqual(dirsToWipe(host('192.168.0.11 data_dir=/data1/tiflash//')), ['/data1/tiflash']);
    assert.deepEqual(dirsToWipe(host('192.168.0.11 data_dir=/data1/tiflash,/data2/tiflash/,/data1/tiflash/db')), ['/data1/tiflash', '/data2/tiflash']);
  });

  it('has no stores to offer when PD could not be read', () => {
    assert.deepEqual(storesOf(unknownFacts), []);
    const store = tiflashStore(53, '192.168.0.11:3930');
    assert.deepEqual(storesOf(factsOf([store])), [store]);
  });

  it('reads the store list, the placement rules and the version PD answered, and leaves out a version it could not read', async () => {
    const pd = factsOf([tiflashStore(53, '192.168.0.11:3930')]);
    const fake = (version: PdResult<PdVersion>) =>
      ({ stores: () => Promise.resolve(pd.stores), tiflashRules: () => Promise.resolve(pd.rules), version: () => Promise.resolve(version) }) as Pick<
        PdApi,
        'stores' | 'tiflashRules' | 'version'
      >;
    const v = pdVersion('v4.0.16');
    assert.deepEqual(await readPdFacts(fake({ ok: true, value: v }) as PdApi), { stores: pd.stores, rules: pd.rules, version: v });
    const failed = await readPdFacts(fake({ ok: false, error: { kind: 'unreachable', message: msg('pd.noEndpoint', { service: 'PD' }) } }) as PdApi);
    assert.deepEqual(failed, { stores: pd.stores, rules: pd.rules });
    assert.equal('version' in failed, false);
  });
});
