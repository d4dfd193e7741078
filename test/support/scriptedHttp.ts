// A server on 127.0.0.1 (port 0) that answers by script and records every request, for tests of the
// PD and TiDB clients against PD's real answer shapes (../shared/PD-API.md).

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
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
      const s = { method: req.method ?? '', path: req.url ?? '', body, headers: req.headers };
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
