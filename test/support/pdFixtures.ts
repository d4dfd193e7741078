// The shared PD responses, the simulator's cluster files, and a simulator per test.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import type { Profile } from '../../tools/pd-sim/profile';
import { type PdSim, type SimOptions, startPdSim } from '../../tools/pd-sim/server';
import { pdFixtures, repoRoot } from './paths';

export const readPdFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(pdFixtures, name), 'utf8'));

/** A cluster file from tools/pd-sim/clusters (a fresh copy each time). */
export function clusterFile(name: 'demo' | 'demo-3.1' | 'no-placement-rules'): ClusterFile {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'tools', 'pd-sim', 'clusters', `${name}.json`), 'utf8')) as ClusterFile;
}

/** The 4.0 demo cluster. */
export const demoCluster = (): ClusterFile => clusterFile('demo');

/** The demo cluster of a profile. */
export const demoClusterOf = (profile: Profile): ClusterFile => clusterFile(profile === '3.1' ? 'demo-3.1' : 'demo');

/** A simulator only this test uses, closed afterwards; time moves only when the test ticks it. */
export async function withPdSim<T>(opts: Partial<SimOptions> & { cluster: ClusterFile }, fn: (sim: PdSim) => Promise<T>): Promise<T> {
  const sim = await startPdSim({ tickMs: 3_600_000, ...opts });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed (numbers beyond 2^53 lose digits: compare those on `text`). */
  json: () => unknown;
}

/** One request to the simulator, without keep-alive reuse across tests. */
export async function call(sim: { url: string }, method: string, pathAndQuery: string, body?: unknown): Promise<Reply> {
  const res = await fetch(sim.url + pathAndQuery, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: (): unknown => JSON.parse(text) };
}
