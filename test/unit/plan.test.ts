import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { applyEdits } from '../../src/core/inventory/edit';
import { commandLine } from '../../src/core/plan/argv';
import { editsFor } from '../../src/core/plan/editOps';
import { stepStatus } from '../../src/core/plan/progress';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { parseStoreId, type PlacementRule, type Store, type StoreList, type StoreState } from '../../src/core/pd/types';
import { demoDir } from '../support/paths';

// the demo workspace has the field's layouts: a plain IP with two disks, two aliased instances on one IP
const read = (f: string) => parseInventory(fs.readFileSync(path.join(demoDir, f), 'utf8'));
const inventory = read('inventory.ini');
const hosts = read('hosts.ini');
const STATES: StoreState[] = ['Up', 'Offline', 'Tombstone'];
const tf = (id: number, address: string, state: 0 | 1 | 2 = 0): Store => ({ id: parseStoreId(String(id))!, address, state: STATES[state], stateName: STATES[state], labels: { engine: 'tiflash' }, regionCount: 100, leaderCount: 0 });
/** A complete list (Tombstones included), as PdApi.stores() reads it. */
const all = (stores: Store[]): StoreList => ({ stores, includesTombstones: true });
const rule = (count: number): PlacementRule => ({ groupId: 'tiflash', id: `table-${count}-r`, role: 'learner', count, labelConstraints: [] });
const argvs = (p: { steps: { argv?: string[] }[] }) => p.steps.filter((s) => s.argv).map((s) => commandLine(s.argv!));

describe('scale-out plan', () => {
  it('edits both inventories and runs the six playbooks as the docs give them', () => {
    const p = planScaleOut({ inventory, hosts, host: '192.168.0.20' });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(p.steps.map((s) => s.kind), ['edit', 'edit', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'open']);
    assert.deepEqual(p.steps[0].edits!.map((e) => e.group), ['tiflash_servers', 'monitored_servers']);
    assert.deepEqual(argvs(p), [
      'ansible-playbook -i hosts.ini create_users.yml -l 192.168.0.20 -u root -k',
      'ansible-playbook -i hosts.ini deploy_ntp.yml -u tidb -b',
      'ansible-playbook bootstrap.yml -l 192.168.0.20',
      'ansible-playbook deploy.yml -l 192.168.0.20',
      'ansible-playbook start.yml -l 192.168.0.20',
      'ansible-playbook rolling_update_monitor.yml --tags=prometheus',
    ]);
    assert.equal(p.steps[8].url, 'http://192.168.0.10:3000');
  });

  it('limits with the alias, uses the hosts.ini username, and handles a missing hosts.ini', () => {
    const custom = parseInventory('[servers]\n192.168.0.12\n[all:vars]\nusername = ops\n');
    const p = planScaleOut({ inventory, hosts: custom, host: 'TiFlash12-2', playbook: '/opt/ansible-playbook', extraArgs: ['-f', '10'] });
    assert.ok(argvs(p).includes('/opt/ansible-playbook deploy.yml -l TiFlash12-2 -f 10'));
    assert.ok(argvs(p).includes('/opt/ansible-playbook -i hosts.ini create_users.yml -l 192.168.0.12 -u root -k -f 10'));
    assert.ok(argvs(p).includes('/opt/ansible-playbook -i hosts.ini deploy_ntp.yml -u ops -b -f 10'));
    assert.equal(p.steps[0].edits!.length, 1, '192.168.0.12 is already monitored');
    const noHosts = planScaleOut({ inventory, host: '192.168.0.20' });
    assert.equal(noHosts.steps[1].kind, 'manual');
  });

  it('adds a [servers] section to a hosts.ini that lacks one, before its [all:vars]', () => {
    const text = '[all:vars]\nusername = tidb\n';
    const p = planScaleOut({ inventory, hosts: parseInventory(text), host: '192.168.0.20' });
    const r = editsFor(text, p.steps[1].edits!);
    assert.ok(r.ok);
    assert.equal(applyEdits(text, r.edits), '[servers]\n192.168.0.20\n\n[all:vars]\nusername = tidb\n');
  });

  it('refuses names that are not IPs or known aliases, and hosts that are already stores; warns about Tombstone data', () => {
    assert.equal(planScaleOut({ inventory, hosts, host: 'db.example.com' }).blocked[0].check, 'host');
    assert.equal(planScaleOut({ inventory, hosts, host: '10.0.0.1; rm -rf /' }).blocked[0].check, 'host');
    assert.equal(planScaleOut({ inventory, hosts, host: '192.168.0.11', stores: all([tf(53, '192.168.0.11:3930')]) }).blocked[0].check, 'already-a-store');
    const t = planScaleOut({ inventory, hosts, host: '192.168.0.11', stores: all([tf(53, '192.168.0.11:3930', 2)]) });
    assert.deepEqual(t.blocked, []);
    assert.match(t.warnings[0], /\/data1\/tiflash\/data\/flash/);
  });
});

describe('scale-in plan', () => {
  const stores = [tf(53, '192.168.0.11:3930'), tf(54, '192.168.0.12:3930'), tf(55, '192.168.0.12:3931')];

  it('deletes the store, waits for Tombstone, stops, cleans up', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all(stores), rules: [rule(1)] });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(p.steps.map((s) => s.kind), ['pd', 'wait', 'playbook', 'edit', 'edit', 'playbook', 'open', 'manual']);
    assert.equal(p.steps[0].storeId, '53');
    assert.deepEqual(argvs(p), ['ansible-playbook stop.yml -l 192.168.0.11', 'ansible-playbook rolling_update_monitor.yml --tags=prometheus']);
    assert.deepEqual(p.steps[3].edits!.map((e) => e.group), ['tiflash_servers', 'monitored_servers']);
  });

  it('uses -t tiflash when the address runs another instance or service, and keeps its other lines', () => {
    const p = planScaleIn({ inventory, hosts, host: 'TiFlash12-1', stores: all(stores), rules: [] });
    assert.ok(argvs(p).includes('ansible-playbook stop.yml -t tiflash -l TiFlash12-1'));
    assert.deepEqual(p.steps.find((s) => s.kind === 'edit')!.edits!.map((e) => e.group), ['tiflash_servers']);
    assert.equal(p.steps.filter((s) => s.kind === 'edit').length, 1, 'hosts.ini still needs 192.168.0.12');
    const withTikv = parseInventory('[tikv_servers]\n10.0.0.1\n[tiflash_servers]\n10.0.0.1\n');
    assert.ok(argvs(planScaleIn({ inventory: withTikv, host: '10.0.0.1', stores: all([tf(9, '10.0.0.1:3930')]), rules: [] })).includes('ansible-playbook stop.yml -t tiflash -l 10.0.0.1'));
  });

  it('blocks when placement rules need more TiFlash stores than remain', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all(stores), rules: [rule(1), rule(3)] });
    assert.equal(p.blocked[0].check, 'placement-rules');
    assert.match(p.blocked[0].message, /SET TIFLASH REPLICA 2/);
  });

  it('asks before removing the last TiFlash store', () => {
    const one = [tf(53, '192.168.0.11:3930')];
    assert.equal(planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all(one), rules: [] }).blocked[0].check, 'last-store');
    assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all(one), rules: [], confirmLast: true }).blocked, []);
  });

  it('refuses a host that is not in [tiflash_servers]', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.2', stores: all(stores), rules: [] });
    assert.deepEqual([p.blocked[0].check, p.steps], ['host', []]);
  });

  it('never deletes a store that is not TiFlash', () => {
    const tikv: Store = { ...tf(1, '192.168.0.11:3930'), labels: {} };
    assert.equal(planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all([tikv]), rules: [] }).blocked[0].check, 'not-tiflash');
  });

  it('resumes waiting for an Offline store, and starts at stop.yml for a Tombstone or unknown one', () => {
    const offline = planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all([tf(53, '192.168.0.11:3930', 1), ...stores.slice(1)]), rules: [] });
    assert.deepEqual(offline.steps.slice(0, 2).map((s) => s.kind), ['wait', 'playbook']);
    for (const st of [[tf(53, '192.168.0.11:3930', 2)], []]) {
      const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', stores: all(st), rules: [] });
      assert.deepEqual(p.blocked, []);
      assert.equal(p.steps[0].kind, 'playbook');
    }
  });
});

describe('argv quoting', () => {
  it('quotes only what the shell would misread', () => {
    assert.equal(commandLine(['a', 'b c', "it's", '--tags=prometheus', '']), "a 'b c' 'it'\\''s' --tags=prometheus ''");
  });
});

describe('run progress', () => {
  it('marks steps done before `next`, the current one running or failed, the rest pending', () => {
    const steps = [{ kind: 'edit', title: 'a' }, { kind: 'playbook', title: 'b' }, { kind: 'manual', title: 'c' }] as const;
    const at = (next: number, status: 'running' | 'done' | 'aborted') => steps.map((_, i) => stepStatus({ steps: [...steps], next, status }, i));
    assert.deepEqual(at(1, 'running'), ['done', 'running', 'pending']);
    assert.deepEqual(at(1, 'aborted'), ['done', 'failed', 'pending']);
    assert.deepEqual(at(3, 'done'), ['done', 'done', 'done']);
  });
});
