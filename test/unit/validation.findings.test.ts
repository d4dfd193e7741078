// Each rule's findings on small inventories, whole: where they point (line and span), which message and with
// which arguments (an empty argument shows the operator a blank), and which fix they offer or withhold.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instances, instancesByAddress } from '../../src/core/inventory/instances';
import { parseInventory } from '../../src/core/inventory/parse';
import { validate } from '../../src/core/validation';
import { isIp } from '../../src/core/validation/helpers';
import type { Finding } from '../../src/core/validation/types';

/** What the operator sees of a finding: where, what, and the titles of its fixes. */
const seen = (f: Finding) => ({ line: f.line, start: f.start, end: f.end, message: f.message, fixes: f.fixes?.map((x) => x.title) });

function found(rule: string, text: string, hosts?: string, resolvedNames?: Record<string, string>) {
  const names = resolvedNames && new Map(Object.entries(resolvedNames));
  return validate(parseInventory(text), hosts === undefined ? undefined : parseInventory(hosts), names)
    .filter((f) => f.rule === rule)
    .map(seen);
}

/** A finding without fixes. */
const at = (line: number, start: number, end: number, id: string, args: Record<string, unknown> = {}) => ({
  line,
  start,
  end,
  message: { id, args },
  fixes: undefined,
});

describe('validation findings, whole', () => {
  it("required-group-empty points at the group's own header, else at the first line", () => {
    const text = '# cluster\n[tikv_servers]\n10.0.0.2\n[pd_servers]\n[monitoring_servers]\n10.0.0.4\n[all:vars]\ndeploy_without_tidb = True\n';
    assert.deepEqual(found('required-group-empty', text), [
      at(0, 0, 9, 'validation.requiredGroupEmpty', { group: 'monitored_servers' }),
      at(3, 0, 12, 'validation.requiredGroupEmpty', { group: 'pd_servers' }),
    ]);
  });

  it('ansible-user-root: only ansible_user, wherever it is set', () => {
    assert.deepEqual(found('ansible-user-root', '[tikv_servers]\n10.0.0.2 ansible_user=root\n[all:vars]\nx = root\ntimezone = UTC\n'), [
      at(1, 22, 26, 'validation.ansibleUserRoot'),
    ]);
  });

  it('timezone-missing: the last [all:vars] value counts, no other group’s; on the [all:vars] header when absent', () => {
    const tz = (vars: string) => found('timezone-missing', `[tikv_servers]\n10.0.0.2\n[all:vars]\nx = 1\n${vars}`);
    assert.deepEqual(tz('timezone =\ntimezone = Asia/Shanghai\n'), []);
    assert.deepEqual(tz('timezone = Asia/Shanghai\ntimezone =\n'), [at(5, 10, 10, 'validation.timezoneMissing')]);
    assert.deepEqual(tz('timezone = ""\n'), [at(4, 11, 13, 'validation.timezoneMissing')]);
    assert.deepEqual(tz('[tikv_servers:vars]\ntimezone = UTC\n'), [at(2, 0, 10, 'validation.timezoneMissing')]);
    const after = '[all]\n10.0.0.9\n[tikv_servers:vars]\ntimezone = UTC\n[all:vars]\nx = 1\n';
    assert.deepEqual(found('timezone-missing', after), [at(4, 0, 10, 'validation.timezoneMissing')]);
    // no [all:vars] at all (tidb-ansible's check reads only that section): an [all] host list is not one
    assert.deepEqual(found('timezone-missing', '[all]\n10.0.0.1\n'), []);
  });

  it('invalid-port and syntax name the key, the value and the group', () => {
    const text = '[tiflash_servers]\n10.0.0.1 tcp_port=x\ntcp_port=9000\n';
    assert.deepEqual(found('invalid-port', text), [at(1, 18, 19, 'validation.invalidPort', { key: 'tcp_port', raw: 'x' })]);
    assert.deepEqual(found('syntax', text), [at(2, 0, 13, 'validation.varAloneOnLine', { text: 'tcp_port=9000', group: 'tiflash_servers' })]);
  });

  it('deploy-dir-conflict and data-dir-conflict: trailing slashes do not make another directory; no deploy_dir, no conflict', () => {
    const ports = 'tcp_port=9001 http_port=8124 flash_service_port=3931 flash_proxy_port=20171 flash_proxy_status_port=20293 metrics_port=8235';
    const text = `[tiflash_servers]\na ansible_host=10.0.0.1 deploy_dir=/d data_dir=/x/\nb ansible_host=10.0.0.1 deploy_dir=/d// data_dir=/x// ${ports}\n`;
    const args = { host: 'b', address: '10.0.0.1', other: 'a' };
    assert.deepEqual(found('deploy-dir-conflict', text), [at(2, 0, 1, 'validation.deployDirConflict', { dir: '/d//', ...args })]);
    assert.deepEqual(found('data-dir-conflict', text), [at(2, 0, 1, 'validation.dataDirConflict', { dir: '/x//', ...args })]);
    const noDeployDir = text.replace(/ deploy_dir=\S+/g, '');
    assert.deepEqual(found('deploy-dir-conflict', noDeployDir), []);
  });

  it('duplicate-host: in a group followed by another, in `ungrouped` beside hosts from [all]; a range line gets no fix', () => {
    const remove = (name: string) => [{ id: 'validation.fix.removeDuplicate', args: { name } }];
    assert.deepEqual(found('duplicate-host', '[a]\nh1\nh1\n[b]\nh2\n'), [
      { ...at(2, 0, 2, 'validation.duplicateHost', { name: 'h1', group: 'a', first: 2 }), fixes: remove('h1') },
    ]);
    assert.deepEqual(found('duplicate-host', 'h1\nh1\n[all]\nh2\nh3\n'), [
      { ...at(1, 0, 2, 'validation.duplicateHost', { name: 'h1', group: 'ungrouped', first: 1 }), fixes: remove('h1') },
    ]);
    // deleting the range line would delete h2 as well
    assert.deepEqual(found('duplicate-host', '[c]\nh1\nh[1:2]\n'), [at(2, 0, 6, 'validation.duplicateHost', { name: 'h1', group: 'c', first: 2 })]);
  });

  it('port-conflict: two ports of one instance, or the only ports of two instances, on the same number', () => {
    const [pd] = found('port-conflict', '[pd_servers]\n10.0.0.1 pd_client_port=2380\n');
    assert.deepEqual(pd.message.args, {
      port: 2380,
      key: 'pd_peer_port',
      component: 'pd_servers',
      host: '10.0.0.1',
      address: '10.0.0.1',
      otherComponent: 'pd_servers',
      otherHost: '10.0.0.1',
      otherKey: 'pd_client_port',
    });
    assert.deepEqual(pd.fixes, [{ id: 'validation.fix.nextFreePort', args: { key: 'pd_peer_port', port: 2381, address: '10.0.0.1' } }]);
    const grafana = found('port-conflict', '[grafana_servers]\ng1 ansible_host=10.0.0.5\ng2 ansible_host=10.0.0.5\n');
    assert.deepEqual(
      grafana.map((f) => [f.line, f.message.args.otherHost]),
      [[2, 'g1']],
    );
  });

  it('port-conflict offers no port past 65535, and none already used on the address', () => {
    const fixes = (text: string) => found('port-conflict', text).map((f) => f.fixes);
    assert.deepEqual(fixes('[pd_servers]\n10.0.0.1 pd_client_port=65535 pd_peer_port=65535\n'), [undefined]);
    assert.deepEqual(fixes('[pd_servers]\n10.0.0.1 pd_client_port=65534 pd_peer_port=65534\n'), [
      [{ id: 'validation.fix.nextFreePort', args: { key: 'pd_peer_port', port: 65535, address: '10.0.0.1' } }],
    ]);
    // the two Grafanas conflict on 65534; 65535 is PD's on the same machine: nothing free above
    const grafana = ['[grafana_servers]', 'g1 ansible_host=10.0.0.5 grafana_port=65534', 'g2 ansible_host=10.0.0.5 grafana_port=65534'];
    assert.deepEqual(fixes([...grafana, '[pd_servers]', '10.0.0.5 pd_client_port=65535', ''].join('\n')), [undefined]);
  });

  it('missing-in-hosts-ini and not-monitored name the address in the message and in the fix', () => {
    const text = '[tiflash_servers]\n10.0.0.1\n[monitored_servers]\n10.0.0.2\n';
    const fix = (id: string) => [{ id, args: { address: '10.0.0.1' } }];
    assert.deepEqual(found('missing-in-hosts-ini', text, '[servers]\n10.0.0.2\n'), [
      { ...at(1, 0, 8, 'validation.missingInHostsIni', { address: '10.0.0.1' }), fixes: fix('validation.fix.addToHostsIni') },
    ]);
    assert.deepEqual(found('not-monitored', text), [
      { ...at(1, 0, 8, 'validation.notMonitored', { address: '10.0.0.1' }), fixes: fix('validation.fix.addToMonitored') },
    ]);
  });

  it('tiflash-host-not-ip: a name or an alias, with a fix only when the name resolves to an IP', () => {
    const text = '[tiflash_servers]\ntf.example.com\ntf2 ansible_host=tf2.example.com\n';
    assert.deepEqual(found('tiflash-host-not-ip', text, undefined, { 'tf.example.com': '10.0.0.7', 'tf2.example.com': 'not-an-ip' }), [
      {
        ...at(1, 0, 14, 'validation.tiflashHostNotIp', { name: 'tf.example.com' }),
        fixes: [{ id: 'validation.fix.setAnsibleHost', args: { ip: '10.0.0.7', name: 'tf.example.com' } }],
      },
      at(2, 0, 3, 'validation.tiflashAliasNotIp', { name: 'tf2', address: 'tf2.example.com' }),
    ]);
  });

  it('tiflash-version reads major.minor as numbers at the start of tidb_version', () => {
    const rules = (version: string) =>
      validate(parseInventory(`[tiflash_servers]\n10.0.0.1\n[all:vars]\ntidb_version = ${version}\n`))
        .filter((f) => f.rule === 'tiflash-version' || f.rule === 'placement-rules')
        .map((f) => [f.rule, f.message.args]);
    assert.deepEqual(rules('v2.1'), [['tiflash-version', { version: 'v2.1' }]]);
    assert.deepEqual(rules('v03.0'), [['tiflash-version', { version: 'v03.0' }]]);
    assert.deepEqual(rules('v3.01'), [['placement-rules', {}]]);
    assert.deepEqual(rules('nightly-3.0'), []);
  });

  it('isIp: every octet from 0 to 255, one digit included; an IPv6 literal is hex digits and colons only', () => {
    for (const ok of ['8.8.8.8', '240.0.0.1', '10.0.0.230', '10.0.0.240', '10.199.0.1']) assert.equal(isIp(ok), true, ok);
    for (const bad of ['10.0.0.290', '10.0.0.2a0', 'g::1', 'host::1']) assert.equal(isIp(bad), false, bad);
  });

  it('rules per address check every address of a re-read model whose previous model was never validated', () => {
    const before = '[pd_servers]\n10.0.0.1 pd_client_port=2380\n[tiflash_servers]\n10.0.0.2\n';
    const after = before.replace('10.0.0.2', '10.0.0.2 tcp_port=9001');
    const prev = parseInventory(before);
    instancesByAddress(instances(prev));
    const next = parseInventory(after, prev);
    assert.deepEqual(validate(next), validate(parseInventory(after)));
    assert.ok(validate(next).some((f) => f.rule === 'port-conflict' && f.line === 1));
  });
});
