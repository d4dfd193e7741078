// The inventory gate and the re-check quote where and what: the file and 1-based line of a syntax error, the
// host's own line for an error on it (warnings and other hosts' errors do not stop the plan), the host a stop
// step names when it is gone, and a stop step for an instance that is not the first still re-checks the same.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { inventoryGate } from '../../src/core/plan/gate';
import { recheckStep, type Now } from '../../src/core/plan/recheck';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import type { Blocked, Step } from '../../src/core/plan/types';
import { factsOf, tiflashStore } from '../support/facts';
import { demoDir } from '../support/paths';

const read = (f: string) => fs.readFileSync(path.join(demoDir, f), 'utf8');
const INVENTORY = read('inventory.ini');
const HOSTS = read('hosts.ini');
const shown = (b: Blocked[]) => b.map((x) => `${x.check}: ${render(x.message, 'en')}`);

describe('inventory gate: where the finding is', () => {
  const inv = parseInventory('[monitoring_servers]\n10.0.0.9\n[tiflash_servers]\n10.0.0.1 tcp_port=abc\n10.0.0.2\n');

  it('names hosts.ini and its 1-based line for a syntax error there', () => {
    const b = inventoryGate(inv, parseInventory('[servers]\n10.0.0.1\n[broken\n'), 4);
    assert.deepEqual(shown(b), [
      'inventory-syntax: hosts.ini line 3: Group header `[broken` is missing its closing `]`: Ansible ' +
        'rejects the whole inventory, so every playbook would match no host. Ansible rejects the whole file, ' +
        'so every playbook would match nothing: fix it first.',
    ]);
  });

  it('names inventory.ini for a syntax error there', () => {
    const b = inventoryGate(parseInventory('[tiflash_servers]\n10.0.0.1\n[broken\n'), undefined, 1);
    assert.equal(b.length, 1);
    assert.match(shown(b)[0], /^inventory-syntax: inventory\.ini line 3: /);
  });

  it("stops for an error on the host's own line, quoting that line, and for nothing else", () => {
    assert.deepEqual(shown(inventoryGate(inv, undefined, 3)), [
      "host-line-error: inventory.ini line 4, the host's own line: tcp_port must be an integer from 1 to " +
        '65535, got `abc`: deploy.yml would write it into the configuration and the service would not start.',
    ]);
    assert.deepEqual(inventoryGate(inv, undefined, 4), [], 'warnings on its line and errors elsewhere do not stop the plan');
  });
});

const now = (): Now => ({ inventory: parseInventory(INVENTORY), inventoryText: INVENTORY, hosts: parseInventory(HOSTS), hostsText: HOSTS });
const stores = [tiflashStore(53, '192.168.0.11:3930'), tiflashStore(54, '192.168.0.12:3930'), tiflashStore(55, '192.168.0.12:3931')];
const stopOf = (host: string): Step => {
  const p = planScaleIn({ inventory: parseInventory(INVENTORY), hosts: parseInventory(HOSTS), host, pd: factsOf(stores) });
  const s = p.steps.find((x) => x.id === 'stop');
  assert.ok(s);
  return s;
};

describe('re-check of a stop step', () => {
  it('is the same for an instance that is not the first in [tiflash_servers]', () => {
    assert.deepEqual(recheckStep(stopOf('TiFlash12-2'), now()), { same: true });
  });

  it('names the host once it is gone', () => {
    const gone = INVENTORY.replace(/^TiFlash12-2 .*\n/m, '');
    const r = recheckStep(stopOf('TiFlash12-2'), { ...now(), inventory: parseInventory(gone), inventoryText: gone });
    assert.ok(!r.same);
    assert.match(render(r.why, 'en'), /TiFlash12-2/);
  });

  it('an edit step on a file that is still there goes on', () => {
    const p = planScaleIn({ inventory: parseInventory(INVENTORY), hosts: parseInventory(HOSTS), host: 'TiFlash12-2', pd: factsOf(stores) });
    const edit = p.steps.find((x) => x.kind === 'edit');
    assert.ok(edit);
    assert.deepEqual(recheckStep(edit, now()), { same: true });
  });
});
