// A PD on 127.0.0.1 that answers as PD v3.1.2 or v4.0.16 does (profile '3.1' / '4.0'), plus /sim/*
// controls that tests and the demo use to inject faults, move time and change the cluster.

import type * as http from 'node:http';
import type { Socket } from 'node:net';
import { type Answer, pdJson, plainText } from './answers';
import { Cluster, type ClusterFile, type SimStore } from './cluster';
import { configRoutes } from './configRoutes';
import { simControls } from './controls';
import { goJson } from './goJson';
import { infoRoutes } from './infoRoutes';
import { type Incoming, type LoggedRequest, type TlsFiles, listen, send } from './listen';
import type { Profile } from './profile';
import { renderStore } from './render';
import { type Request, dispatch } from './router';
import { type PdContext, storeRoutes } from './storeRoutes';

export interface SimOptions {
  cluster: ClusterFile;
  /** Which PD to be (default '4.0'). */
  profile?: Profile;
  /** Default 0: the OS picks a free port; `sim.port` tells which. */
  port?: number;
  /** How often time moves on: heartbeats and region moves (default 1000 ms). */
  tickMs?: number;
  /**
   * PD's background job that buries empty Offline stores runs this often, rounded to ticks
   * (default 10 000 ms, or 10 ticks when ticks are shorter than 1 s).
   */
  storeCheckMs?: number;
  /** Seed for the order of stores in lists (default: a new order on every request, unseeded). */
  seed?: number;
  /** https, requiring a client certificate signed by `tls.ca`. */
  tls?: TlsFiles;
  /** PD's time zone in minutes east of UTC (default +08:00). */
  tzMinutes?: number;
}

export interface Faults {
  /** The next `count` PD answers are `status` with `body` as a JSON string. */
  failNext: { status: number; body: string; count: number } | undefined;
  /** The next n answers are cut-off JSON. */
  malformedNext: number;
  /** Every answer waits this long. */
  delayMs: number;
  /** PD is gone: every PD request has its connection reset (controls still answer). */
  down: boolean;
  /** Answer as a PD follower does: 'no-leader' 503 "no leader", 'not-leader' 500 "redirect to not leader". */
  follower: 'no-leader' | 'not-leader' | undefined;
  /** Crafted answers, used in order: exact status, body and content type. */
  nextBodies: { status: number; body: string; contentType: string }[];
  /** Store lists are padded with made-up stores to at least this many MB. */
  storesPaddingMb: number;
}

export interface PdSim {
  url: string;
  port: number;
  profile: Profile;
  cluster: Cluster;
  faults: Faults;
  /** Every PD API request (not /sim/* controls), in arrival order. */
  requests: LoggedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  resetFaults(): void;
  close(): Promise<void>;
}

const noFaults = (): Faults => ({ failNext: undefined, malformedNext: 0, delayMs: 0, down: false, follower: undefined, nextBodies: [], storesPaddingMb: 0 });

/** mulberry32: a small seeded generator, so that a seeded order repeats across runs. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffler(random: () => number): <T>(items: T[]) => T[] {
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

export async function startPdSim(opts: SimOptions): Promise<PdSim> {
  const profile = opts.profile ?? '4.0';
  const cluster = new Cluster(opts.cluster, { profile });
  const tickMs = opts.tickMs ?? 1000;
  // PD's 10 s; with ticks shorter than a second (tests) every 10 ticks, so that short ticks mean a fast cluster
  cluster.checkEveryTicks = Math.max(1, Math.round((opts.storeCheckMs ?? Math.min(10_000, 10 * tickMs)) / tickMs));
  const tzMinutes = opts.tzMinutes ?? 480;
  /** Made-up TiKV stores (ids from 900000000) that grow a store list past the padding fault's size. */
  const padding = (): SimStore[] => {
    const template = cluster.stores[0];
    if (!sim.faults.storesPaddingMb || !template) return [];
    const each = goJson(renderStore(cluster, template, tzMinutes)).length + 8;
    const n = Math.ceil((sim.faults.storesPaddingMb * 1024 * 1024) / each);
    return Array.from({ length: n }, (_, i) => ({ ...template, id: String(900_000_000 + i), address: `10.255.${(i >> 8) & 255}.${i & 255}:20160` }));
  };
  const ctx: PdContext = { cluster, order: shuffler(opts.seed === undefined ? Math.random : seeded(opts.seed)), tzMinutes, padding };
  const startedAt = Math.floor(Date.now() / 1000);
  let url = '';
  const routes = [
    ...storeRoutes(ctx),
    ...configRoutes(cluster),
    ...infoRoutes(ctx, { name: 'pd_pd1', memberId: '13041136284993380522', clusterId: '6911111928731201538', startTimestamp: startedAt, url: () => url }),
  ];

  const answerPd = (req: Request): Answer | 'drop' => {
    const f = sim.faults;
    if (f.follower === 'no-leader') return plainText(503, 'no leader');
    if (f.follower === 'not-leader') return plainText(500, 'redirect to not leader');
    const crafted = f.nextBodies.shift();
    if (crafted) return { status: crafted.status, headers: { 'content-type': crafted.contentType }, body: crafted.body };
    if (f.failNext && f.failNext.count > 0) {
      f.failNext.count--;
      return pdJson(f.failNext.status, f.failNext.body);
    }
    if (f.malformedNext > 0) {
      f.malformedNext--;
      return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{"count": 3, "stores": [' };
    }
    return dispatch(routes, req);
  };

  const handle = ({ req, method, url: parsed, body }: Incoming, res: http.ServerResponse) => {
    if (parsed.pathname.startsWith('/sim/')) return send(res, controls(method, parsed, body, req.socket));
    sim.requests.push({ method, path: req.url ?? '/', body, at: Date.now() });
    if (sim.faults.down) return void req.socket.destroy();
    const reply = () => {
      const a = answerPd({ method, url: parsed, body });
      if (a === 'drop') req.socket.destroy();
      else send(res, a);
    };
    if (sim.faults.delayMs > 0) server.later(sim.faults.delayMs, reply);
    else reply();
  };

  const server = await listen(handle, { port: opts.port, tls: opts.tls });
  url = server.url;
  const timer = setInterval(() => cluster.tick(), tickMs);
  timer.unref();
  const sim: PdSim = {
    url: server.url,
    port: server.port,
    profile,
    cluster,
    faults: noFaults(),
    requests: [],
    connections: server.connections,
    resetFaults: () => Object.assign(sim.faults, noFaults()),
    close: () => {
      clearInterval(timer);
      return server.close();
    },
  };
  const controls = (method: string, u: URL, body: string, socket: Socket) => simControls(sim, { method, url: u, body }, () => server.dropConnections(socket));
  return sim;
}
