// The shared PD responses and a simulator cluster built from them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { pdFixtures, repoRoot } from './paths';

export const readPdFixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(pdFixtures, name), 'utf8'));

export function demoCluster(): ClusterFile {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'tools', 'pd-sim', 'clusters', 'demo.json'), 'utf8'));
}
