// One HTTP(S) server on 127.0.0.1 for the simulators: port 0 unless one is given (the OS picks a free
// one and we report it), https that requires a client certificate when TLS files are given, every
// request body read before handling, and close() that ends every connection and pending timer.

import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface TlsFiles {
  /** PEM texts. */
  key: string | Buffer;
  cert: string | Buffer;
  /** The CA that signs client certificates. */
  ca: string | Buffer;
  /** Ask for and verify a client certificate (PD with enable_tls does). Default true. */
  requestCert?: boolean;
}

export interface LoggedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  body: string;
  /** ms since epoch when the request arrived. */
  at: number;
}

export interface Listening {
  url: string;
  port: number;
  /** Connections accepted so far (a client that fails the TLS handshake counts, but sends no request). */
  readonly connections: () => number;
  /** Runs fn after ms unless the server closes first. */
  later(ms: number, fn: () => void): void;
  /** Ends every connection but `keep` (the one asking). */
  dropConnections(keep?: Socket): void;
  close(): Promise<void>;
}

/** The request with its URL parsed (appended to the origin, not resolved: `//x` stays a path, as in Go). */
export interface Incoming {
  req: http.IncomingMessage;
  method: string;
  url: URL;
  body: string;
}

export type Handler = (incoming: Incoming, res: http.ServerResponse) => void;

export async function listen(handler: Handler, opts: { port?: number; tls?: TlsFiles }): Promise<Listening> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let accepted = 0;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.url ?? '';
      // only origin-form targets ("/path?query") are API requests; "*" and absolute URLs are not
      if (!target.startsWith('/')) return send(res, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '400 Bad Request' });
      handler({ req, method: req.method ?? 'GET', url: new URL(`http://127.0.0.1${target}`), body: Buffer.concat(chunks).toString('utf8') }, res);
    });
  };
  const requestCert = opts.tls?.requestCert ?? true;
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert, ca: opts.tls.ca, requestCert, rejectUnauthorized: requestCert }, onRequest)
    : http.createServer(onRequest);
  server.keepAliveTimeout = 5000;
  server.on('connection', (s: Socket) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', (_e: Error, s: Socket) => s.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    connections: () => accepted,
    later: (ms, fn) => {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
    dropConnections: (keep) => {
      // compared by client port: behind TLS the request's socket wraps the TCP one we hold
      for (const s of sockets) if (s.remotePort !== keep?.remotePort) s.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes an answer; a request whose socket is gone is dropped quietly. */
export function send(res: http.ServerResponse, a: { status: number; headers: Record<string, string>; body: string }): void {
  if (res.destroyed) return;
  res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
  res.end(a.body);
}
