// The re-check as each step starts, step kind by step kind: a run must stop (with the reason) when the step
// would now act on something else than the operator previewed, and go on when nothing it depends on changed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { recheckStep, type Now } from '../../src/core/plan/recheck';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import type { Step } from '../../src/core/plan/types';
import { factsOf, tiflashStore } from '../support/facts';
import { demoDir } from '../support/paths';

const read = (f: string) => fs.readFileSync(path.join(demoDir, f), 'utf8');
const INVENTORY = read('inventory.ini');
const HOSTS = read('hosts.ini');
/** `hostsText` null: there is no hosts.ini. */
const now = (inventoryText = INVENTORY, hostsText: string | null = HOSTS, extra: Partial<Now> = {}): Now => ({
  inventory: parseInventory(inventoryText),
  inventoryText,
  ...(hostsText === null ? {} : { hosts: parseInventory(hostsText), hostsText }),
  ...extra,
});
const why = (r: ReturnType<typeof recheckStep>) => (r.same ? 'same' : render(r.why, 'en'));

const stores = [tiflashStore(53, '192.168.0.11:3930'), tiflashStore(54, '192.168.0.12:3930')];
const scaleIn = planScaleIn({ inventory: parseInventory(INVENTORY), hosts: parseInventory(HOSTS), host: '192.168.0.11', pd: factsOf(stores) });
const scaleOut = planScaleOut({ inventory: parseInventory(INVENTORY), hosts: parseInventory(HOSTS), host: '192.168.0.20', pd: factsOf(stores) });
const step = (plan: typeof scaleIn, id: string): Step => {
  const s = plan.steps.find((x) => x.id === id);
  assert.ok(s, `${plan.operation} has a step ${id}: ${plan.steps.map((x) => x.id).join(', ')}`);
  return s;
};

describe('re-check of the stop step', () => {
  const stop = step(scaleIn, 'stop');

  it('stops with the reason when the stop command could not be built any more (a setting Ansible would misread)', () => {
    const r = recheckStep(stop, now(INVENTORY, HOSTS, { extraArgs: ['--limit=all'] }));
    assert.equal(r.same, false);
    assert.match(why(r), /--limit=all/);
  });

  it('stops when the playbook the settings name changed', () => {
    const r = recheckStep(stop, now(INVENTORY, HOSTS, { playbook: '/opt/ansible/bin/ansible-playbook' }));
    assert.equal(r.same, false);
    assert.match(why(r), /\/opt\/ansible\/bin\/ansible-playbook/);
  });
});

describe('re-check of a playbook step limited to one host', () => {
  it('goes on while the host is still in the inventory the step names (-i), and stops once it is gone from it', () => {
    // create_users.yml -l <host> runs on hosts.ini
    const users = step(scaleOut, 'create-users');
    assert.ok(users.kind === 'playbook' && users.inventory === 'hosts' && users.limit === '192.168.0.20');
    const hostsWith = `${HOSTS.replace('[servers]\n', '[servers]\n192.168.0.20\n')}`;
    assert.deepEqual(recheckStep(users, now(INVENTORY, hostsWith)), { same: true });
    // in inventory.ini but not in hosts.ini: the step's own inventory decides
    const inventoryWith = INVENTORY.replace('[tiflash_servers]\n', '[tiflash_servers]\n192.168.0.20\n');
    assert.match(why(recheckStep(users, now(inventoryWith, HOSTS))), /192\.168\.0\.20/);
    assert.equal(recheckStep(users, now(inventoryWith, null)).same, false, 'no hosts.ini at all');
  });

  it('a step on inventory.ini is checked against inventory.ini, not hosts.ini', () => {
    const deploy = step(scaleOut, 'deploy');
    assert.ok(deploy.kind === 'playbook' && deploy.inventory === 'inventory' && deploy.limit === '192.168.0.20');
    const inventoryWith = INVENTORY.replace('[tiflash_servers]\n', '[tiflash_servers]\n192.168.0.20\n');
    assert.deepEqual(recheckStep(deploy, now(inventoryWith, HOSTS)), { same: true });
    const hostsWith = HOSTS.replace('[servers]\n', '[servers]\n192.168.0.20\n');
    assert.equal(recheckStep(deploy, now(INVENTORY, hostsWith)).same, false);
  });

  it('a playbook without a limit runs on its whole inventory: nothing to re-check', () => {
    const refresh = step(scaleIn, 'refresh-prometheus');
    assert.ok(refresh.kind === 'playbook' && refresh.limit === undefined);
    assert.deepEqual(recheckStep(refresh, now('', null)), { same: true });
  });
});

describe('re-check of an edit step', () => {
  const removeInventory = step(scaleIn, 'remove-inventory');
  const removeHosts = step(scaleIn, 'remove-hosts');

  it('goes on when the edit still applies, or was already applied', () => {
    assert.deepEqual(recheckStep(removeInventory, now()), { same: true });
    assert.deepEqual(recheckStep(removeHosts, now()), { same: true });
    assert.deepEqual(recheckStep(removeHosts, now(INVENTORY, HOSTS.replace(/^192\.168\.0\.11\n/m, ''))), { same: true });
  });

  it('stops when the file it edits is gone, naming that file', () => {
    assert.match(why(recheckStep(removeHosts, now(INVENTORY, null))), /hosts\.ini/);
    assert.doesNotMatch(why(recheckStep(removeHosts, now(INVENTORY, null))), /inventory\.ini/);
    // hosts.ini gone does not matter to an edit of inventory.ini
    assert.deepEqual(recheckStep(removeInventory, now(INVENTORY, null)), { same: true });
  });

  it('stops when the host now sits in a range line the edit cannot take apart, and reads the file the step edits', () => {
    const ranged = HOSTS.replace(/^192\.168\.0\.11\n192\.168\.0\.12\n/m, '192.168.0.[11:12]\n');
    assert.notEqual(ranged, HOSTS);
    const r = recheckStep(removeHosts, now(INVENTORY, ranged));
    assert.equal(r.same, false);
    assert.match(why(r), /192\.168\.0\.\[11:12\]/);
    // the same range in inventory.ini does not concern the hosts.ini edit
    assert.deepEqual(recheckStep(removeHosts, now(INVENTORY.replace(/^192\.168\.0\.11\n192\.168\.0\.12\n/m, '192.168.0.[11:12]\n'), HOSTS)), { same: true });
  });
});

describe('re-check of PD, wait and info steps', () => {
  it('they read PD or nothing as they run: always the same', () => {
    for (const s of scaleIn.steps.filter((x) => x.kind === 'pd' || x.kind === 'wait' || x.kind === 'info')) {
      assert.deepEqual(recheckStep(s, now('', null)), { same: true }, s.id);
    }
    assert.deepEqual(
      scaleIn.steps
        .filter((x) => x.kind === 'pd' || x.kind === 'wait' || x.kind === 'info')
        .map((x) => x.kind)
        .sort(),
      ['info', 'info', 'pd', 'wait'],
    );
  });
});
