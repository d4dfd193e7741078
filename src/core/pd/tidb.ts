// Table names for TiFlash placement rules (`table-<id>-r`) from TiDB's status port, and the exact
// statements that lower a table's TiFlash replicas. TiDB 3.1 and 4.0 both serve
// `GET /db-table/{tableID}` (server/http_status.go): `{"db_info":{"db_name":{"O":…}},"table_info":{"name":{"O":…}},…}`,
// a partition id answering with its table; an unknown id is a 400 with TiDB's reason.

import { msg } from '../l10n/message';
import { decodeAnswer, HttpTransport, type HttpOptions, type PdResult } from './http';
import { asString, isObject, preview, type JsonValue } from './json';
import type { PdRequest } from './requests';
import type { Decoded, PlacementRule } from './types';

export interface TableName {
  db: string;
  table: string;
}

/** The table (or partition) id of a TiFlash rule id; undefined for any other rule. */
export const tableIdOfRule = (ruleId: string): string | undefined => /^table-([1-9][0-9]{0,18})-r$/.exec(ruleId)?.[1];

export const dbTableRequest = (tableId: string): PdRequest => ({ method: 'GET', path: `/db-table/${tableId}` });

export function decodeDbTable(v: JsonValue): Decoded<TableName> {
  const name = (o: JsonValue | undefined, key: string) => {
    const n = isObject(o) ? o.get(key) : undefined;
    return isObject(n) ? asString(n.get('O')) : undefined;
  };
  const db = isObject(v) ? name(v.get('db_info'), 'db_name') : undefined;
  const table = isObject(v) ? name(v.get('table_info'), 'name') : undefined;
  return db && table ? { ok: true, value: { db, table } } : { ok: false, error: msg('tidb.table.bad', { answer: preview(v) }) };
}

/** A MySQL identifier in backquotes (a backquote inside doubled): a table name never becomes SQL. */
export const quoteIdentifier = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** `ALTER TABLE \`db\`.\`t\` SET TIFLASH REPLICA n` once per table (partitions of one table give one statement). */
export function setReplicaStatements(tables: readonly TableName[], count: number): string[] {
  const n = Math.max(0, Math.floor(count));
  return [...new Set(tables.map((t) => `ALTER TABLE ${quoteIdentifier(t.db)}.${quoteIdentifier(t.table)} SET TIFLASH REPLICA ${n};`))];
}

export interface ReplicaFix {
  /** One statement per named table. */
  statements: string[];
  /** Rule ids whose table TiDB could not name: the fallback. */
  unnamed: string[];
}

/** What to run so `remaining` TiFlash stores can hold every rule's replicas. */
export function replicaFix(rules: readonly PlacementRule[], names: ReadonlyMap<string, TableName>, remaining: number): ReplicaFix {
  const needing = rules.filter((r) => r.count > remaining);
  const named = needing.flatMap((r) => names.get(r.id) ?? []);
  return { statements: setReplicaStatements(named, remaining), unnamed: needing.filter((r) => !names.has(r.id)).map((r) => r.id) };
}

export class TidbStatus {
  private readonly http: HttpTransport;

  constructor(opts: Omit<HttpOptions, 'service'>) {
    this.http = new HttpTransport({ ...opts, service: 'TiDB' });
  }

  async tableName(tableId: string): Promise<PdResult<TableName>> {
    const r = await this.http.send(dbTableRequest(tableId));
    return r.ok ? decodeAnswer(r.value, decodeDbTable, 'TiDB') : r;
  }

  /** Names of the tables behind rule ids (at most `limit` looked up, one at a time); the rest stay ids. */
  async tableNames(ruleIds: readonly string[], limit = 20): Promise<Map<string, TableName>> {
    const out = new Map<string, TableName>();
    for (const ruleId of ruleIds.slice(0, limit)) {
      const id = tableIdOfRule(ruleId);
      const r = id ? await this.tableName(id) : undefined;
      if (r?.ok) out.set(ruleId, r.value);
      // TiDB down: the ids are the answer
      else if (r && r.error.kind === 'unreachable') break;
    }
    return out;
  }

  dispose(): void {
    this.http.dispose();
  }
}
