// The shared PD responses and a simulator cluster built from them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { pdFixtures, repoRoot } from './paths';

export const readPdFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(pdFixtures, name), 'utf8'));

/** The shared stores.json (3 TiKV, TiFlash 53 Up, TiFlash 54 Offline) with the shared placement rule. */
export function fixtureCluster(overrides: Partial<ClusterFile> = {}): ClusterFile {
  const stores = readPdFixture('stores.json') as ClusterFile;
  return { stores: stores.stores, rules: readPdFixture('rules-group-tiflash.json') as ClusterFile['rules'], ...overrides };
}

export function demoCluster(): ClusterFile {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'tools', 'pd-sim', 'clusters', 'demo.json'), 'utf8'));
}
