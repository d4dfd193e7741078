// `npm run pd-sim [-- --port 2379 --cluster FILE --tick-ms 1000]`: the PD simulator on 127.0.0.1.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startPdSim } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '2379' },
    cluster: { type: 'string', default: path.resolve(__dirname, '../../../tools/pd-sim/clusters/demo.json') },
    'tick-ms': { type: 'string', default: '1000' },
  },
});

startPdSim({ cluster: JSON.parse(fs.readFileSync(values.cluster, 'utf8')), port: Number(values.port), tickMs: Number(values['tick-ms']) }).then(
  (sim) => {
    process.stdout.write(`PD simulator listening on ${sim.url} (cluster ${values.cluster})\n`);
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (e) => {
    process.stderr.write(`pd-sim: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
