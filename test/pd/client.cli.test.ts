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
import { storesBody } from '../support/pdBodies';
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
    body = storesBody([{ id: '61', address: '10.0.0.1:3930' }, { id: '62', address: '10.0.0.2 :3930' }]);
    const r = await run(['stores', '--pd', url, '-i', inventory, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(rows.map((x: { match: string }) => x.match), ['store', 'unknown', 'orphan']);
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
