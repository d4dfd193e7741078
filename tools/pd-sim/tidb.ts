// A stand-in for TiDB's status port (tidb_status_port, 10080), for the one question we ask it: which
// `db.table` a table id names (TiFlash placement rules are `table-<id>-r`).
//
// Read in TiDB's server/http_status.go and server/http_handler.go (the 3.0 release line and later; the
// route and handler are the same in v3.1.x and v4.0.x):
// - GET /db-table/{tableID} (dbTableHandler): 200, JSON indented by one space, no trailing newline,
//   `{"db_info": DBInfo, "table_info": TableInfo, "schema_version": N}`; a partition id answers its
//   table; an unknown id 400 text `[schema:1146]Table which ID = 99 does not exist.`; a non-number
//   400 `Wrong tableID: abc`. This is the endpoint to use: it names the database.
// - GET /schema?table_id=N: the TableInfo alone (no database name); unknown: the same 400.
// - GET /status: {"connections","version","git_hash"}.
// TableInfo here carries the fields a reader needs (id, name, partition, tiflash_replica, …), not all.

import type * as http from 'node:http';
import { type Answer, atoi, notFound } from './answers';
import type { SimTable } from './cluster';
import { type GoValue, goJson, u64 } from './goJson';
import { type Incoming, type LoggedRequest, type TlsFiles, listen, send } from './listen';
import type { Profile } from './profile';
import { dispatch, route } from './router';

export interface TidbSimOptions {
  tables: SimTable[];
  profile?: Profile;
  port?: number;
  tls?: TlsFiles;
}

export interface TidbSim {
  url: string;
  port: number;
  tables: SimTable[];
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const RELEASE: Record<Profile, string> = { '3.1': 'v3.1.2', '4.0': 'v4.0.16' };

/** writeData: json.MarshalIndent(data, "", " "). */
const data = (value: GoValue): Answer => ({ status: 200, headers: { 'content-type': 'application/json' }, body: goJson(value, ' ') });
/** writeError: 400 and the error text; Go sniffs the type. */
const failure = (text: string): Answer => ({ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
const ciStr = (s: string): GoValue => ({ O: s, L: s.toLowerCase() });
const notExists = (id: string) => failure(`[schema:1146]Table which ID = ${id} does not exist.`);

export async function startTidbSim(opts: TidbSimOptions): Promise<TidbSim> {
  const profile = opts.profile ?? '4.0';
  const dbs = [...new Set(opts.tables.map((t) => t.db))];
  const dbInfo = (db: string): GoValue => ({ id: dbs.indexOf(db) + 2, db_name: ciStr(db), charset: 'utf8mb4', collate: 'utf8mb4_bin', state: 5 });
  const tableInfo = (t: SimTable): GoValue => ({
    id: t.id,
    name: ciStr(t.name),
    charset: 'utf8mb4',
    collate: 'utf8mb4_bin',
    cols: [
      {
        id: 1,
        name: ciStr('id'),
        offset: 0,
        origin_default: null,
        default: null,
        default_bit: null,
        generated_expr_string: '',
        generated_stored: false,
        dependences: null,
        type: { Tp: 8, Flag: 515, Flen: 20, Decimal: 0, Charset: 'binary', Collate: 'binary', Elems: null },
        state: 5,
        comment: '',
        version: 2,
      },
    ],
    index_info: null,
    fk_info: null,
    state: 5,
    pk_is_handle: true,
    comment: '',
    auto_inc_id: 0,
    max_col_id: 1,
    max_idx_id: 0,
    update_timestamp: u64('418539877049565193'),
    ShardRowIDBits: 0,
    max_shard_row_id_bits: 0,
    pre_split_regions: 0,
    partition: t.partitions?.length
      ? {
          type: 1,
          expr: '`id`',
          columns: null,
          enable: true,
          definitions: t.partitions.map((p) => ({ id: p.id, name: ciStr(p.name), less_than: ['MAXVALUE'], comment: '' })),
          num: 0,
        }
      : null,
    compression: '',
    view: null,
    sequence: profile === '4.0' ? null : undefined,
    Lock: null,
    version: 3,
    tiflash_replica: t.tiflashReplica ? { Count: t.tiflashReplica, LocationLabels: [], Available: true, AvailablePartitionIDs: null } : null,
  });

  const routes = [
    route('*', '/status', () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: goJson({ connections: 0, version: `5.7.25-TiDB-${RELEASE[profile]}`, git_hash: '0000000000000000000000000000000000000000' }, ''),
    })),
    route('*', '/db-table/{tableID}', (_, [raw]) => {
      const id = atoi(raw);
      if (!id.ok) return failure(`Wrong tableID: ${raw}`);
      const n = Number(id.value);
      const t = opts.tables.find((x) => x.id === n) ?? opts.tables.find((x) => x.partitions?.some((p) => p.id === n));
      return t ? data({ db_info: dbInfo(t.db), table_info: tableInfo(t), schema_version: 52 }) : notExists(raw);
    }),
    route('*', '/schema', (req) => {
      const raw = req.url.searchParams.get('table_id');
      if (!raw) return data(dbs.map(dbInfo));
      const id = atoi(raw);
      if (!id.ok) return failure(id.error);
      const t = opts.tables.find((x) => x.id === Number(id.value));
      return t ? data(tableInfo(t)) : notExists(raw);
    }),
  ];

  const requests: LoggedRequest[] = [];
  const handle = ({ req, method, url, body }: Incoming, res: http.ServerResponse) => {
    requests.push({ method, path: req.url ?? '/', body, at: Date.now() });
    const a = dispatch(routes, { method, url, body });
    send(res, a === 'drop' ? notFound() : a);
  };
  const server = await listen(handle, { port: opts.port, tls: opts.tls });
  return { url: server.url, port: server.port, tables: opts.tables, requests, close: () => server.close() };
}
