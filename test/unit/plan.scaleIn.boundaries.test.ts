// Scale-in, message by message: each refusal and warning names the host or store it is about, the monitored
// lines removed are exactly the machine's own (by name or by address), the stop step keeps `-t tiflash` for a
// machine that runs anything else, and the placement guard quotes the largest count and at most five rules.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { render, type Msg } from '../../src/core/l10n/message';
import type { PdFacts } from '../../src/core/plan/facts';
import { planScaleIn, stopStep } from '../../src/core/plan/scaleIn';
import type { Plan, Step } from '../../src/core/plan/types';
import { factsOf, rule, tiflashStore, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

const read = (f: string) => parseInventory(fs.readFileSync(path.join(demoDir, f), 'utf8'));
const inventory = read('inventory.ini');
const hosts = read('hosts.ini');
const stores = [tiflashStore(53, '192.168.0.11:3930'), tiflashStore(54, '192.168.0.12:3930'), tiflashStore(55, '192.168.0.12:3931')];
const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && 'id' in v && 'args' in v;
/** The value with every message rendered in English, so an assertion sees the arguments too. */
const text = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (isMsg(x) ? render(x, 'en') : x)));
const blocked = (p: Plan) => text(p.blocked);
const warnings = (p: Plan) => p.warnings.map((w) => render(w, 'en'));
const step = (p: Plan, id: string): Step | undefined => p.steps.find((s) => s.id === id);
const ops = (p: Plan, id: string) => {
  const s = step(p, id);
  return s?.kind === 'edit' ? s.ops : [];
};
const argv = (p: Plan, id: string) => {
  const s = step(p, id);
  return s?.kind === 'playbook' ? s.argv.join(' ') : '';
};
const detail = (p: Plan, id: string) => {
  const s = step(p, id);
  return s?.kind === 'info' && s.detail ? render(s.detail, 'en') : '';
};
const titles = (p: Plan) => p.steps.map((s) => render(s.title, 'en'));

/** TF1 (alias of 10.0.0.1), 10.0.0.5 (also a TiKV machine) and a host named like a group. */
const small = (monitored: string) =>
  parseInventory(
    `[tikv_servers]\n10.0.0.5\n[pd_servers]\n10.0.0.8\n[monitoring_servers]\n10.0.0.9\n[monitored_servers]\n${monitored}\n` +
      '[tiflash_servers]\nTF1 ansible_host=10.0.0.1\n10.0.0.5\npd_servers ansible_host=10.0.0.7\n',
  );
const smallStores = factsOf([tiflashStore(1, '10.0.0.1:3930'), tiflashStore(2, '10.0.0.5:3930'), tiflashStore(3, '10.0.0.7:3930')]);

describe('scale-in: what each step says', () => {
  it('names the store, its address and its Regions in the delete and wait steps, the host in every other step', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf(stores, { rules: [rule(1)] }) });
    assert.deepEqual(titles(p), [
      'Delete store 53 (192.168.0.11:3930) in PD: it goes Offline',
      'Wait until store 53 is Tombstone (its 100 Region(s) move away)',
      'Stop TiFlash on 192.168.0.11',
      'Remove 192.168.0.11 from inventory.ini [tiflash_servers], [monitored_servers]',
      'Remove 192.168.0.11 from hosts.ini [servers]',
      'Refresh Prometheus targets (rolling_update_monitor.yml --tags=prometheus)',
      'Watch the cluster in Grafana',
      'Wipe the TiFlash data directories of 192.168.0.11 before the machine joins again',
    ]);
    assert.equal(
      detail(p, 'wipe'),
      'Scale-in does not delete data. Before 192.168.0.11 runs TiFlash again, delete: /data1/tiflash/data, ' + '/data2/tiflash/data',
    );
  });

  it('names the sibling instance still running on a shared machine', () => {
    const p = planScaleIn({ inventory, hosts, host: 'TiFlash12-1', pd: factsOf(stores) });
    assert.equal(
      detail(p, 'wipe'),
      'Scale-in does not delete data. Before a TiFlash instance with these directories runs on ' +
        '192.168.0.12 again, delete: /data1/deploy/tiflash/data/db. Still running there: TiFlash12-2: do not ' +
        'touch their directories.',
    );
  });
});

describe('scale-in: a machine that runs another service', () => {
  it('stops only TiFlash, keeps its [monitored_servers] line and names the TiKV group in the wipe notice', () => {
    const p = planScaleIn({ inventory: small('10.0.0.5'), host: '10.0.0.5', pd: smallStores });
    assert.deepEqual(p.blocked, []);
    assert.equal(argv(p, 'stop'), 'ansible-playbook -i inventory.ini stop.yml -l 10.0.0.5 -t tiflash');
    assert.deepEqual(ops(p, 'remove-inventory'), [{ op: 'remove', group: 'tiflash_servers', host: '10.0.0.5' }]);
    assert.equal(
      detail(p, 'wipe'),
      'Scale-in does not delete data. Before a TiFlash instance with these directories runs on 10.0.0.5 ' +
        'again, delete: /home/tidb/deploy/tiflash/data/db. Still running there: [tikv_servers]: do not touch ' +
        'their directories.',
    );
  });
});

describe('scale-in: the [monitored_servers] lines removed', () => {
  it('removes the line naming the alias and the line naming the address, no other', () => {
    const p = planScaleIn({ inventory: small('TF1\n10.0.0.1\n10.0.0.9'), host: 'TF1', pd: smallStores });
    assert.deepEqual(ops(p, 'remove-inventory'), [
      { op: 'remove', group: 'tiflash_servers', host: 'TF1' },
      { op: 'remove', group: 'monitored_servers', host: 'TF1' },
      { op: 'remove', group: 'monitored_servers', host: '10.0.0.1' },
    ]);
  });

  it('removes the alias line alone when only the alias is monitored', () => {
    const p = planScaleIn({ inventory: small('TF1'), host: 'TF1', pd: smallStores });
    assert.deepEqual(
      ops(p, 'remove-inventory').map((o) => o.host),
      ['TF1', 'TF1'],
    );
  });

  it('plans without [monitored_servers] in inventory.ini or [servers] in hosts.ini', () => {
    const p = planScaleIn({
      inventory: parseInventory('[tiflash_servers]\n10.0.0.1\n'),
      hosts: parseInventory('[all:vars]\nusername = tidb\n'),
      host: '10.0.0.1',
      pd: factsOf([tiflashStore(1, '10.0.0.1:3930'), tiflashStore(2, '10.0.0.2:3930')]),
    });
    assert.deepEqual(p.blocked, []);
    assert.deepEqual(ops(p, 'remove-inventory'), [{ op: 'remove', group: 'tiflash_servers', host: '10.0.0.1' }]);
    assert.equal(step(p, 'remove-hosts'), undefined);
  });
});

describe('scale-in: refusals and warnings name what they are about', () => {
  it('a host not in [tiflash_servers]', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.2', pd: factsOf(stores) });
    assert.deepEqual(blocked(p), [{ check: 'host', message: '192.168.0.2 is not in [tiflash_servers] of inventory.ini.' }]);
    assert.deepEqual(p.steps, []);
  });

  it('a host named like a group', () => {
    const p = planScaleIn({ inventory: small(''), host: 'pd_servers', pd: smallStores });
    assert.deepEqual(blocked(p), [
      { check: 'host', message: "'pd_servers' is also the name of a group: -l pd_servers would select the whole group. Rename the host." },
    ]);
  });

  it('a store at the address that is not TiFlash', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf([{ ...stores[0], labels: {} }]) });
    assert.deepEqual(blocked(p), [
      {
        check: 'not-tiflash',
        message: 'Store 53 at 192.168.0.11:3930 is not a TiFlash store (no engine=tiflash label): it is never changed from here.',
      },
    ]);
  });

  it('the last TiFlash store, confirmable', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf([stores[0]]) });
    assert.deepEqual(blocked(p), [
      {
        check: 'last-store',
        confirmable: true,
        message:
          'Store 53 is the last TiFlash store. Removing it needs an explicit confirmation; if a table still ' +
          'has TiFlash replicas, remove them first (ALTER TABLE … SET TIFLASH REPLICA 0), or delete the ' +
          'leftover rules afterwards (DELETE /pd/api/v1/config/rule/tiflash/<id>).',
      },
    ]);
  });

  it('a store PD does not have, one already Tombstone, one already Offline', () => {
    const absent = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf([]) });
    assert.deepEqual(warnings(absent), [
      "PD's complete store list has no store at 192.168.0.11:3930: 192.168.0.11 is not a store in PD, so " +
        'no store is deleted and TiFlash is stopped right away.',
    ]);
    const tomb = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf([tiflashStore(53, '192.168.0.11:3930', 'Tombstone')]) });
    assert.deepEqual(warnings(tomb), ['Store 53 is already Tombstone: TiFlash is stopped right away.']);
    const off = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf([tiflashStore(53, '192.168.0.11:3930', 'Offline')]) });
    assert.deepEqual(warnings(off), ['Store 53 is already Offline: the run waits for it to become Tombstone from where it is.']);
  });
});

describe('scale-in: the placement guard', () => {
  it('quotes the largest count the rules need and at most five of them', () => {
    const rules = [1, 3, 5, 4, 6, 7, 8].map(rule);
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf(stores, { rules }) });
    assert.deepEqual(blocked(p), [
      {
        check: 'placement-rules',
        message:
          'Only 2 Up TiFlash store(s) would remain, but 6 placement rule(s) need up to 8 (table-3-r: 3, ' +
          'table-5-r: 5, table-4-r: 4, table-6-r: 6, table-7-r: 7): the store would stay Offline forever. ' +
          "First lower those tables' TiFlash replicas (ALTER TABLE … SET TIFLASH REPLICA 2; TiDB did not name " +
          'the tables) and wait until the change finishes.',
      },
    ]);
  });

  it('has no rules to check when placement rules are off or could not be read (the last-store question still stands)', () => {
    const off = factsOf([stores[0]], { placement: false });
    const unread: PdFacts = { ...factsOf([stores[0]]), rules: unknownFacts.rules };
    for (const pd of [off, unread]) {
      assert.deepEqual(
        planScaleIn({ inventory, hosts, host: '192.168.0.11', pd }).blocked.map((b) => b.check),
        ['last-store'],
      );
      assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd, confirmed: ['last-store'] }).blocked, []);
    }
  });
});

describe('scale-in: the stop step', () => {
  it('refuses the whole plan, with no step, when an extra argument would select hosts', () => {
    const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: factsOf(stores), extraArgs: ['-lx'] });
    assert.deepEqual(text(p), {
      operation: 'scale-in',
      target: '192.168.0.11',
      steps: [],
      blocked: [
        {
          check: 'argument',
          message:
            "'-lx' in the setting tiflash.playbookExtraArgs would change which hosts, inventory or tasks a " +
            'playbook acts on: the extension sets those itself. Remove it.',
        },
      ],
      warnings: [],
    });
  });

  it('names inventory.ini when the host has no line to point at', () => {
    const me = tiflashHosts(parseInventory('[tiflash_servers]\n10.0.0.1\n'))[0];
    assert.deepEqual(text(stopStep({}, { ...me, name: 'a*b', line: undefined })), {
      blocked: [
        {
          check: 'argument',
          message:
            "'a*b' is an Ansible host pattern, not one host name (it contains one of , : ! & * ? [ ] ~ @ \\ or a " +
            'space): as -l it could select other hosts. Rename it in inventory.ini.',
        },
      ],
    });
  });
});
