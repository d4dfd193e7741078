// A PD module of the run's own for a step's writes: every request and answer goes to the journal and the log.

import type { PdApi } from '../../core/pd/api';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import type { RunJournal } from './runJournal';
import { show } from '../text';

export function runApi(ctx: Ctx, cluster: Cluster, journal: RunJournal, index: number): PdApi | undefined {
  return ctx.stores.apiForRun(cluster, (request, o) => {
    void journal.write({ kind: 'pd', step: index, request, ...('reason' in o ? { error: o.reason } : { status: o.status, answer: o.text }) });
    ctx.log.info(`PD ${request.method} ${request.path} -> ${'reason' in o ? show(o.reason) : o.status}`);
  });
}
