import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../src/core/inventory/edit';
import { describeHost } from '../../src/core/inventory/describe';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { asText } from '../../src/core/inventory/values';
import { validate } from '../../src/core/validation';
import type { Finding } from '../../src/core/validation/types';
import { render } from '../../src/core/l10n/message';
import { SKIP_WITHOUT_SHARED, tidbAnsibleFixtures } from '../support/paths';

const fixture = (name: string) => fs.readFileSync(path.join(tidbAnsibleFixtures, name), 'utf8');

/** A healthy minimal tidb-ansible inventory; each case adds one mistake to it. */
const BASE = [
  '[tidb_servers]',
  '10.0.0.1',
  '[tikv_servers]',
  '10.0.0.2',
  '[pd_servers]',
  '10.0.0.3',
  '[monitoring_servers]',
  '10.0.0.4',
  '[monitored_servers]',
  '10.0.0.1',
  '10.0.0.2',
  '10.0.0.3',
  '10.0.0.5',
  '[tiflash_servers]',
  '10.0.0.5',
  '[all:vars]',
  'ansible_user = tidb',
  'timezone = Asia/Shanghai',
  'tidb_version = v4.0.9',
  'deploy_dir = /home/tidb/deploy',
  '',
].join('\n');
const HOSTS = '[servers]\n10.0.0.1\n10.0.0.2\n10.0.0.3\n10.0.0.5\n[all:vars]\nusername = tidb\n';

function run(text: string, hosts = HOSTS): Finding[] {
  return validate(parseInventory(text), parseInventory(hosts));
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

/** Applies a finding's first fix to the inventory text. */
function fixed(text: string, f: Finding): string {
  return applyEdits(
    text,
    f.fixes![0].edits.filter((e) => e.file === 'inventory').map((e) => e.edit),
  );
}

describe('validation rules', () => {
  it('are quiet on the shared tidb-ansible fixtures', { skip: SKIP_WITHOUT_SHARED }, () => {
    assert.deepEqual(run(fixture('inventory.with-tiflash.ini'), fixture('hosts.with-tiflash.ini')), []);
    assert.deepEqual(validate(parseInventory(fixture('inventory.release-4.0.ini')), parseInventory(fixture('hosts.ini'))), []);
    assert.deepEqual(validate(parseInventory(fixture('inventory.release-3.1.ini'))), []);
  });

  it('are quiet on the base case', () => {
    assert.deepEqual(run(BASE), []);
  });

  it('syntax: broken lines and a variable without a host', () => {
    const fs1 = only(run(BASE.replace('[tikv_servers]', '[tikv_servers')), 'syntax');
    assert.equal(fs1[0].line, 2);
    const fs2 = only(run(BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5\ntcp_port=9001')), 'syntax');
    assert.equal(fs2.length, 1);
    assert.equal(fs2[0].line, 15);
    assert.match(render(fs2[0].message, 'en'), /alone on a line is read as a host/);
  });

  it('tiflash-host-not-ip: a domain name, directly or as ansible_host', () => {
    const f = only(
      run(
        BASE.replace(
          '[tiflash_servers]\n10.0.0.5',
          '[tiflash_servers]\n10.0.0.5\ntf1.example.com\ntf2 ansible_host=tf2.example.com\ntf3 ansible_host=10.0.0.6',
        ),
      ),
      'tiflash-host-not-ip',
    );
    assert.deepEqual(
      f.map((x) => x.line),
      [15, 16],
    );
  });

  it('duplicate-host: the second line, with a fix that removes that line and no other', () => {
    const text = BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5 tcp_port=9001\n10.0.0.5 http_port=8124');
    const [f] = only(run(text), 'duplicate-host');
    assert.equal(f.line, 15);
    assert.equal(fixed(text, f), BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5 tcp_port=9001'));
    assert.equal(render(f.fixes![0].title, 'en'), 'Remove this duplicate line of 10.0.0.5');
    assert.match(
      render(f.message, 'en'),
      /listed again in \[tiflash_servers\] \(first on line 15\): Ansible merges the two lines, the variables of the later one win/,
    );
    // a duplicate on a line Ansible reads as two lines: deleting it would delete the other one too
    const split = BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5\n10.0.0.5\f10.0.0.9');
    assert.equal(only(run(split), 'duplicate-host')[0].fixes, undefined);
  });

  it('port-conflict: TiFlash ports, defaults included, across components; the fix picks the next free port', () => {
    const text = BASE.replace(
      '[tiflash_servers]\n10.0.0.5',
      '[tiflash_servers]\n10.0.0.5\ntf-b ansible_host=10.0.0.5 deploy_dir=/d2 data_dir=/x ' +
        'tcp_port=9001 http_port=8124 flash_service_port=3931 flash_proxy_port=20171 flash_proxy_status_port=20293 metrics_port=8234',
    );
    const [f] = only(run(text), 'port-conflict');
    assert.equal(f.line, 15);
    assert.match(render(f.message, 'en'), /8234/);
    assert.equal(only(run(fixed(text, f)), 'port-conflict').length, 0);
    assert.match(fixed(text, f), /metrics_port=8235/);
    const cross = BASE.replace('[tikv_servers]\n10.0.0.2', '[tikv_servers]\n10.0.0.2\n10.0.0.5 tikv_port=9000');
    const [c] = only(run(cross), 'port-conflict');
    assert.match(render(c.message, 'en'), /9000/);
  });

  it('deploy-dir-conflict and data-dir-conflict between two TiFlash instances on one address', () => {
    const text = BASE.replace(
      '[tiflash_servers]\n10.0.0.5',
      '[tiflash_servers]\na ansible_host=10.0.0.5 data_dir=/data1,/data2\n' +
        'b ansible_host=10.0.0.5 tcp_port=9001 http_port=8124 flash_service_port=3931 flash_proxy_port=20171 flash_proxy_status_port=20293 metrics_port=8235 ' +
        'data_dir=/data2/',
    );
    const f = run(text);
    assert.deepEqual(
      only(f, 'deploy-dir-conflict').map((x) => x.line),
      [15],
    );
    assert.deepEqual(
      only(f, 'data-dir-conflict').map((x) => x.line),
      [15],
    );
  });

  it('invalid-port: not an integer, or out of range (0 and 65536 included)', () => {
    const f = only(run(BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5 tcp_port=abc http_port=70000')), 'invalid-port');
    assert.deepEqual(
      f.map((x) => [x.line, x.start]),
      [
        [14, 18],
        [14, 32],
      ],
    );
    const ports = (values: string[]) =>
      values.map((v) => only(run(BASE.replace('10.0.0.5\n[all:vars]', `10.0.0.5 metrics_port=${v}\n[all:vars]`)), 'invalid-port').length);
    assert.deepEqual(ports(['0', '-1', '65536', '1.5', 'True', '9007199254740993', '1e400']), [1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(ports(['1', '65535', '8234']), [0, 0, 0]);
  });

  it('required-group-empty: empty core groups; tidb_servers may be empty with deploy_without_tidb', () => {
    const text = BASE.replace('[pd_servers]\n10.0.0.3', '[pd_servers]').replace('[tidb_servers]\n10.0.0.1', '[tidb_servers]');
    assert.deepEqual(
      only(run(text), 'required-group-empty').map((x) => x.line),
      [0, 3],
    );
    const kv = text.replace('[all:vars]', '[all:vars]\ndeploy_without_tidb = True');
    assert.deepEqual(
      only(run(kv), 'required-group-empty').map((x) => x.line),
      [3],
    );
  });

  it('ansible-user-root and timezone-missing', () => {
    const f = run(BASE.replace('ansible_user = tidb', 'ansible_user = root').replace('timezone = Asia/Shanghai', 'timezone ='));
    assert.deepEqual(
      only(f, 'ansible-user-root').map((x) => x.line),
      [16],
    );
    assert.deepEqual(
      only(f, 'timezone-missing').map((x) => x.line),
      [17],
    );
  });

  it('missing-in-hosts-ini and not-monitored, with fixes that add the address', () => {
    const hosts = HOSTS.replace('10.0.0.5\n', '');
    const text = BASE.replace('10.0.0.3\n10.0.0.5', '10.0.0.3');
    const f = run(text, hosts);
    const [m] = only(f, 'missing-in-hosts-ini');
    assert.equal(m.line, 13);
    assert.equal(
      applyEdits(
        hosts,
        m.fixes![0].edits.map((e) => e.edit),
      ),
      HOSTS,
    );
    const [n] = only(f, 'not-monitored');
    assert.equal(fixed(text, n), BASE);
  });

  it('offers to copy only an IP address into hosts.ini or [monitored_servers], never a name such as `key=v`', () => {
    const text = BASE.replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5\nkey=v\ntf.example.com');
    const f = run(text, HOSTS);
    for (const rule of ['missing-in-hosts-ini', 'not-monitored']) {
      const said = only(f, rule);
      assert.deepEqual(
        said.map((x) => render(x.message, 'en').split(' ')[0]),
        ['key=v', 'tf.example.com'],
        rule,
      );
      assert.ok(
        said.every((x) => !x.fixes?.length),
        rule,
      );
    }
  });

  it('says in both languages what Ansible or tidb-ansible will do', () => {
    const text = BASE.replace('[tidb_servers]\n10.0.0.1', '[tidb_servers]')
      .replace('ansible_user = tidb', 'ansible_user = root')
      .replace('[tiflash_servers]\n10.0.0.5', '[tiflash_servers]\n10.0.0.5 tcp_port=0\ntf.example.com\n[broken');
    const f = run(text, HOSTS.replace('10.0.0.5\n', ''));
    const said = (rule: string, lang: 'en' | 'zh-cn') =>
      only(f, rule)
        .map((x) => render(x.message, lang))
        .join('\n');
    assert.match(said('required-group-empty', 'en'), /\[tidb_servers\] has no host: tidb-ansible's pre-checks stop every playbook/);
    assert.match(said('ansible-user-root', 'zh-cn'), /预检查会中止所有 playbook/);
    assert.match(said('invalid-port', 'en'), /the service would not start/);
    assert.match(said('missing-in-hosts-ini', 'en'), /create_users\.yml and deploy_ntp\.yml will skip it/);
    assert.match(said('tiflash-host-not-ip', 'zh-cn'), /只支持 IP 地址/);
    assert.match(
      said('syntax', 'en'),
      /Group header `\[broken` is missing its closing `\]`: Ansible rejects the whole inventory, so every playbook would match no host/,
    );
    assert.match(said('syntax', 'zh-cn'), /Ansible 会拒绝整个 inventory，所有 playbook 都将匹配不到任何主机/);
  });

  it('tiflash-version and placement-rules hints', () => {
    assert.equal(only(run(BASE.replace('v4.0.9', 'v3.0.12')), 'tiflash-version').length, 1);
    assert.equal(only(run(BASE.replace('v4.0.9', 'v3.1.2')), 'placement-rules')[0].severity, 'info');
    // unquoted, 3.0 is a float that the model keeps as 3: still version 3.0, still too old
    const float = only(run(BASE.replace('v4.0.9', '3.0')), 'tiflash-version');
    assert.deepEqual(
      float.map((f) => render(f.message, 'en')),
      [render({ id: 'validation.tiflashVersion', args: { version: '3.0' } }, 'en')],
    );
  });

  it('reads a list or dict value as the Python text Ansible renders, not as the item inside it', () => {
    // Ansible connects to "['10.0.0.5']": not an IP, and not the store at 10.0.0.5
    const text = BASE.replace(/^10\.0\.0\.5$(?![^]*^10\.0\.0\.5$)/m, `tf5 ansible_host="['10.0.0.5']" deploy_dir="{'a': 1}"`);
    const inv = parseInventory(text);
    const tf = tiflashHosts(inv);
    assert.deepEqual(
      tf.map((h) => [h.name, h.address, h.deployDir, h.dataDirs]),
      [['tf5', "['10.0.0.5']", "{'a': 1}", ["{'a': 1}/tiflash/data/db"]]],
    );
    assert.equal(only(validate(inv, parseInventory(HOSTS)), 'tiflash-host-not-ip').length, 1);
    assert.equal(describeHost(inv, 'tf5').find((r) => r.key === 'data_dir')?.value, "{'a': 1}/tiflash/data/db");
    assert.equal(asText([true, null, 1.5, "it's", 'a\tb']), `[True, None, 1.5, "it's", 'a\\tb']`);
  });
});
