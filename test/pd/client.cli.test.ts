// `tiflash-ansible stores` on the PD module: odd answers become "unknown" rows or an error quoting PD,
// never "not in PD"; TLS files come from the flags or from tidb-ansible's conf/ssl beside the inventory.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { makeCerts, type TestCerts } from '../support/certs';
import { storesBody } from '../support/pdBodies';
import { demoCluster, withPdSim } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const INVENTORY = '[tiflash_servers]\n10.0.0.1\n10.0.0.2\n';

async function run(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('tiflash-ansible stores on odd PD answers', () => {
  let body = '';
  let server: http.Server;
  let url = '';
  let dir = '';
  let inventory = '';
  before(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-pd-'));
    inventory = path.join(dir, 'inventory.ini');
    fs.writeFileSync(inventory, INVENTORY);
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 quoting PD when the answer is {} (no host is called absent)', async () => {
    body = '{}';
    const r = await run(['stores', '--pd', url, '-i', inventory, '--format', 'json']);
    assert.deepEqual([r.code, r.stdout], [2, '']);
    assert.match(r.stderr, /^tiflash-ansible: PD's answer has no "stores" list .*: \{\}\n$/);
  });

  it('prints unknown rows with the reason when a store address does not parse', async () => {
    body = storesBody([
      { id: '61', address: '10.0.0.1:3930' },
      { id: '62', address: '10.0.0.2 :3930' },
    ]);
    const r = await run(['stores', '--pd', url, '-i', inventory, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { match: string; reason?: string }[];
    assert.deepEqual(
      rows.map((x) => x.match),
      ['store', 'unknown', 'orphan'],
    );
    assert.equal(rows[1].reason, 'store 62 has the address "10.0.0.2 :3930", which is not host:port, so no host can be called absent');
    const zh = await run(['stores', '--pd', url, '-i', inventory], { LANG: 'zh_CN.UTF-8' });
    assert.match(zh.stdout, /^10\.0\.0\.2\t10\.0\.0\.2:3930\t-\t状态未知：store 62 的地址/m);
  });

  it('says "not in PD" only from a complete list', async () => {
    body = storesBody([{ id: '61', address: '10.0.0.1:3930' }]);
    const r = await run(['stores', '--pd', url, '-i', inventory]);
    assert.equal(r.stdout, '10.0.0.1\t10.0.0.1:3930\t61\tUp\t0\n10.0.0.2\t10.0.0.2:3930\t-\tnot in PD\t\n');
  });

  it("reads TLS files from the flags, or from tidb-ansible's conf/ssl on a TLS cluster, and names a missing one", async () => {
    const tls = path.join(dir, 'tls');
    fs.mkdirSync(tls);
    fs.writeFileSync(path.join(tls, 'inventory.ini'), `${INVENTORY}[all:vars]\nenable_tls = True\n`);
    const r = await run(['stores', '--pd', url, '-i', path.join(tls, 'inventory.ini')]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `tiflash-ansible: cannot read CA certificate ${path.join(tls, 'conf', 'ssl', 'ca.pem')}: ENOENT\n`);
    const half = await run(['stores', '--pd', url, '-i', inventory, '--cacert', '/nonexistent/ca.pem', '--cert', 'c.pem']);
    assert.equal(half.stderr, 'tiflash-ansible: --cert and --key go together\n');
  });
});

describe('tiflash-ansible stores on a TLS cluster', () => {
  let certs: TestCerts;
  let dir = '';
  before(async () => {
    certs = await makeCerts();
    // a tidb-ansible folder as make-ssl.sh leaves it: conf/ssl beside inventory.ini
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-tls-'));
    fs.mkdirSync(path.join(dir, 'conf', 'ssl'), { recursive: true });
    for (const f of ['ca.pem', 'client.pem', 'client-key.pem']) fs.copyFileSync(path.join(certs.dir, f), path.join(dir, 'conf', 'ssl', f));
    fs.writeFileSync(path.join(dir, 'inventory.ini'), `[tiflash_servers]\n192.168.0.11\n[all:vars]\nenable_tls = True\n`);
  });
  after(() => {
    certs.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reaches PD with tidb-ansible's certificates, or with --cacert/--cert/--key", () =>
    withPdSim({ cluster: demoCluster(), tls: { key: certs.server.key, cert: certs.server.cert, ca: certs.ca } }, async (sim) => {
      const r = await run(['stores', '--pd', sim.url, '-i', path.join(dir, 'inventory.ini'), '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { storeId: string }[])[0].storeId, '53');
      const flags = await run([
        'stores',
        '--pd',
        sim.url,
        '-i',
        inventory(),
        '--format',
        'json',
        '--cacert',
        certs.paths.ca,
        '--cert',
        certs.paths.client,
        '--key',
        certs.paths.clientKey,
      ]);
      assert.equal(flags.code, 0, flags.stderr);
    }));

  it('refuses a PD whose certificate the CA did not sign', () =>
    withPdSim({ cluster: demoCluster(), tls: { key: certs.otherServer.key, cert: certs.otherServer.cert, ca: certs.ca } }, async (sim) => {
      const r = await run(['stores', '--pd', sim.url, '-i', path.join(dir, 'inventory.ini')]);
      assert.deepEqual([r.code, r.stdout], [2, '']);
      assert.match(r.stderr, /^tiflash-ansible: PD is unreachable \(https:\/\/127\.0\.0\.1:\d+: [A-Z_]*(CERT|SIGN)[A-Z_]*\)\n$/);
      assert.equal(sim.requests.length, 0);
    }));

  /** A plain inventory (no enable_tls): the flags alone say which files to use. */
  function inventory(): string {
    const file = path.join(dir, 'plain.ini');
    fs.writeFileSync(file, '[tiflash_servers]\n192.168.0.11\n');
    return file;
  }
});
