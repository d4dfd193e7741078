// Real ansible-playbook --list-hosts against the demo's playbooks and inventories: the preflight lets a step
// through only when Ansible lists exactly its host, with edited inventories checked as they will be.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { textOf } from '../../src/core/plan/files';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import type { Plan } from '../../src/core/plan/types';
import { preflight } from '../../src/core/run/preflight';
import { parseStoreId, type Store } from '../../src/core/pd/types';
import { factsOf } from '../support/facts';
import { demoDir } from '../support/paths';

const store = (id: string, address: string): Store => ({
  id: parseStoreId(id)!,
  address,
  state: 'Up',
  stateName: 'Up',
  labels: { engine: 'tiflash' },
  regionCount: 5,
  leaderCount: 0,
});
const pd = (stores: Store[]) => factsOf(stores);
const STORES = [store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930'), store('55', '192.168.0.12:3931')];

describe('preflight with real ansible-playbook --list-hosts', () => {
  let dir: string;
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const files = () => ({ inventory: read('inventory.ini'), hosts: read('hosts.ini') });
  const check = (p: Plan) => preflight(p, { dir, files: files() });

  before(async () => {
    // a missing ansible-playbook is a failure, not a pass
    const v = await execa('ansible-playbook', ['--version'], { reject: false });
    assert.equal(v.exitCode, 0, 'ansible-playbook must be installed (Debian ansible-core)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'));
    fs.cpSync(demoDir, dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes the scale-in of an alias that shares its address with another TiFlash', async () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleIn({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: 'TiFlash12-1', pd: pd(STORES) });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(await check(p), []);
  });

  it('passes a scale-out, checking each step against the inventory as the edits before it leave it', async () => {
    const p = planScaleOut({
      inventory: parseInventory(read('inventory.ini')),
      hosts: parseInventory(read('hosts.ini')),
      host: '192.168.0.20',
      pd: pd(STORES),
    });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(await check(p), [], 'bootstrap/deploy/start -l 192.168.0.20 must match the host the first step adds');
    assert.ok(!read('inventory.ini').includes('192.168.0.20'), 'the real files are not touched');
  });

  it('refuses a step whose limit Ansible matches to more than the host (a host name that is also a group)', async () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleIn({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: '192.168.0.11', pd: pd(STORES) });
    const stop = p.steps.find((s) => s.kind === 'playbook' && s.id === 'stop');
    assert.ok(stop && stop.kind === 'playbook');
    // what -l tiflash_servers would do: the plan would never build it (argument and group checks); Ansible says why
    const forged: Plan = {
      ...p,
      steps: [
        {
          ...stop,
          argv: stop.argv.map((a) => (a === '192.168.0.11' ? 'tiflash_servers' : a)) as unknown as typeof stop.argv,
          limit: 'tiflash_servers',
          expectHosts: ['tiflash_servers'],
        },
      ],
    };
    const problems = await check(forged);
    assert.equal(problems.length, 1);
    assert.match(render(problems[0].reason, 'en'), /would not act on tiflash_servers|would also act on/);
  });

  it('refuses when the limit matches nothing and when Ansible cannot parse the inventory', async () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleIn({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: '192.168.0.11', pd: pd(STORES) });
    const renamed = { inventory: read('inventory.ini').replace(/^192\.168\.0\.11\b/gm, '192.168.0.99'), hosts: read('hosts.ini') };
    const gone = await preflight(p, { dir, files: renamed });
    // the stop step checks the current text: nothing named 192.168.0.11 there any more
    assert.ok(
      gone.some((x) => x.step.id === 'stop' && /would not act on 192\.168\.0\.11/.test(render(x.reason, 'en'))),
      JSON.stringify(gone.map((g) => render(g.reason, 'en'))),
    );
    const broken = { inventory: `${read('inventory.ini')}\n[tiflash_servers\n`, hosts: read('hosts.ini') };
    const bad = await preflight(p, { dir, files: broken });
    assert.ok(bad.length > 0, 'an inventory Ansible rejects fails the preflight');
  });

  it('does not prompt for the password (-k is dropped for --list-hosts)', async () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleOut({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: '192.168.0.20', pd: pd(STORES) });
    const createUsers = p.steps.findIndex((s) => s.id === 'create-users');
    const started = Date.now();
    assert.deepEqual(await preflight(p, { dir, files: files(), only: [createUsers], timeoutMs: 30_000 }), []);
    assert.ok(Date.now() - started < 30_000);
  });

  it("the texts it checks are the plan's, not the files on disk", () => {
    const inv = parseInventory(read('inventory.ini'));
    assert.equal(textOf(inv), read('inventory.ini'));
  });
});
