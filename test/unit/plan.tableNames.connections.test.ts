// Asking TiDB for table names must not hold up the plan: a TiDB that does not answer is given up after the
// timeout the caller chose, and the connections are closed once the names are in.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { msg } from '../../src/core/l10n/message';
import { withTableNames } from '../../src/core/plan/tableNames';
import type { Plan } from '../../src/core/plan/types';
import { factsOf, rule } from '../support/facts';

const refused: Plan = {
  operation: 'scale-in',
  target: '10.0.0.5',
  steps: [],
  warnings: [],
  blocked: [{ check: 'placement-rules', message: msg('plan.blocked.noTombstones') }],
};
const inventory = parseInventory('[tiflash_servers]\n10.0.0.5\n');
const pd = factsOf([], { rules: [rule(2)] });

describe('table names: time and connections', () => {
  let silent = false;
  const sockets = new Set<Socket>();
  let server: http.Server;
  let endpoint = '';
  before(async () => {
    server = http.createServer((_req, res) => {
      if (silent) return; // never answers
      res.end('{"db_info":{"db_name":{"O":"shop"}},"table_info":{"name":{"O":"t2"}}}');
    });
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('gives up on a TiDB that does not answer after the timeout given, without names', async () => {
    silent = true;
    const started = Date.now();
    const out = await withTableNames(refused, inventory, pd, { endpoints: [endpoint], timeoutMs: 100 });
    silent = false;
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    assert.deepEqual([...(out.tableNames ?? [])], []);
  });

  it('closes its connections to TiDB once the names are in', async () => {
    server.closeAllConnections();
    const out = await withTableNames(refused, inventory, pd, { endpoints: [endpoint] });
    assert.deepEqual([...(out.tableNames ?? [])], [['table-2-r', { db: 'shop', table: 't2' }]]);
    // the client closes its kept-alive socket (it would otherwise stay open for its 10 s keep-alive)
    const open = [...sockets];
    const closed = Promise.all(open.map((s) => new Promise((r) => (s.destroyed ? r(undefined) : s.once('close', r)))));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((r) => (timer = setTimeout(r, 1000, 'still open')));
    const result = await Promise.race([closed.then(() => 'closed'), late]);
    clearTimeout(timer);
    assert.equal(result, 'closed');
  });
});
