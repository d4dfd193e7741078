import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { applyEdits } from '../../src/core/inventory/edit';
import { render } from '../../src/core/l10n/message';
import { editsFor } from '../../src/core/plan/files';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { commandLine } from '../../src/core/plan/shell';
import type { Plan, Step } from '../../src/core/plan/types';
import type { Store } from '../../src/core/pd/types';
import { factsOf, rule, tiflashStore, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

// the demo workspace has the field's layouts: a plain IP with two disks, two aliased instances on one IP
const read = (f: string) => parseInventory(fs.readFileSync(path.join(demoDir, f), 'utf8'));
const inventory = read('inventory.ini');
const hosts = read('hosts.ini');
const tf = (id: number, address: string, state: 0 | 1 | 2 = 0): Store => tiflashStore(id, address, (['Up', 'Offline', 'Tombstone'] as const)[state]);
const pd = (stores: Store[], rules = [rule(1)].slice(1)) => factsOf(stores, { rules });
const argvs = (p: Plan) => p.steps.flatMap((s) => (s.kind === 'playbook' ? [commandLine(s.argv)] : []));
const checks = (p: Plan) => p.blocked.map((b) => b.check);
const edits = (s: Step | undefined) => (s?.kind === 'edit' ? s.ops : []);
const kinds = (p: Plan) => p.steps.map((s) => s.kind);

describe('scale-out plan', () => {
  it('edits both inventories and runs the six playbooks as the docs give them, each naming its inventory', () => {
    const p = planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: pd([]) });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(kinds(p), ['edit', 'edit', 'playbook', 'playbook', 'playbook', 'playbook', 'playbook', 'wait', 'playbook', 'info']);
    assert.deepEqual(
      edits(p.steps[0]).map((e) => e.group),
      ['tiflash_servers', 'monitored_servers'],
    );
    assert.deepEqual(argvs(p), [
      'ansible-playbook -i hosts.ini create_users.yml -l 192.168.0.20 -u root -k',
      'ansible-playbook -i hosts.ini deploy_ntp.yml -u tidb -b',
      'ansible-playbook -i inventory.ini bootstrap.yml -l 192.168.0.20',
      'ansible-playbook -i inventory.ini deploy.yml -l 192.168.0.20',
      'ansible-playbook -i inventory.ini start.yml -l 192.168.0.20',
      'ansible-playbook -i inventory.ini rolling_update_monitor.yml --tags=prometheus',
    ]);
    const wait = p.steps[7];
    assert.ok(wait.kind === 'wait' && wait.until === 'up' && wait.address === '192.168.0.20:3930');
    const grafana = p.steps[9];
    assert.ok(grafana.kind === 'info' && grafana.url === 'http://192.168.0.10:3000');
  });

  it('limits with the alias, uses the hosts.ini username and the configured playbook command', () => {
    const custom = parseInventory('[servers]\n192.168.0.12\n[all:vars]\nusername = ops\n');
    const p = planScaleOut({
      inventory,
      hosts: custom,
      host: {
        address: '192.168.0.12',
        alias: 'TiFlash12-3',
        deployDir: '/data3/deploy',
        dataDirs: ['/data3/db'],
        ports: { tcp_port: 9002, http_port: 8125, flash_service_port: 3932, flash_proxy_port: 20172, flash_proxy_status_port: 20294, metrics_port: 8236 },
      },
      pd: pd([]),
      playbook: '/opt/ansible-playbook',
      extraArgs: ['-f', '10'],
    });
    assert.deepEqual(p.blocked, []);
    assert.ok(argvs(p).includes('/opt/ansible-playbook -i inventory.ini deploy.yml -l TiFlash12-3 -f 10'));
    assert.ok(argvs(p).includes('/opt/ansible-playbook -i hosts.ini create_users.yml -l 192.168.0.12 -u root -k -f 10'));
    assert.ok(argvs(p).includes('/opt/ansible-playbook -i hosts.ini deploy_ntp.yml -u ops -b -f 10'));
    assert.equal(edits(p.steps[0]).length, 1, '192.168.0.12 is already monitored');
    assert.equal(p.steps[1].kind, 'playbook', 'hosts.ini already lists 192.168.0.12');
  });

  it('adds a [servers] section to a hosts.ini that lacks one, before its [all:vars]', () => {
    const text = '[all:vars]\nusername = tidb\n';
    const p = planScaleOut({ inventory, hosts: parseInventory(text), host: '192.168.0.20', pd: pd([]) });
    const r = editsFor(text, edits(p.steps[1]));
    assert.ok(r.ok);
    assert.equal(applyEdits(text, r.edits), '[servers]\n192.168.0.20\n\n[all:vars]\nusername = tidb\n');
  });

  it('refuses names that are not IPs, hosts that are stores, a missing hosts.ini, unknown PD and placement rules off', () => {
    assert.deepEqual(checks(planScaleOut({ inventory, hosts, host: 'db.example.com', pd: pd([]) })), ['host']);
    assert.deepEqual(checks(planScaleOut({ inventory, hosts, host: '10.0.0.1; rm -rf /', pd: pd([]) })), ['host']);
    assert.ok(checks(planScaleOut({ inventory, hosts, host: '192.168.0.11', pd: pd([tf(53, '192.168.0.11:3930')]) })).includes('address-in-pd'));
    assert.ok(
      checks(planScaleOut({ inventory, hosts, host: '192.168.0.11', pd: pd([tf(53, '192.168.0.11:3930', 1)]) })).includes('address-in-pd'),
      'an Offline store is still there',
    );
    assert.deepEqual(checks(planScaleOut({ inventory, host: '192.168.0.20', pd: pd([]) })), ['hosts-ini-missing']);
    assert.deepEqual(checks(planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: unknownFacts })), ['pd-unknown']);
    assert.deepEqual(checks(planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: factsOf([], { placement: false }) })), ['placement-rules-disabled']);
    const t = planScaleOut({ inventory, hosts, host: '192.168.0.11', pd: pd([tf(53, '192.168.0.11:3930', 2)]) });
    assert.deepEqual(t.blocked, []);
    assert.match(render(t.warnings[0], 'en'), /\/data1\/tiflash\/data, \/data2\/tiflash\/data/);
  });

  it('refuses an address that already runs TiFlash under an alias when the new entry collides with it', () => {
    const p = planScaleOut({ inventory, hosts, host: '192.168.0.12', pd: pd([]) });
    assert.ok(checks(p).includes('tiflash-collision'), 'default ports and deploy_dir of TiFlash12-1');
  });
});

describe('scale-in plan', () => {
  const stores = [tf(53, '192.168.0.11:3930'), tf(54, '192.168.0.12:3930'), tf(55, '192.168.0.12:3931')];

  it('deletes the store, waits for Tombstone, stops, cleans up', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd(stores, [rule(1)]) });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(kinds(p), ['pd', 'wait', 'playbook', 'edit', 'edit', 'playbook', 'info', 'info']);
    const del = p.steps[0];
    assert.ok(del.kind === 'pd' && del.requests.length === 1 && del.requests[0].method === 'DELETE' && del.requests[0].path === '/pd/api/v1/store/53');
    assert.deepEqual(argvs(p), [
      'ansible-playbook -i inventory.ini stop.yml -l 192.168.0.11',
      'ansible-playbook -i inventory.ini rolling_update_monitor.yml --tags=prometheus',
    ]);
    assert.deepEqual(
      edits(p.steps[3]).map((e) => e.group),
      ['tiflash_servers', 'monitored_servers'],
    );
  });

  it('uses -t tiflash when the address runs another instance or service, and keeps its other lines', () => {
    const p = planScaleIn({ inventory, hosts, host: 'TiFlash12-1', pd: pd(stores) });
    assert.ok(argvs(p).includes('ansible-playbook -i inventory.ini stop.yml -l TiFlash12-1 -t tiflash'));
    assert.deepEqual(
      edits(p.steps.find((s) => s.kind === 'edit')).map((e) => e.group),
      ['tiflash_servers'],
    );
    assert.equal(p.steps.filter((s) => s.kind === 'edit').length, 1, 'hosts.ini still needs 192.168.0.12');
  });

  it('blocks when placement rules need more Up TiFlash stores than remain', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd(stores, [rule(1), rule(3)]) });
    assert.equal(p.blocked[0].check, 'placement-rules');
    assert.match(render(p.blocked[0].message, 'en'), /SET TIFLASH REPLICA 2/);
  });

  it('asks before removing the last TiFlash store', () => {
    const one = [tf(53, '192.168.0.11:3930')];
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd(one) })), ['last-store']);
    assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd(one), confirmed: ['last-store'] }).blocked, []);
  });

  it('refuses a host that is not in [tiflash_servers], a TiKV store, and an unknown PD', () => {
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.2', pd: pd(stores) })), ['host']);
    const tikv: Store = { ...tf(1, '192.168.0.11:3930'), labels: {} };
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd([tikv]) })), ['not-tiflash']);
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: unknownFacts })), ['pd-unknown']);
  });

  it('waits for an Offline store, and starts at stop.yml for a Tombstone store or one PD says it does not have', () => {
    const offline = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd([tf(53, '192.168.0.11:3930', 1), ...stores.slice(1)]) });
    assert.deepEqual(kinds(offline).slice(0, 2), ['wait', 'playbook']);
    for (const st of [[tf(53, '192.168.0.11:3930', 2)], []]) {
      const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: pd(st) });
      assert.deepEqual(p.blocked, []);
      assert.equal(p.steps[0].kind, 'playbook');
    }
  });
});

describe('command lines', () => {
  it('quotes only what the shell would misread', () => {
    assert.equal(commandLine(['a', 'b c', "it's", '--tags=prometheus', '']), "a 'b c' 'it'\\''s' --tags=prometheus ''");
  });
});
