// A PD on 127.0.0.1 that answers by script (shaped like PD 3.1 and 4.0, ../shared/PD-API.md) on the scripted
// server of scriptedHttp.ts, and a PD module client on it.

import { PdApi, type PdApiOptions } from '../../src/core/pd/api';
import { storeEntry, storesBody, type StoreSpec } from './pdBodies';
import { serve, type Reply, type Script, type Seen, type Server } from './scriptedHttp';

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
