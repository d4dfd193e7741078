// Looking up table names on TiDB's status port: how many are asked, which failures end the search (TiDB
// down) and which do not (an id TiDB does not know), nothing asked after dispose, and a bad answer quoted.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { readJson } from '../../src/core/pd/json';
import { decodeDbTable, TidbStatus } from '../../src/core/pd/tidb';
import { serve, type Script, type Server } from '../support/scriptedHttp';

const table45 = JSON.stringify({ db_info: { db_name: { O: 'sales', L: 'sales' } }, table_info: { name: { O: 'orders', L: 'orders' } } });

/** TiDB answering 45 with its name, 503 (no answer: TiDB is as good as down) for 50, and 400 (unknown) for the rest. */
const tidbScript: Script = (req) =>
  req.path === '/db-table/45'
    ? { status: 200, body: table45 }
    : req.path === '/db-table/50'
      ? { status: 503, body: 'server is shutting down' }
      : { status: 400, body: '[schema:1146]Table which ID = 46 does not exist.' };

async function withTidb(fn: (tidb: TidbStatus, server: Server) => Promise<void>) {
  const server = await serve(tidbScript);
  const tidb = new TidbStatus({ endpoints: [server.url], timeoutMs: 1000 });
  try {
    await fn(tidb, server);
  } finally {
    tidb.dispose();
    await server.close();
  }
}
const paths = (server: Server) => server.seen.map((s) => s.path);

describe('TiDB table-name lookups', () => {
  it('asks at most `limit` rules', async () => {
    await withTidb(async (tidb, server) => {
      await tidb.tableNames(['table-46-r', 'table-47-r', 'table-45-r'], 2);
      assert.deepEqual(paths(server), ['/db-table/46', '/db-table/47']);
    });
  });

  it('goes on past a rule that names no table and an id TiDB does not know', async () => {
    await withTidb(async (tidb, server) => {
      const names = await tidb.tableNames(['other-rule', 'table-46-r', 'table-45-r']);
      assert.deepEqual([...names], [['table-45-r', { db: 'sales', table: 'orders' }]]);
      assert.deepEqual(paths(server), ['/db-table/46', '/db-table/45']);
    });
  });

  it('stops at the first rule TiDB cannot answer at all', async () => {
    await withTidb(async (tidb, server) => {
      assert.deepEqual([...(await tidb.tableNames(['table-50-r', 'table-45-r']))], []);
      assert.deepEqual(paths(server), ['/db-table/50']);
    });
  });

  it('asks nothing once disposed', async () => {
    await withTidb(async (tidb, server) => {
      tidb.dispose();
      const r = await tidb.tableName('45');
      assert.ok(!r.ok && r.error.kind === 'aborted');
      assert.deepEqual(server.seen, []);
    });
  });

  it('quotes an answer that names no database and table', () => {
    const v = readJson('{"db_info": null, "table_info": {"name": {"O": "orders"}}}');
    assert.ok(v.ok);
    const d = decodeDbTable(v.value);
    assert.ok(!d.ok);
    assert.equal(render(d.error, 'en'), 'TiDB\'s answer names no database and table: {"db_info":null,"table_info":{"name":{"O":"orders"}}}');
  });
});
