// The scale-out form as typed: spaces around what was typed are dropped, an empty port means the default, a port
// that is not wholly digits is named as typed, any one problem keeps Submit disabled, and a name whose line the
// inventory would not read as that host is refused.

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
const ctx = { inventory, hosts: read('hosts.ini') };

const form = (patch: Partial<Omit<FormValues, 'ports'>> & { ports?: Partial<FormValues['ports']> }): FormValues => {
  const base = initialValues(inventory, '192.168.0.20');
  return { ...base, ...patch, ports: { ...base.ports, ...patch.ports } };
};
const shown = (c: FormCheck) => c.problems.map((p) => [p.field, p.blocking, render(p.message, 'en'), render(p.message, 'zh-cn')]);

describe('scale-out form as typed', () => {
  it('opens empty without an address, and the same for an address typed with spaces as without', () => {
    assert.equal(initialValues(inventory).address, '');
    assert.deepEqual(initialValues(inventory, ' 192.168.0.12 '), initialValues(inventory, '192.168.0.12'));
    assert.equal(runsTiflash(inventory, ' 192.168.0.12 '), true);
    // a blank address offers the defaults, not the next ports of an instance whose address is empty
    const emptyAddress = parseInventory('[tiflash_servers]\ntf ansible_host=\n');
    assert.deepEqual(initialValues(emptyAddress, '  '), initialValues(inventory));
  });

  it('drops the spaces around each field, and reads an empty port as the default', () => {
    const c = checkForm(
      form({ address: ' 192.168.0.20 ', alias: ' TiFlash20 ', deployDir: ' /data3/deploy ', ports: { tcp_port: ' 9001 ', http_port: '' } }),
      ctx,
    );
    assert.deepEqual(shown(c), []);
    assert.equal(c.ok, true);
    assert.deepEqual(c.spec, {
      address: '192.168.0.20',
      alias: 'TiFlash20',
      deployDir: '/data3/deploy',
      ports: { tcp_port: 9001, flash_service_port: 3930, flash_proxy_port: 20170, flash_proxy_status_port: 20292, metrics_port: 8234 },
    });
    assert.equal(c.line, 'TiFlash20 ansible_host=192.168.0.20 deploy_dir=/data3/deploy tcp_port=9001');
    assert.equal(c.effective?.ports.http_port, 8123);
  });

  it('leaves out an alias and a deploy_dir of spaces only', () => {
    const c = checkForm(form({ alias: '   ', deployDir: '   ' }), ctx);
    assert.deepEqual(shown(c), []);
    assert.equal('alias' in c.spec || 'deployDir' in c.spec, false);
    assert.equal(c.line, '192.168.0.20');
  });

  it('names a port that is not wholly digits as typed, and that alone keeps Submit disabled', () => {
    const one = checkForm(form({ ports: { tcp_port: 'abc1' } }), ctx);
    assert.equal(one.ok, false);
    assert.deepEqual(shown(one), [['tcp_port', true, 'tcp_port = abc1 is not a port (1-65535).', 'tcp_port = abc1 不是有效端口（1-65535）。']]);
    const other = checkForm(form({ ports: { http_port: '8124x' } }), ctx);
    assert.equal(other.ok, false);
    assert.deepEqual(shown(other), [['http_port', true, 'http_port = 8124x is not a port (1-65535).', 'http_port = 8124x 不是有效端口（1-65535）。']]);
  });

  it('an address that is not an IP alone keeps Submit disabled', () => {
    const c = checkForm(form({ address: 'tiflash20' }), ctx);
    assert.equal(c.ok, false);
    assert.deepEqual(shown(c), [
      ['address', true, "'tiflash20' is not an IPv4 address: TiFlash hosts must be IP addresses.", '“tiflash20”不是 IPv4 地址：TiFlash 主机只支持 IP 地址。'],
    ]);
  });

  it('refuses a name whose line the inventory would not read as that host (a # starts a comment)', () => {
    const c = checkForm(form({ alias: 'tf#20' }), ctx);
    assert.equal(c.ok, false);
    assert.equal(c.line, undefined);
    assert.deepEqual(shown(c), [['line', true, 'The line for tf#20 cannot be added to [tiflash_servers].', '无法把 tf#20 的行加入 [tiflash_servers]。']]);
  });
});
