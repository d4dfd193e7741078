// The scale-out form's checks: prefill, the line it writes, and every conflict it refuses before Submit.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { checkForm, initialValues, runsTiflash, type FormCheck, type FormValues } from '../../src/core/plan/scaleOutForm';
import { demoDir } from '../support/paths';

const read = (f: string) => parseInventory(fs.readFileSync(path.join(demoDir, f), 'utf8'));
const inventory = read('inventory.ini');
const hosts = read('hosts.ini');
const ctx = { inventory, hosts };

const form = (address: string, patch: Partial<Omit<FormValues, 'ports'>> & { ports?: Partial<FormValues['ports']> } = {}): FormValues => {
  const base = initialValues(inventory, address);
  return { ...base, ...patch, ports: { ...base.ports, ...patch.ports } };
};
const problems = (c: FormCheck) => c.problems.map((p) => [p.field, p.blocking, render(p.message, 'en')] as const);
const fields = (c: FormCheck) => c.problems.map((p) => p.field);

describe('scale-out form', () => {
  it('opens with tidb-ansible defaults for a new machine and writes just the IP', () => {
    const v = initialValues(inventory, '192.168.0.20');
    assert.deepEqual(v, {
      address: '192.168.0.20',
      alias: '',
      deployDir: '',
      dataDirs: '',
      ports: {
        tcp_port: '9000',
        http_port: '8123',
        flash_service_port: '3930',
        flash_proxy_port: '20170',
        flash_proxy_status_port: '20292',
        metrics_port: '8234',
      },
    });
    const c = checkForm(v, ctx);
    assert.deepEqual(problems(c), []);
    assert.equal(c.ok, true);
    assert.equal(c.line, '192.168.0.20');
    assert.deepEqual(c.effective, {
      name: '192.168.0.20',
      address: '192.168.0.20',
      deployDir: '/home/tidb/deploy',
      dataDirs: ['/home/tidb/deploy/tiflash/data/db'],
      ports: { tcp_port: 9000, http_port: 8123, flash_service_port: 3930, flash_proxy_port: 20170, flash_proxy_status_port: 20292, metrics_port: 8234 },
    });
  });

  it('opens with an alias, the next free ports and directories on a machine that already runs TiFlash, and that line passes', () => {
    assert.equal(runsTiflash(inventory, '192.168.0.12'), true);
    assert.equal(runsTiflash(inventory, '192.168.0.20'), false);
    const v = initialValues(inventory, '192.168.0.12');
    assert.equal(v.alias, 'TiFlash-192.168.0.12-3');
    assert.equal(v.deployDir, '/data1/deploy-3');
    assert.equal(v.dataDirs, '/data1/deploy-3/data');
    assert.deepEqual(Object.values(v.ports), ['9002', '8125', '3932', '20172', '20294', '8236']);
    const c = checkForm(v, ctx);
    assert.deepEqual(problems(c), []);
    assert.equal(
      c.line,
      'TiFlash-192.168.0.12-3 ansible_host=192.168.0.12 deploy_dir=/data1/deploy-3 data_dir=/data1/deploy-3/data ' +
        'tcp_port=9002 http_port=8125 flash_service_port=3932 flash_proxy_port=20172 flash_proxy_status_port=20294 metrics_port=8236',
    );
  });

  it('writes alias, several data directories and only the ports that differ from the defaults', () => {
    const c = checkForm(
      form('192.168.0.20', {
        alias: 'TiFlash20',
        deployDir: '/data3/deploy',
        dataDirs: '/data3/tiflash\n/data4/tiflash, /data5/tiflash',
        ports: { tcp_port: '9001' },
      }),
      ctx,
    );
    assert.deepEqual(problems(c), []);
    assert.equal(c.line, 'TiFlash20 ansible_host=192.168.0.20 deploy_dir=/data3/deploy data_dir=/data3/tiflash,/data4/tiflash,/data5/tiflash tcp_port=9001');
    assert.deepEqual(c.effective?.dataDirs, ['/data3/tiflash', '/data4/tiflash', '/data5/tiflash']);
  });

  it('reports each field on its own: address, alias, directories and ports as typed', () => {
    const c = checkForm(
      form('tiflash.example.com', {
        alias: 'a,b',
        deployDir: 'relative/dir',
        dataDirs: '/ok\n/bad dir',
        ports: { tcp_port: 'abc', http_port: '70000', metrics_port: '3930' },
      }),
      ctx,
    );
    assert.equal(c.ok, false);
    assert.equal(c.line, undefined, 'no line is offered while a field is wrong');
    assert.deepEqual(fields(c).sort(), ['address', 'alias', 'dataDirs', 'deployDir', 'http_port', 'metrics_port', 'tcp_port'].sort());
    const text = problems(c)
      .map((p) => p[2])
      .join('\n');
    assert.match(text, /'tiflash\.example\.com' is not an IPv4 address/);
    assert.match(text, /tcp_port = abc is not a port/);
    assert.match(text, /http_port = 70000 is not a port/);
    assert.match(text, /metrics_port and flash_service_port are both 3930|flash_service_port and metrics_port are both 3930/);
  });

  it('refuses a name already in [tiflash_servers]: the plan would deploy that instance as written, not this form', () => {
    const c = checkForm(form('192.168.0.12', { alias: 'TiFlash12-1', deployDir: '/data9/deploy' }), ctx);
    assert.equal(c.ok, false);
    assert.deepEqual(problems(c), [['alias', true, "'TiFlash12-1' is already in [tiflash_servers] (line 56)."]]);
    assert.deepEqual(fields(checkForm(form('192.168.0.13', { alias: '' }), ctx)), ['address'], 'an IP listed without an alias');
  });

  it('refuses what an instance on the same machine already uses: a port, deploy_dir, a data_dir inside another', () => {
    const c = checkForm(
      form('192.168.0.12', { alias: 'TiFlash12-3', deployDir: '/data2/deploy/', dataDirs: '/data1/deploy/tiflash/data/db/sub', ports: { tcp_port: '9001' } }),
      ctx,
    );
    assert.equal(c.ok, false);
    assert.deepEqual([...new Set(fields(c))].sort(), ['dataDirs', 'deployDir', 'tcp_port']);
    const text = problems(c)
      .map((p) => p[2])
      .join('\n');
    assert.match(text, /tcp_port = 9001 is already tcp_port of TiFlash12-2 on this machine \(line 57\)/);
  });

  it('refuses a port another component uses on that machine, as the inventory diagnostics do once the line is in', () => {
    // 192.168.0.3 runs TiKV, whose port defaults to 20160
    const c = checkForm(form('192.168.0.3', { ports: { flash_proxy_port: '20160' } }), ctx);
    assert.equal(c.ok, false);
    assert.deepEqual(
      problems(c).map((p) => [p[0], p[1]]),
      [['line', true]],
    );
    assert.match(problems(c)[0][2], /Port 20160 .*used by tikv/i);
  });

  it('names the conflict the new line brings, not one the inventory already had under the same rule further down', () => {
    // a Grafana below [tiflash_servers] already takes TiKV 192.168.0.4's status port: a port conflict before the form adds anything
    const text = fs
      .readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8')
      .replace('[pd_servers:vars]', '[grafana_servers]\n192.168.0.4 grafana_port=20180\n\n$&');
    const withConflict = { inventory: parseInventory(text), hosts };
    const c = checkForm(form('192.168.0.3', { ports: { flash_proxy_port: '20160' } }), withConflict);
    assert.equal(c.ok, false);
    assert.equal(problems(c).length, 1);
    assert.match(problems(c)[0][2], /Port 20160 .*used by tikv/i);
    // a line that brings nothing new is not blamed for the conflict that was there
    assert.deepEqual(problems(checkForm(form('192.168.0.20'), withConflict)), []);
  });

  it('refuses a name the plan refuses: a group name, a name another host has, no hosts.ini', () => {
    assert.match(
      problems(checkForm(form('192.168.0.20', { alias: 'tikv_servers' }), ctx))
        .map((p) => p[2])
        .join('\n'),
      /tikv_servers/,
    );
    assert.equal(checkForm(form('192.168.0.20', { alias: 'tikv_servers' }), ctx).ok, false);
    const taken = checkForm(form('192.168.0.20', { alias: 'TiFlash12-1' }), ctx);
    assert.equal(taken.ok, false);
    assert.match(
      problems(taken)
        .map((p) => p[2])
        .join('\n'),
      /TiFlash12-1/,
    );
    const noHosts = checkForm(form('192.168.0.20'), { inventory });
    assert.equal(noHosts.ok, false);
    assert.deepEqual(fields(noHosts), ['line']);
  });

  it('does not count what the plan adds itself (hosts.ini, [monitored_servers]) as a problem', () => {
    const c = checkForm(form('192.168.0.30'), ctx);
    assert.deepEqual(problems(c), []);
  });
});
