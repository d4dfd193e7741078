// Scale-out, whole plan and refusal by refusal: every step names the new instance, create_users.yml asks for the
// password, only deploy_ntp.yml and the Prometheus refresh may be skipped, the wait has its ten minutes, and
// the PD checks block a live store at the address (by address or peer address) without a Tombstone warning.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { render, type Msg } from '../../src/core/l10n/message';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { factsOf, tiflashStore, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

const demo = fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8');
// two monitoring hosts: the refresh expects the first alone
const inventory = parseInventory(demo.replace('[monitoring_servers]\n192.168.0.10\n', '[monitoring_servers]\n192.168.0.10\n192.168.0.9\n'));
const hosts = parseInventory(fs.readFileSync(path.join(demoDir, 'hosts.ini'), 'utf8'));
const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && 'id' in v && 'args' in v;
/** The value with every message rendered in English, so an assertion sees the arguments too. */
const text = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (isMsg(x) ? render(x, 'en') : x)));
const pd = factsOf([]);

describe('scale-out: the whole plan', () => {
  it('for an IP typed with spaces around it', () => {
    assert.deepEqual(text(planScaleOut({ inventory, hosts, host: ' 192.168.0.20 ', pd })), {
      operation: 'scale-out',
      target: '192.168.0.20',
      steps: [
        {
          kind: 'edit',
          id: 'edit-inventory',
          file: 'inventory',
          ops: [
            { op: 'add', group: 'tiflash_servers', host: '192.168.0.20', line: '192.168.0.20' },
            { op: 'add', group: 'monitored_servers', host: '192.168.0.20', line: '192.168.0.20' },
          ],
          title: 'Add 192.168.0.20 to inventory.ini [tiflash_servers], [monitored_servers]',
        },
        {
          kind: 'edit',
          id: 'edit-hosts',
          file: 'hosts',
          ops: [{ op: 'add', group: 'servers', host: '192.168.0.20', line: '192.168.0.20' }],
          title: 'Add 192.168.0.20 to hosts.ini [servers]',
        },
        {
          kind: 'playbook',
          id: 'create-users',
          title: 'Create the deploy user and SSH trust on 192.168.0.20 (asks for the root password)',
          argv: ['ansible-playbook', '-i', 'hosts.ini', 'create_users.yml', '-l', '192.168.0.20', '-u', 'root', '-k'],
          inventory: 'hosts',
          playbook: 'create_users.yml',
          limit: '192.168.0.20',
          expectHosts: ['192.168.0.20'],
          asksPassword: true,
        },
        {
          kind: 'playbook',
          id: 'deploy-ntp',
          title: 'Deploy NTP on the hosts of hosts.ini',
          argv: ['ansible-playbook', '-i', 'hosts.ini', 'deploy_ntp.yml', '-u', 'tidb', '-b'],
          inventory: 'hosts',
          playbook: 'deploy_ntp.yml',
          expectHosts: ['192.168.0.20'],
          skippable: true,
        },
        {
          kind: 'playbook',
          id: 'bootstrap',
          title: 'Initialize the system of 192.168.0.20 (bootstrap.yml)',
          argv: ['ansible-playbook', '-i', 'inventory.ini', 'bootstrap.yml', '-l', '192.168.0.20'],
          inventory: 'inventory',
          playbook: 'bootstrap.yml',
          limit: '192.168.0.20',
          expectHosts: ['192.168.0.20'],
        },
        {
          kind: 'playbook',
          id: 'deploy',
          title: 'Deploy TiFlash on 192.168.0.20',
          argv: ['ansible-playbook', '-i', 'inventory.ini', 'deploy.yml', '-l', '192.168.0.20'],
          inventory: 'inventory',
          playbook: 'deploy.yml',
          limit: '192.168.0.20',
          expectHosts: ['192.168.0.20'],
        },
        {
          kind: 'playbook',
          id: 'start',
          title: 'Start TiFlash on 192.168.0.20',
          argv: ['ansible-playbook', '-i', 'inventory.ini', 'start.yml', '-l', '192.168.0.20'],
          inventory: 'inventory',
          playbook: 'start.yml',
          limit: '192.168.0.20',
          expectHosts: ['192.168.0.20'],
        },
        {
          kind: 'wait',
          id: 'wait-up',
          until: 'up',
          address: '192.168.0.20:3930',
          timeoutMs: 600000,
          title: 'Wait until PD reports the new store at 192.168.0.20:3930 (192.168.0.20) Up',
        },
        {
          kind: 'playbook',
          id: 'refresh-prometheus',
          title: 'Refresh Prometheus targets (rolling_update_monitor.yml --tags=prometheus)',
          argv: ['ansible-playbook', '-i', 'inventory.ini', 'rolling_update_monitor.yml', '--tags=prometheus'],
          inventory: 'inventory',
          playbook: 'rolling_update_monitor.yml',
          expectHosts: ['192.168.0.10'],
          skippable: true,
        },
        { kind: 'info', id: 'grafana', title: 'Watch the cluster and 192.168.0.20 in Grafana', url: 'http://192.168.0.10:3000' },
      ],
      blocked: [],
      warnings: [],
    });
  });

  it("uses the user 'tidb' when hosts.ini sets none", () => {
    assert.deepEqual(
      text(
        planScaleOut({ inventory, hosts: parseInventory('[servers]\n192.168.0.20\n'), host: '192.168.0.20', pd }).steps.map((s) =>
          s.kind === 'playbook' ? s.argv.join(' ') : s.id,
        ),
      ),
      [
        'edit-inventory',
        'ansible-playbook -i hosts.ini create_users.yml -l 192.168.0.20 -u root -k',
        'ansible-playbook -i hosts.ini deploy_ntp.yml -u tidb -b',
        'ansible-playbook -i inventory.ini bootstrap.yml -l 192.168.0.20',
        'ansible-playbook -i inventory.ini deploy.yml -l 192.168.0.20',
        'ansible-playbook -i inventory.ini start.yml -l 192.168.0.20',
        'wait-up',
        'ansible-playbook -i inventory.ini rolling_update_monitor.yml --tags=prometheus',
        'grafana',
      ],
    );
  });
});

describe('scale-out: refusals', () => {
  it('hosts.ini missing, naming the address to list', () => {
    assert.deepEqual(text(planScaleOut({ inventory, host: '192.168.0.20', pd }).blocked), [
      {
        check: 'hosts-ini-missing',
        message:
          'hosts.ini is missing beside inventory.ini: create_users.yml and deploy_ntp.yml need it. Create it ' +
          'with [servers] listing 192.168.0.20 and [all:vars] username = tidb, ntp_server = pool.ntp.org.',
      },
    ]);
  });

  it('a typed name that is not an IP, and a form whose address is not one (each with its own reason)', () => {
    assert.deepEqual(text(planScaleOut({ inventory, hosts, host: 'db.example.com', pd }).blocked), [
      { check: 'host', message: "'db.example.com' is neither an IP address nor a host of [tiflash_servers]: TiFlash hosts must be IP addresses." },
    ]);
    assert.deepEqual(text(planScaleOut({ inventory, hosts, host: { address: 'db.example.com' }, pd }).blocked), [
      { check: 'host', message: "'db.example.com' is not an IPv4 address: TiFlash hosts must be IP addresses." },
    ]);
  });

  it("PD's store list or its placement rules unreadable", () => {
    assert.deepEqual(text(planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: { ...pd, stores: unknownFacts.stores } }).blocked), [
      {
        check: 'pd-unknown',
        message: 'PD did not give an answer a decision can rest on: PD could not be read, so it is unknown what the ' + 'run would act on.',
      },
    ]);
    assert.deepEqual(text(planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: { ...pd, rules: unknownFacts.rules } }).blocked), [
      {
        check: 'pd-unknown',
        message: 'PD did not give an answer a decision can rest on: PD could not be read, so it is unknown what the ' + 'run would act on.',
      },
    ]);
  });
});

describe('scale-out: stores PD has at the new addresses', () => {
  it('ignores a store elsewhere whatever its peer address', () => {
    assert.deepEqual(
      text(
        planScaleOut({
          inventory,
          hosts,
          host: '192.168.0.20',
          pd: factsOf([tiflashStore(7, '192.168.0.21:3930', 'Up', { peerAddress: '192.168.0.21:20170' })]),
        }).blocked,
      ),
      [],
    );
  });

  it('blocks a live store there and does not also warn about a Tombstone there', () => {
    const p2 = planScaleOut({
      inventory,
      hosts,
      host: '192.168.0.20',
      pd: factsOf([tiflashStore(7, '192.168.0.20:3930', 'Up'), tiflashStore(8, '192.168.0.20:20170', 'Tombstone')]),
    });
    assert.deepEqual(text({ b: p2.blocked, w: p2.warnings }), {
      b: [
        {
          check: 'address-in-pd',
          message:
            'PD already has store 7 (Up) at 192.168.0.20:3930: a new TiFlash there would fail with "duplicated ' +
            'store address". Scale that store in first, or pick another address or ports.',
        },
      ],
      w: [],
    });
  });

  it('warns about a Tombstone record found by its peer address', () => {
    const p3 = planScaleOut({
      inventory,
      hosts,
      host: '192.168.0.20',
      pd: factsOf([tiflashStore(8, '192.168.0.21:3930', 'Tombstone', { peerAddress: '192.168.0.20:20170' })]),
    });
    assert.deepEqual(text({ b: p3.blocked, w: p3.warnings }), {
      b: [],
      w: [
        'PD keeps Tombstone store record(s) 8 at this address: wipe the old data directories first ' +
          '(/home/tidb/deploy/tiflash/data/db) or the new TiFlash fails with "store is tombstone"; remove the ' +
          'records in PD afterwards.',
      ],
    });
  });
});
