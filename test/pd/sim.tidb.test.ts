// The TiDB status-port stand-in: table id -> db.table, as TiDB 3.1 / 4.0 answer GET /db-table/{tableID}.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROFILES } from '../../tools/pd-sim/profile';
import { startTidbSim } from '../../tools/pd-sim/tidb';
import { call } from '../support/pdFixtures';

const tables = [
  { id: 45, db: 'sales', name: 'Orders', tiflashReplica: 2 },
  {
    id: 60,
    db: 'logs',
    name: 'events',
    partitions: [
      { id: 61, name: 'p0' },
      { id: 62, name: 'p1' },
    ],
  },
];

for (const profile of PROFILES) {
  describe(`TiDB ${profile} status port stand-in`, () => {
    it('names the database and table of a table id, and of a partition id', async () => {
      const tidb = await startTidbSim({ tables, profile });
      try {
        const r = await call(tidb, 'GET', '/db-table/45');
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('content-type'), 'application/json');
        assert.ok(r.text.startsWith('{\n "db_info": {\n  "id": ') && !r.text.endsWith('\n'), 'indented by one space, no newline');
        const body = r.json() as {
          db_info: { db_name: { O: string } };
          table_info: { id: number; name: { O: string; L: string }; tiflash_replica: { Count: number } };
          schema_version: number;
        };
        assert.equal(body.db_info.db_name.O, 'sales');
        assert.deepEqual(body.table_info.name, { O: 'Orders', L: 'orders' });
        assert.equal(body.table_info.tiflash_replica.Count, 2);
        assert.equal(typeof body.schema_version, 'number');
        const part = (await call(tidb, 'GET', '/db-table/62')).json() as { table_info: { id: number; name: { O: string } } };
        assert.deepEqual([part.table_info.id, part.table_info.name.O], [60, 'events'], 'a partition answers its table');
      } finally {
        await tidb.close();
      }
    });

    it('answers 400 in plain text for an unknown or malformed id, and 404 for an unknown path', async () => {
      const tidb = await startTidbSim({ tables, profile });
      try {
        assert.deepEqual(await call(tidb, 'GET', '/db-table/99').then((r) => [r.status, r.text]), [400, '[schema:1146]Table which ID = 99 does not exist.']);
        assert.deepEqual(await call(tidb, 'GET', '/db-table/abc').then((r) => [r.status, r.text]), [400, 'Wrong tableID: abc']);
        const schema = await call(tidb, 'GET', '/schema?table_id=45');
        assert.equal((schema.json() as { name: { O: string } }).name.O, 'Orders', '/schema?table_id= gives the table without its database');
        assert.equal((await call(tidb, 'GET', '/tables/45')).status, 404);
        assert.deepEqual(
          tidb.requests.map((r) => r.path),
          ['/db-table/99', '/db-table/abc', '/schema?table_id=45', '/tables/45'],
        );
      } finally {
        await tidb.close();
      }
    });
  });
}
