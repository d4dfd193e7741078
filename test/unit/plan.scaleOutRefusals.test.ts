// A scale-out is refused, with nothing planned, when the name it would add is not one Ansible can target
// exactly: an existing TiFlash entry whose address is a host name, a name that is also a group, a form with a
// bad field, or a name the inventory already gives another machine.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { specFieldProblems, suggestSpec } from '../../src/core/plan/scaleOutSpec';
import type { Plan } from '../../src/core/plan/types';
import { factsOf } from '../support/facts';

const HOSTS = parseInventory('[servers]\n10.0.0.1\n10.0.0.9\n');
const pd = factsOf([]);
const checks = (p: Plan) => p.blocked.map((b) => b.check);
const en = (p: Plan) => p.blocked.map((b) => render(b.message, 'en')).join(' | ');
const refused = (p: Plan, check: string, text: RegExp) => {
  assert.deepEqual(checks(p), [check]);
  assert.match(en(p), text);
  assert.deepEqual([p.steps, p.operation], [[], 'scale-out']);
};

describe('scale-out refusals', () => {
  it('an existing [tiflash_servers] entry whose address is a host name', () => {
    const inventory = parseInventory('[tiflash_servers]\ntf1 ansible_host=db1.example.com\n[monitored_servers]\n');
    refused(planScaleOut({ inventory, hosts: HOSTS, host: 'tf1', pd }), 'host', /db1\.example\.com/);
  });

  it('an existing entry with an IP address goes on to the PD and file checks', () => {
    const inventory = parseInventory('[tiflash_servers]\ntf1 ansible_host=10.0.0.9\n[monitored_servers]\n');
    const p = planScaleOut({ inventory, hosts: HOSTS, host: 'tf1', pd });
    assert.deepEqual(p.blocked, []);
    assert.ok(p.steps.length > 0);
  });

  it("an inventory name that is also a group name (Ansible's -l would mean the whole group)", () => {
    const inventory = parseInventory('[tiflash_servers]\ntf1 ansible_host=10.0.0.9\n[tf1]\n10.0.0.5\n[monitored_servers]\n');
    const p = planScaleOut({ inventory, hosts: HOSTS, host: 'tf1', pd });
    assert.ok(checks(p).includes('host'), checks(p).join());
    assert.match(en(p), /tf1/);
    assert.deepEqual(p.steps, []);
  });

  it('a form field that is wrong: each problem is a refusal', () => {
    const inventory = parseInventory('[tiflash_servers]\n[monitored_servers]\n');
    const p = planScaleOut({ inventory, hosts: HOSTS, host: { address: '10.0.0.9', deployDir: 'relative/dir', ports: { tcp_port: 0 } }, pd });
    assert.deepEqual(checks(p), ['host', 'host']);
    assert.match(en(p), /relative\/dir/);
    assert.deepEqual(p.steps, []);
  });

  it('an alias the inventory already gives another machine', () => {
    const inventory = parseInventory('[tiflash_servers]\n[tikv_servers]\nkv1 ansible_host=10.0.0.5\n[monitored_servers]\n');
    refused(planScaleOut({ inventory, hosts: HOSTS, host: { address: '10.0.0.9', alias: 'kv1' }, pd }), 'host', /kv1.*10\.0\.0\.5|10\.0\.0\.5.*kv1/);
    // the same name for the same machine is not a clash
    const same = planScaleOut({ inventory, hosts: HOSTS, host: { address: '10.0.0.5', alias: 'kv1' }, pd });
    assert.ok(!checks(same).includes('host'), en(same));
  });
});

describe('scale-out form fields', () => {
  it("an alias that is another IP address is refused; the machine's own address as alias is not", () => {
    assert.deepEqual(
      specFieldProblems({ address: '10.0.0.9', alias: '10.0.0.8' }).map((p) => p.field),
      ['alias'],
    );
    assert.deepEqual(specFieldProblems({ address: '10.0.0.9', alias: '10.0.0.9' }), []);
    assert.deepEqual(specFieldProblems({ address: '10.0.0.9', alias: 'tf-9' }), []);
  });

  it('suggests the next free alias on a machine that already has TiFlash, skipping names in use', () => {
    const inventory = parseInventory(
      '[tiflash_servers]\n10.0.0.9\n[tikv_servers]\nTiFlash-10.0.0.9-2 ansible_host=10.0.0.7\nTiFlash-10.0.0.9-3 ansible_host=10.0.0.6\n',
    );
    assert.equal(suggestSpec(inventory, '10.0.0.9').alias, 'TiFlash-10.0.0.9-4');
    assert.equal(suggestSpec(parseInventory('[tiflash_servers]\n10.0.0.9\n'), '10.0.0.9').alias, 'TiFlash-10.0.0.9-2');
  });
});
