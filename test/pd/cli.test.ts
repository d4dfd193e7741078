// The CLI as a process: JSON shapes, exit codes, errors.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';

// the bundle as shipped (npm test builds it first): its PD commands live in a second file, dist/pd.js
const cli = path.join(repoRoot, 'dist', 'cli.js');
const demo = path.join(repoRoot, 'demo', 'tidb-ansible');
const run = async (...args: string[]) => {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args]);
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('tiflash-ansible CLI', () => {
  let sim: PdSim;
  before(async () => (sim = await startPdSim({ cluster: demoCluster(), tickMs: 3_600_000 })));
  after(() => sim.close());

  it('lints: JSON problems with 1-based lines, exit 1 only on errors', async () => {
    const ok = await run('lint', '-i', path.join(demo, 'inventory.ini'), '--hosts', path.join(demo, 'hosts.ini'), '--format', 'json');
    assert.equal(ok.code, 0);
    const problems = JSON.parse(ok.stdout) as { rule: string; line: number }[];
    assert.deepEqual(
      problems.map((p) => [p.rule, p.line]),
      [
        ['missing-in-hosts-ini', 58],
        ['not-monitored', 58],
      ],
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    fs.writeFileSync(path.join(dir, 'inventory.ini'), '[tiflash_servers\n');
    const bad = await run('lint', '-i', path.join(dir, 'inventory.ini'));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /inventory\.ini:1: error \[syntax\]/);
  });

  it('exits 2 with a clear message for a missing file or a bad option, and prints nothing on stdout', async () => {
    const r = await run('lint', '-i', '/nonexistent/inventory.ini');
    assert.deepEqual([r.code, r.stdout], [2, '']);
    assert.match(r.stderr, /cannot read inventory file .*: no such file/);
    assert.equal((await run('lint', '--bogus')).code, 2);
    assert.match((await run('--help')).stdout, /Usage: tiflash-ansible/);
    // the same from the PD commands, which run from a file of their own
    const down = await run('stores', '--pd', 'http://127.0.0.1:1', '-i', path.join(demo, 'inventory.ini'));
    assert.deepEqual([down.code, down.stdout], [2, '']);
    assert.match(down.stderr, /^tiflash-ansible: PD is unreachable \(http:\/\/127\.0\.0\.1:1: ECONNREFUSED\)\n$/);
  });

  it('lists the inventory like ansible-inventory --list', async () => {
    const r = await run('inventory', 'list', '-i', path.join(demo, 'inventory.ini'));
    const json = JSON.parse(r.stdout) as { tiflash_servers: { hosts: string[] }; _meta: { hostvars: Record<string, Record<string, unknown>> } };
    assert.deepEqual(json.tiflash_servers.hosts, ['192.168.0.11', 'TiFlash12-1', 'TiFlash12-2', '192.168.0.13']);
    assert.equal(json._meta.hostvars['TiFlash12-2'].tcp_port, 9001);
  });

  it('prints stores per host and per unmatched TiFlash store', async () => {
    const r = await run('stores', '--pd', `127.0.0.1:1,${sim.url}`, '-i', path.join(demo, 'inventory.ini'), '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [
      { host: '192.168.0.11', address: '192.168.0.11', match: 'store', storeId: '53', stateName: 'Up', regionCount: 1204 },
      { host: 'TiFlash12-1', address: '192.168.0.12', match: 'store', storeId: '54', stateName: 'Up', regionCount: 1183 },
      { host: 'TiFlash12-2', address: '192.168.0.12', match: 'store', storeId: '55', stateName: 'Up', regionCount: 1190 },
      { host: '192.168.0.13', address: '192.168.0.13', match: 'absent', storeId: null, stateName: null, regionCount: null },
      { host: null, address: '192.168.0.19:3930', match: 'orphan', storeId: '61', stateName: 'Tombstone', regionCount: 0 },
    ]);
  });

  it('plans a scale-in with the store id, and exits 1 with blocked checks', async () => {
    const r = await run(
      'plan',
      'scale-in',
      '192.168.0.11',
      '-i',
      path.join(demo, 'inventory.ini'),
      '--hosts',
      path.join(demo, 'hosts.ini'),
      '--pd',
      sim.url,
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.stderr);
    const steps = (JSON.parse(r.stdout) as { steps: unknown[] }).steps;
    assert.deepEqual(steps[0], {
      id: 'delete-store',
      kind: 'pd',
      title: 'Delete store 53 (192.168.0.11:3930) in PD: it goes Offline',
      action: 'delete-store',
      method: 'DELETE',
      path: '/pd/api/v1/store/53',
      requests: [{ method: 'DELETE', path: '/pd/api/v1/store/53' }],
      storeId: '53',
    });
    sim.cluster.rules = [{ group_id: 'tiflash', id: 'table-9-r', role: 'learner', count: 3 }];
    const b = await run('plan', 'scale-in', '192.168.0.11', '-i', path.join(demo, 'inventory.ini'), '--pd', sim.url, '--format', 'json');
    assert.equal(b.code, 1);
    assert.equal((JSON.parse(b.stdout) as { blocked: { check: string }[] }).blocked[0].check, 'placement-rules');
  });
});
