// Table names for placement rules from TiDB's status port (GET /db-table/{id}), and the ALTER statements.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { decodeDbTable } from '../../src/core/pd/tidb';
import { tidbStatusEndpointsFromInventory } from '../../src/core/pd/endpoints';
import { readJson } from '../../src/core/pd/json';
import { replicaFix, setReplicaStatements, tableIdOfRule, TidbStatus } from '../../src/core/pd/tidb';

/** The shape TiDB 3.1/4.0 answer (server/http_handler.go dbTableInfo, parser model CIStr). */
const dbTable = (db: string, table: string) =>
  JSON.stringify({
    db_info: { id: 1, db_name: { O: db, L: db.toLowerCase() }, charset: 'utf8mb4', state: 5 },
    table_info: { id: 45, name: { O: table, L: table.toLowerCase() }, tiflash_replica: { Count: 2, Available: true } },
    schema_version: 52,
  });

describe('TiDB table names', () => {
  it('reads the table id of a TiFlash rule, and nothing else', () => {
    assert.equal(tableIdOfRule('table-45-r'), '45');
    assert.equal(tableIdOfRule('table-9223372036854775807-r'), '9223372036854775807');
    for (const bad of ['table-045-r', 'table--1-r', 'table-45', 'x-table-45-r', 'table-4 5-r', 'table-45-r/../x'])
      assert.equal(tableIdOfRule(bad), undefined, bad);
  });

  it('decodes /db-table/{id} into db and table', () => {
    const v = readJson(dbTable('Sales', 'Orders'));
    assert.ok(v.ok);
    assert.deepEqual(decodeDbTable(v.value), { ok: true, value: { db: 'Sales', table: 'Orders' } });
    const bad = readJson('{"db_info": null, "table_info": null}');
    assert.ok(bad.ok && !decodeDbTable(bad.value).ok);
  });

  it('writes ALTER TABLE with quoted names, once per table', () => {
    assert.deepEqual(
      setReplicaStatements(
        [
          { db: 'sales', table: 'orders' },
          { db: 'sales', table: 'orders' },
          { db: 'a`b', table: 't; DROP TABLE x' },
        ],
        1,
      ),
      ['ALTER TABLE `sales`.`orders` SET TIFLASH REPLICA 1;', 'ALTER TABLE `a``b`.`t; DROP TABLE x` SET TIFLASH REPLICA 1;'],
    );
    const rules = [
      { id: 'table-45-r', count: 3 },
      { id: 'table-46-r', count: 1 },
      { id: 'table-47-r', count: 2 },
    ].map((r) => ({ ...r, groupId: 'tiflash', role: 'learner', labelConstraints: [] }));
    assert.deepEqual(replicaFix(rules, new Map([['table-45-r', { db: 'd', table: 't' }]]), 1), {
      statements: ['ALTER TABLE `d`.`t` SET TIFLASH REPLICA 1;'],
      unnamed: ['table-47-r'],
    });
  });

  it('finds TiDB status ports in the inventory (tidb_status_port, default 10080; https with enable_tls)', () => {
    const inv = parseInventory('[tidb_servers]\n10.0.0.1\n10.0.0.2 tidb_status_port=10081\n[all:vars]\nenable_tls = True\n');
    assert.deepEqual(tidbStatusEndpointsFromInventory(inv), ['https://10.0.0.1:10080', 'https://10.0.0.2:10081']);
  });

  it('asks TiDB over HTTP, falls back to ids for what it cannot name, and stops when TiDB is down', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/db-table/45') res.end(dbTable('sales', 'orders'));
      else res.writeHead(400).end('[schema:1146]Table which ID = 46 does not exist.');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const tidb = new TidbStatus({ endpoints: [`127.0.0.1:${(server.address() as AddressInfo).port}`], timeoutMs: 1000 });
    try {
      const names = await tidb.tableNames(['table-45-r', 'table-46-r', 'other-rule']);
      assert.deepEqual([...names], [['table-45-r', { db: 'sales', table: 'orders' }]]);
      assert.deepEqual(seen, ['/db-table/45', '/db-table/46']);
    } finally {
      tidb.dispose();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    const down = new TidbStatus({ endpoints: ['127.0.0.1:1'], timeoutMs: 500 });
    try {
      assert.deepEqual([...(await down.tableNames(['table-1-r', 'table-2-r']))], []);
    } finally {
      down.dispose();
    }
  });
});
