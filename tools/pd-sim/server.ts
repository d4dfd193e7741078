// A real HTTP server on 127.0.0.1 that answers like PD (v4.0 JSON and status codes), plus
// /sim/* controls that tests and the demo use to make it slow, fail, go down or drain faster.

import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Cluster, type ClusterFile } from './cluster';

export interface SimOptions {
  cluster: ClusterFile;
  port?: number;
  /** How often time moves on (heartbeats, draining). */
  tickMs?: number;
  /** PD v3.1 omits zero status fields. */
  omitZero?: boolean;
}

interface Faults {
  failNext: { status: number; body: string; count: number } | undefined;
  malformedNext: number;
  delayMs: number;
  down: boolean;
}

export interface PdSim {
  url: string;
  port: number;
  cluster: Cluster;
  faults: Faults;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

export async function startPdSim(opts: SimOptions): Promise<PdSim> {
  const cluster = new Cluster(opts.cluster);
  const faults: Faults = { failNext: undefined, malformedNext: 0, delayMs: 0, down: false };
  const requests: PdSim['requests'] = [];
  const sockets = new Set<Socket>();
  const timer = setInterval(() => cluster.tick(), opts.tickMs ?? 1000);
  timer.unref();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/sim/')) return control(method, url, req, res);
    requests.push({ method, path: url.pathname + url.search });
    if (faults.down) return req.socket.destroy();
    const answer = () => {
      if (faults.failNext && faults.failNext.count > 0) {
        faults.failNext.count--;
        return json(res, faults.failNext.status, faults.failNext.body);
      }
      if (faults.malformedNext > 0) {
        faults.malformedNext--;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"count": 3, "stores": [');
      }
      route(method, url, res);
    };
    if (faults.delayMs) setTimeout(answer, faults.delayMs);
    else answer();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 5000;

  function route(method: string, url: URL, res: http.ServerResponse): void {
    const p = url.pathname.replace(/\/+$/, '');
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/pd/api/v1/stores') {
      const states = url.searchParams.getAll('state');
      let wanted = [0, 1];
      if (states.length) {
        const nums = states.map(Number);
        const bad = states.find((_, i) => !Number.isInteger(nums[i]) || nums[i] < 0 || nums[i] > 2);
        if (bad !== undefined) return json(res, 500, `invalid state ${bad}`);
        wanted = nums;
      }
      const list = cluster.stores.filter((s) => wanted.includes(s.state)).map((s) => cluster.render(s, !!opts.omitZero));
      return json(res, 200, { count: list.length, stores: list });
    }
    if ((m = /^\/pd\/api\/v1\/store\/(\d+)$/.exec(p))) {
      const id = Number(m[1]);
      const s = cluster.find(id);
      if (method === 'GET') return s ? json(res, 200, cluster.render(s, !!opts.omitZero)) : json(res, 500, `store ${id} not found`);
      if (method === 'DELETE') {
        if (!s) return json(res, 404, `[PD:core:ErrStoreNotFound]store ${id} not found`);
        if (s.state === 2) return json(res, 410, `[PD:core:ErrStoreTombstone]store ${id} has been removed`);
        s.state = 1;
        return json(res, 200, null);
      }
    }
    if ((m = /^\/pd\/api\/v1\/store\/(\d+)\/state$/.exec(p)) && method === 'POST') {
      const id = Number(m[1]);
      const s = cluster.find(id);
      const state = url.searchParams.get('state');
      if (!s) return json(res, 404, `[PD:core:ErrStoreNotFound]store ${id} not found`);
      if (state === 'Tombstone') {
        s.state = 2;
        s.tombstoneAt = Date.now();
        s.region_count = 0;
        s.heartbeating = false;
      } else if (state === 'Up') {
        if (s.state === 2) return json(res, 400, `[PD:core:ErrStoreTombstone]store ${id} has been removed`);
        s.state = 0;
      } else if (state === 'Offline') {
        if (s.state === 2) return json(res, 400, `[PD:core:ErrStoreTombstone]store ${id} has been removed`);
        s.state = 1;
      } else return json(res, 400, `unknown state: ${state}`);
      return json(res, 200, 'The store\'s state is updated.');
    }
    if (method === 'DELETE' && p === '/pd/api/v1/stores/remove-tombstone') {
      cluster.stores = cluster.stores.filter((s) => s.state !== 2);
      return json(res, 200, 'Remove tombstone successfully.');
    }
    if (method === 'GET' && p === '/pd/api/v1/config/rules/group/tiflash') return json(res, 200, cluster.rules.length ? cluster.rules : null);
    if ((m = /^\/pd\/api\/v1\/config\/rule\/tiflash\/(.+)$/.exec(p)) && method === 'DELETE') {
      cluster.rules = cluster.rules.filter((r) => r.id !== decodeURIComponent(m![1]));
      return json(res, 200, 'Delete rule successfully.');
    }
    if (method === 'GET' && p === '/pd/api/v1/version') return json(res, 200, { version: `v${cluster.version}` });
    if (method === 'GET' && p === '/pd/api/v1/health') return json(res, 200, [{ name: 'pd-sim', member_id: 1, client_urls: [sim.url], health: true }]);
    if (method === 'GET' && p === '/pd/api/v1/members') return json(res, 200, { members: [{ name: 'pd-sim', member_id: 1, client_urls: [sim.url] }] });
    json(res, 404, '404 page not found');
  }

  function control(method: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
    const q = url.searchParams;
    const num = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
    switch (url.pathname) {
      case '/sim/state':
        return json(res, 200, { stores: cluster.stores.map((s) => ({ id: s.id, address: s.address, state: s.state, stateName: cluster.stateName(s), regionCount: s.region_count })), rules: cluster.rules, faults });
      case '/sim/fail-next':
        faults.failNext = { status: num('status', 500), body: q.get('body') ?? 'simulated failure', count: num('count', 1) };
        return json(res, 200, 'ok');
      case '/sim/malformed-next':
        faults.malformedNext = num('count', 1);
        return json(res, 200, 'ok');
      case '/sim/delay':
        faults.delayMs = num('ms', 0);
        return json(res, 200, 'ok');
      case '/sim/down':
        faults.down = true;
        for (const s of sockets) if (s !== req.socket) s.destroy();
        return json(res, 200, 'ok');
      case '/sim/up':
        faults.down = false;
        return json(res, 200, 'ok');
      case '/sim/drain':
        cluster.regionsPerTick = num('regionsPerTick', cluster.regionsPerTick);
        return json(res, 200, 'ok');
      case '/sim/tick':
        for (let i = num('count', 1); i > 0; i--) cluster.tick();
        return json(res, 200, 'ok');
      case '/sim/heartbeat': {
        const s = cluster.find(num('store', -1));
        if (!s) return json(res, 404, 'no such store');
        s.heartbeating = q.get('on') !== 'false';
        if (!s.heartbeating && q.has('silentMs')) s.lastHeartbeatMs = Date.now() - num('silentMs', 0);
        return json(res, 200, 'ok');
      }
      default:
        void method;
        return json(res, 404, 'unknown control');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const sim: PdSim = {
    url: `http://127.0.0.1:${port}`, port, cluster, faults, requests,
    close: () => new Promise((resolve) => {
      clearInterval(timer);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  return sim;
}
