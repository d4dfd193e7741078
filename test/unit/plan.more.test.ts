// The plans' safety rules one by one: what counts as a remaining TiFlash store, collisions on one machine,
// what Ansible would reject, cancel / force / remove tombstones / placement rules, re-checks and resume advice.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { render } from '../../src/core/l10n/message';
import { recheckStep } from '../../src/core/plan/recheck';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { specFieldProblems, specLine, suggestSpec, tiflashCollisions, withSpec } from '../../src/core/plan/scaleOutSpec';
import { planCancelScaleIn, planEnablePlacementRules, planForceTombstone, planRemoveTombstones } from '../../src/core/plan/storeOps';
import type { Plan } from '../../src/core/plan/types';
import { apply, onReload, startRun } from '../../src/core/run/engine';
import { parseRecap } from '../../src/core/run/recap';
import { resumeAdvice } from '../../src/core/run/resume';
import { parseStoreId, type PlacementRule, type Store, type StoreState } from '../../src/core/pd/types';
import { factsOf, unknownFacts } from '../support/facts';
import { demoDir } from '../support/paths';

const read = (f: string) => fs.readFileSync(path.join(demoDir, f), 'utf8');
const inventory = parseInventory(read('inventory.ini'));
const hosts = parseInventory(read('hosts.ini'));
const store = (i: string, address: string, state: StoreState = 'Up', extra: Partial<Store> = {}): Store => ({
  id: parseStoreId(i)!,
  address,
  state,
  stateName: state,
  labels: { engine: 'tiflash' },
  regionCount: 5,
  leaderCount: 0,
  ...extra,
});
const rule = (count: number): PlacementRule => ({ groupId: 'tiflash', id: `table-${count}-r`, role: 'learner', count, labelConstraints: [] });
const facts = (stores: Store[], rules: PlacementRule[] = [], version = 'v4.0.16') => factsOf(stores, { rules, version });
const checks = (p: Plan) => p.blocked.map((b) => b.check);
const en = (p: Plan) => p.blocked.map((b) => render(b.message, 'en')).join(' | ');

describe('placement guard', () => {
  it('counts only Up TiFlash stores as remaining: not Disconnected, Down, Offline, Tombstone or TiKV', () => {
    const me = store('53', '192.168.0.11:3930');
    for (const other of ['Disconnected', 'Down', 'Offline', 'Tombstone'] as const) {
      const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts([me, store('54', '192.168.0.12:3930', other)], [rule(1)]) });
      assert.deepEqual(checks(p), ['placement-rules'], other);
      assert.match(en(p), /Only 0 Up TiFlash store/);
    }
    const tikv = { ...store('1', '192.168.0.3:20160'), labels: {} };
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts([me, tikv], [rule(1)]) })), ['placement-rules']);
    assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts([me, store('54', '192.168.0.12:3930')], [rule(1)]) }).blocked, []);
  });

  it('blocks exactly when a rule needs more than remain (count = remaining passes)', () => {
    const three = [store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930'), store('55', '192.168.0.12:3931')];
    assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts(three, [rule(2)]) }).blocked, []);
    assert.deepEqual(checks(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts(three, [rule(3)]) })), ['placement-rules']);
  });

  it('asks about the last store only when none would remain', () => {
    const two = [store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930')];
    assert.deepEqual(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts(two) }).blocked, []);
    const last = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts(two.slice(0, 1)) });
    assert.deepEqual(checks(last), ['last-store']);
    assert.equal(last.blocked[0].confirmable, true);
  });

  it('refuses two live stores on one address, naming both', () => {
    const p = planScaleIn({
      inventory,
      hosts,
      host: '192.168.0.11',
      pd: facts([store('53', '192.168.0.11:3930'), store('99', '192.168.0.11:3930', 'Offline')]),
    });
    assert.deepEqual(checks(p), ['ambiguous-store']);
    assert.match(en(p), /store 53 \(Up\).*store 99 \(Offline\)/);
  });
});

describe('what Ansible would reject', () => {
  it("refuses any syntax finding in either file, and an error on the host's own line", () => {
    const broken = parseInventory(`${read('inventory.ini')}\n[tiflash_servers\n`);
    assert.ok(
      checks(planScaleIn({ inventory: broken, hosts, host: '192.168.0.11', pd: facts([store('53', '192.168.0.11:3930')]) })).includes('inventory-syntax'),
    );
    assert.ok(
      checks(planScaleOut({ inventory, hosts: parseInventory('[servers\n10.0.0.1\n'), host: '192.168.0.20', pd: facts([]) })).includes('inventory-syntax'),
    );
    const conflict = parseInventory(
      read('inventory.ini').replace(
        'TiFlash12-2 ansible_host=192.168.0.12 deploy_dir=/data2/deploy tcp_port=9001',
        'TiFlash12-2 ansible_host=192.168.0.12 deploy_dir=/data2/deploy tcp_port=9000',
      ),
    );
    assert.ok(
      checks(planScaleIn({ inventory: conflict, hosts, host: 'TiFlash12-2', pd: facts([store('55', '192.168.0.12:3931')]) })).includes('host-line-error'),
    );
  });
});

describe('scale-out on a machine that already runs TiFlash', () => {
  it('refuses a second entry that shares a port or a directory with an instance there, whatever its name', () => {
    const sameDefaults = planScaleOut({ inventory, hosts, host: { address: '192.168.0.12', alias: 'TiFlash12-3' }, pd: facts([]) });
    assert.ok(checks(sameDefaults).includes('tiflash-collision'));
    assert.match(en(sameDefaults), /tcp_port = 9000 is already tcp_port of TiFlash12-1/);
  });

  it('accepts a second instance with its own ports and directories, and writes exactly that line', () => {
    const spec = suggestSpec(inventory, '192.168.0.12');
    assert.deepEqual(specFieldProblems(spec), []);
    assert.equal(spec.ports?.tcp_port, 9002, 'the next port no instance there uses');
    const p = planScaleOut({ inventory, hosts, host: spec, pd: facts([]) });
    assert.deepEqual(p.blocked, [], en(p));
    const edit = p.steps[0];
    assert.ok(edit.kind === 'edit');
    assert.equal(edit.ops[0].line, specLine(spec));
    assert.match(specLine(spec), /^TiFlash-192\.168\.0\.12-3 ansible_host=192\.168\.0\.12 deploy_dir=\S+ data_dir=\S+ tcp_port=9002 /);
  });

  it("refuses a store PD has at the new instance's service or proxy address, warns about a Tombstone there", () => {
    const proxy = planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: facts([store('80', '192.168.0.20:20170', 'Up', { labels: {} })]) });
    assert.deepEqual(checks(proxy), ['address-in-pd']);
    const peer = planScaleOut({
      inventory,
      hosts,
      host: '192.168.0.20',
      pd: facts([store('81', '192.168.0.20:3999', 'Up', { peerAddress: '192.168.0.20:20170' })]),
    });
    assert.deepEqual(checks(peer), ['address-in-pd']);
    const old = planScaleOut({ inventory, hosts, host: '192.168.0.20', pd: facts([store('61', '192.168.0.20:3930', 'Tombstone')]) });
    assert.deepEqual(old.blocked, []);
    assert.match(render(old.warnings[0], 'en'), /Tombstone store record\(s\) 61/);
  });

  it('deploys a host already written into [tiflash_servers] as it stands, checking the others on its machine against it', () => {
    const inv = parseInventory(read('inventory.ini').replace('192.168.0.13\n', '192.168.0.13\nTiFlash13-2 ansible_host=192.168.0.13\n'));
    const p = planScaleOut({ inventory: inv, hosts, host: 'TiFlash13-2', pd: facts([]) });
    assert.ok(checks(p).includes('tiflash-collision'), 'same default ports as 192.168.0.13');
  });

  it('checks each form field on its own', () => {
    const fields = specFieldProblems({
      address: '10.0.0.300',
      alias: 'a,b',
      deployDir: 'relative',
      dataDirs: ['/ok', '/bad dir'],
      ports: { tcp_port: 0, http_port: 8123, metrics_port: 8123 },
    }).map((p) => p.field);
    assert.deepEqual(fields, ['address', 'alias', 'deployDir', 'dataDirs', 'tcp_port', 'metrics_port']);
    const added = withSpec(inventory, { address: '192.168.0.30', dataDirs: ['/d1', '/d2'] });
    assert.ok(added);
    assert.deepEqual(added.host.dataDirs, ['/d1', '/d2']);
    assert.deepEqual(tiflashCollisions(added.host, tiflashHosts(added.inventory)), []);
  });
});

describe('store operations', () => {
  const offline = store('54', '192.168.0.12:3930', 'Offline');

  it('cancel: only an Offline TiFlash store, back to Up, and on 4.0 the remove-peer limit recorded at the delete restored', () => {
    const p = planCancelScaleIn({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([offline]), removePeerLimitBefore: 30 });
    assert.deepEqual(
      p.steps.flatMap((s) => (s.kind === 'pd' ? s.requests.map((r) => `${r.method} ${r.path} ${r.body ?? ''}`.trim()) : [s.kind])),
      ['POST /pd/api/v1/store/54/state?state=Up', 'POST /pd/api/v1/store/54/limit {"rate":30,"type":"remove-peer"}'],
    );
    const unknownLimit = planCancelScaleIn({ inventory, target: { storeId: parseStoreId('54')! }, pd: facts([offline]) });
    assert.equal(unknownLimit.steps.length, 1);
    const v31 = planCancelScaleIn({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([offline], [], 'v3.1.2'), removePeerLimitBefore: 30 });
    assert.deepEqual([v31.steps.length, v31.warnings.length], [1, 0], '3.1 does not raise the limit on delete: nothing to restore');
    assert.ok(v31.steps[0].kind === 'pd' && v31.steps[0].requests.length === 1);
    assert.match(render(unknownLimit.warnings[0], 'en'), /remove-peer limit/);
    for (const st of ['Up', 'Tombstone', 'Disconnected'] as const) {
      assert.deepEqual(
        checks(planCancelScaleIn({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([store('54', '192.168.0.12:3930', st)]) })),
        ['not-offline'],
        st,
      );
    }
    assert.deepEqual(checks(planCancelScaleIn({ inventory, target: { storeId: parseStoreId('77')! }, pd: facts([offline]) })), ['store']);
    assert.deepEqual(
      checks(
        planCancelScaleIn({ inventory, target: { storeId: parseStoreId('1')! }, pd: facts([{ ...store('1', '192.168.0.3:20160', 'Offline'), labels: {} }]) }),
      ),
      ['not-tiflash'],
    );
  });

  it('force: only an Offline TiFlash store and only PD 3.1/4.0', () => {
    assert.deepEqual(planForceTombstone({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([offline]) }).blocked, []);
    assert.deepEqual(checks(planForceTombstone({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([offline], [], 'v5.0.0') })), ['pd-version']);
    assert.deepEqual(checks(planForceTombstone({ inventory, target: { host: 'TiFlash12-1' }, pd: facts([store('54', '192.168.0.12:3930')]) })), [
      'not-offline',
    ]);
  });

  it('remove tombstones and enable placement rules say when there is nothing to do', () => {
    assert.deepEqual(checks(planRemoveTombstones(facts([offline]))), ['nothing-to-do']);
    const r = planRemoveTombstones(facts([store('61', '192.168.0.19:3930', 'Tombstone', { regionCount: 2 })]));
    assert.equal(r.steps.length, 1);
    assert.match(render(r.warnings[0], 'en'), /61/);
    assert.deepEqual(checks(planEnablePlacementRules(facts([]))), ['nothing-to-do']);
    const on = planEnablePlacementRules(factsOf([], { placement: false }));
    assert.ok(on.steps[0].kind === 'pd' && on.steps[0].requests[0].body === '{"enable-placement-rules":"true"}');
    assert.deepEqual(checks(planEnablePlacementRules(unknownFacts)), ['pd-unknown']);
  });
});

describe('re-check as a step starts', () => {
  const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts([store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930')]) });
  const stop = p.steps.find((s) => s.id === 'stop')!;
  const now = (text: string) => ({ inventory: parseInventory(text), hosts, inventoryText: text, hostsText: read('hosts.ini') });

  it('passes when nothing changed, stops when the stop command would differ or the host is gone', () => {
    assert.deepEqual(recheckStep(stop, now(read('inventory.ini'))), { same: true });
    const shared = read('inventory.ini').replace('[tikv_servers]\n', '[tikv_servers]\n192.168.0.11\n');
    const r = recheckStep(stop, now(shared));
    assert.ok(!r.same && /-t tiflash/.test(render(r.why, 'en')), 'another service appeared on the machine: -t tiflash now');
    const gone = recheckStep(stop, now(read('inventory.ini').replace(/^192\.168\.0\.11 data_dir.*\n/m, '')));
    assert.ok(!gone.same);
  });
});

describe('resume advice after a reload', () => {
  const p = planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: facts([store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930')]) });
  const stopIndex = p.steps.findIndex((s) => s.id === 'stop');
  let run = startRun(p, { id: 'r', dir: '/d', at: 0 });
  for (let i = 0; i < stopIndex; i++) {
    run = (apply(run, { type: 'step-started', index: i, at: 1 }) as { run: typeof run }).run;
    run = (apply(run, { type: 'step-done', index: i, at: 2 }) as { run: typeof run }).run;
  }
  const running = onReload((apply(run, { type: 'step-started', index: stopIndex, at: 3, pid: 4242, logOffset: 0 }) as { run: typeof run }).run, 4);
  const recap = (text: string) => parseRecap(text);

  it('never offers to send a playbook again while its process lives', () => {
    const a = resumeAdvice(running, stopIndex, { processAlive: true });
    assert.deepEqual(a.options, ['watch', 'abort']);
    assert.match(render(a.message, 'en'), /still running as process 4242/);
  });

  it('offers done when the log shows the playbook did its work, else run again or abort', () => {
    const good = resumeAdvice(running, stopIndex, {
      processAlive: false,
      recap: recap('PLAY RECAP ***\n192.168.0.11 : ok=3 changed=1 unreachable=0 failed=0 skipped=0\n'),
    });
    assert.deepEqual([good.options, good.recommended], [['done', 'again', 'abort'], 'done']);
    const bad = resumeAdvice(running, stopIndex, { processAlive: false, recap: recap('PLAY RECAP ***\n') });
    assert.deepEqual(bad.options, ['again', 'abort']);
    assert.match(render(bad.message, 'en'), /not in the PLAY RECAP/);
  });

  it('a step without a recorded process asks the operator to check it ended', () => {
    const noPid = onReload((apply(run, { type: 'step-started', index: stopIndex, at: 3 }) as { run: typeof run }).run, 4);
    const a = resumeAdvice(noPid, stopIndex, {});
    assert.equal(a.recommended, 'abort');
    assert.match(render(a.message, 'en'), /not running any more/);
  });

  it('other steps are safe to run again', () => {
    const r = onReload(run, 4);
    assert.deepEqual(resumeAdvice(r, stopIndex, {}).options, ['again', 'abort']);
  });
});

describe('a scale-in refused for its placement rules names the tables', () => {
  const three = [store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930'), store('55', '192.168.0.12:3931')];
  const rules = [rule(3), { ...rule(3), id: 'table-46-r' }, { ...rule(1), id: 'table-47-r' }];
  const refused = (tableNames?: Map<string, { db: string; table: string }>) =>
    render(planScaleIn({ inventory, hosts, host: '192.168.0.11', pd: { ...facts(three, rules), tableNames } }).blocked[0].message, 'en');

  it('gives the exact statements for the tables TiDB named, the rule ids it could not, the generic fix without TiDB', () => {
    assert.match(refused(), /ALTER TABLE … SET TIFLASH REPLICA 2; TiDB did not name the tables/);
    const named = refused(
      new Map([
        ['table-3-r', { db: 'sales', table: 'orders' }],
        ['table-46-r', { db: 'we`ird', table: 'x' }],
      ]),
    );
    assert.match(named, /ALTER TABLE `sales`\.`orders` SET TIFLASH REPLICA 2;\nALTER TABLE `we``ird`\.`x` SET TIFLASH REPLICA 2;/);
    assert.doesNotMatch(named, /table-47-r/, 'a rule that fits is not named');
    const some = refused(new Map([['table-3-r', { db: 'sales', table: 'orders' }]]));
    assert.match(some, /TiDB did not name the tables of table-46-r/);
  });
});
