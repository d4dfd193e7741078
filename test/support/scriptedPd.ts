// A PD on 127.0.0.1 that answers by script (shaped like PD 3.1 and 4.0, ../shared/PD-API.md) and records
// every request, and a PD module client on it.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PdApi, type PdApiOptions } from '../../src/core/pd/api';
import { storeEntry, storesBody, type StoreSpec } from './pdBodies';

export interface Seen {
  method: string;
  path: string;
  body: string;
}
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | ((res: http.ServerResponse) => void);
export type Script = (req: Seen) => Reply;

/** A server that answers by script and records every request. */
export async function serve(script: Script) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s = { method: req.method ?? '', path: req.url ?? '', body };
      seen.push(s);
      const reply = script(s);
      if (typeof reply === 'function') return reply(res);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8', ...reply.headers });
      res.end(reply.body ?? 'null');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    writes: () => seen.filter((s) => s.method !== 'GET'),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type Server = Awaited<ReturnType<typeof serve>>;

export async function withPd<T>(script: Script, fn: (api: PdApi, server: Server) => Promise<T>, opts: Partial<PdApiOptions> = {}): Promise<T> {
  const server = await serve(script);
  const api = new PdApi({ endpoints: [server.url], timeoutMs: 2000, ...opts });
  try {
    return await fn(api, server);
  } finally {
    api.dispose();
    await server.close();
  }
}

export const json = (body: string) => ({ status: 200, body });
export const VERSION = (v: string) => json(`{"version": "${v}"}`);

/** A small PD whose store states the script changes: one TiFlash store `61` (and TiKV `1`). */
export function pd(version: '3.1' | '4.0', store: StoreSpec, extra: (req: Seen) => Reply | undefined = () => undefined): Script {
  return (req) => {
    const special = extra(req);
    if (special) return special;
    if (req.path === '/pd/api/v1/version') return VERSION(version === '3.1' ? 'v3.1.2' : 'v4.0.16');
    if (req.method === 'GET' && req.path === `/pd/api/v1/store/${store.id}`) return json(storeEntry({ ...store, profile: version }));
    if (req.method === 'GET' && req.path === '/pd/api/v1/store/1') return json(storeEntry({ id: '1', address: '10.0.0.1:20160', tiflash: false }));
    if (req.method === 'GET' && req.path.startsWith('/pd/api/v1/stores/limit')) {
      return json(version === '4.0' ? `{"${store.id}": {"add-peer": 30, "remove-peer": 30}}` : `{"${store.id}": {"rate": 15, "mode": "manual"}}`);
    }
    if (req.method === 'GET' && req.path.startsWith('/pd/api/v1/stores')) return json(storesBody([{ ...store, profile: version }]));
    if (req.method === 'GET') return { status: 404, body: '404 page not found\n', headers: { 'content-type': 'text/plain' } };
    return json('null');
  };
}

/** PD taking a write: the store's state becomes `state` when a request of `method` (and path end) arrives. */
export const becomes =
  (store: StoreSpec, method: string, state: 0 | 1 | 2, pathEnd = '') =>
  (req: Seen): undefined => {
    if (req.method === method && req.path.endsWith(pathEnd)) store.state = state;
    return undefined;
  };
