// `npm run pd-sim -- [--pd-version 3.1|4.0] [--port 2379] [--cluster FILE] [--tick-ms 1000]
//   [--store-check-ms 10000] [--seed N] [--tidb-port 10080]`: the PD simulator on 127.0.0.1, and with
// --tidb-port the TiDB status-port stand-in for the cluster file's tables.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { ClusterFile } from './cluster';
import { isProfile } from './profile';
import { startPdSim } from './server';
import { startTidbSim } from './tidb';

const clusters = path.resolve(__dirname, '../../../tools/pd-sim/clusters');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'pd-version': { type: 'string', default: '4.0' },
      port: { type: 'string', default: '2379' },
      cluster: { type: 'string' },
      'tick-ms': { type: 'string', default: '1000' },
      'store-check-ms': { type: 'string', default: '10000' },
      seed: { type: 'string' },
      'tidb-port': { type: 'string' },
    },
  });
  const profile = values['pd-version'];
  if (!isProfile(profile)) throw new Error(`--pd-version must be 3.1 or 4.0, not ${profile}`);
  const file = values.cluster ?? path.join(clusters, profile === '3.1' ? 'demo-3.1.json' : 'demo.json');
  const cluster = JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterFile;
  const number = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${text}`);
    return n;
  };
  const sim = await startPdSim({
    cluster,
    profile,
    port: number('port', values.port),
    tickMs: number('tick-ms', values['tick-ms']),
    storeCheckMs: number('store-check-ms', values['store-check-ms']),
    seed: values.seed === undefined ? undefined : number('seed', values.seed),
  });
  process.stdout.write(`PD ${profile} simulator (v${sim.cluster.version}) listening on ${sim.url} (cluster ${file})\n`);
  const tidb =
    values['tidb-port'] === undefined ? undefined : await startTidbSim({ profile, tables: sim.cluster.tables, port: number('tidb-port', values['tidb-port']) });
  if (tidb) process.stdout.write(`TiDB status port stand-in listening on ${tidb.url}\n`);
  const stop = () => void Promise.all([sim.close(), tidb?.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`pd-sim: ${(e as Error).message}\n`);
  process.exit(1);
});
