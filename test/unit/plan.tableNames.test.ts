// TiDB is asked for the tables behind the placement rules only when a scale-in was refused for them, at the
// endpoints the setting names or else the inventory's [tidb_servers], the rules needing the most stores first.

import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { msg } from '../../src/core/l10n/message';
import type { PdFacts } from '../../src/core/plan/facts';
import { withTableNames } from '../../src/core/plan/tableNames';
import type { Plan } from '../../src/core/plan/types';
import { factsOf, rule } from '../support/facts';

const planBlockedBy = (check: string): Plan => ({
  operation: 'scale-in',
  target: '10.0.0.5',
  steps: [],
  warnings: [],
  blocked: [{ check, message: msg('plan.blocked.noTombstones') }],
});
const refused = planBlockedBy('placement-rules');
const noTidb = parseInventory('[tiflash_servers]\n10.0.0.5\n');

describe('table names for a placement-rules refusal', () => {
  const seen: string[] = [];
  let server: http.Server;
  let endpoint = '';
  before(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      const id = /^\/db-table\/(\d+)$/.exec(req.url ?? '')?.[1];
      res.end(JSON.stringify({ db_info: { db_name: { O: 'shop', L: 'shop' } }, table_info: { name: { O: `t${id}`, L: `t${id}` } } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('asks the given endpoints, the rules needing the most TiFlash stores first, and adds the names to the facts', async () => {
    seen.length = 0;
    const pd = factsOf([], { rules: [rule(1), rule(3), rule(2)] });
    const out = await withTableNames(refused, noTidb, pd, { endpoints: [endpoint] });
    assert.deepEqual(seen, ['/db-table/3', '/db-table/2', '/db-table/1']);
    assert.deepEqual([...(out.tableNames ?? [])].sort(), [
      ['table-1-r', { db: 'shop', table: 't1' }],
      ['table-2-r', { db: 'shop', table: 't2' }],
      ['table-3-r', { db: 'shop', table: 't3' }],
    ]);
    assert.equal(out.stores, pd.stores);
    assert.equal(out.rules, pd.rules);
  });

  it('without a setting, asks the [tidb_servers] hosts at tidb_status_port', async () => {
    seen.length = 0;
    const [host, port] = endpoint.split(':');
    const inventory = parseInventory(`[tidb_servers]\n${host} tidb_status_port=${port}\n[tiflash_servers]\n10.0.0.5\n`);
    const out = await withTableNames(refused, inventory, factsOf([], { rules: [rule(2)] }), { endpoints: [] });
    assert.deepEqual(seen, ['/db-table/2']);
    assert.deepEqual([...(out.tableNames ?? [])], [['table-2-r', { db: 'shop', table: 't2' }]]);
  });

  it('asks nothing and returns the facts as they were otherwise', async () => {
    seen.length = 0;
    const pd = factsOf([], { rules: [rule(2)] });
    // another refusal, or none
    assert.equal(await withTableNames(planBlockedBy('last-store'), noTidb, pd, { endpoints: [endpoint] }), pd);
    assert.equal(await withTableNames({ ...refused, blocked: [] }, noTidb, pd, { endpoints: [endpoint] }), pd);
    // placement rules off, or not read
    const off = factsOf([], { placement: false });
    assert.equal(await withTableNames(refused, noTidb, off, { endpoints: [endpoint] }), off);
    const unread: PdFacts = { ...pd, rules: { ok: false, error: { kind: 'unreachable', message: msg('plan.blocked.pdUnknown') } } };
    assert.equal(await withTableNames(refused, noTidb, unread, { endpoints: [endpoint] }), unread);
    // no TiDB to ask
    assert.equal(await withTableNames(refused, noTidb, pd), pd);
    assert.deepEqual(seen, []);
  });
});
