// What the operator reads when an operation ends: finished, or, after Abort or Cancel, where it stopped and
// how to go on or clean up (running the same command again continues: finished steps are recognized).

import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import type { Run } from '../../core/run/engine';
import { show } from '../text';

const doneStep = (run: Run, id: string) => run.plan.steps.some((s, i) => s.id === id && run.steps[i].status === 'done');
const hasStep = (run: Run, id: string) => run.plan.steps.some((s) => s.id === id);

export function endMessage(run: Run): string {
  const operation = show(msg(`operation.${run.operation}`));
  if (run.status === 'done') return vscode.l10n.t('The {0} of {1} finished.', operation, run.target);
  const at = run.steps.findIndex((s) => s.status === 'failed' || s.status === 'cancelled' || s.status === 'running' || s.status === 'pending');
  const where = at < 0 ? '' : vscode.l10n.t('It stopped at step {0} ({1}).', at + 1, show(run.plan.steps[at].title));
  const stopped =
    run.status === 'cancelled'
      ? vscode.l10n.t('The {0} of {1} was cancelled.', operation, run.target)
      : vscode.l10n.t('The {0} of {1} was aborted.', operation, run.target);
  return `${stopped} ${where} ${howToGoOn(run)}`.replace(/\s+/g, ' ').trim();
}

function howToGoOn(run: Run): string {
  switch (run.operation) {
    case 'scale-out':
      // the l10n key stays on the line of its l10n.t call, which max-len exempts
      // prettier-ignore
      return vscode.l10n.t('To go on, run Scale Out on {0} again: what is already done is recognized (lines already in the inventories stay as they are; the playbooks can run again). To back out instead, scale {0} in once PD knows its store, or remove its lines from inventory.ini and hosts.ini while it has none.', run.target);
    case 'scale-in': {
      if (doneStep(run, 'stop'))
        return vscode.l10n.t('TiFlash on {0} is stopped: run Scale In on {0} again to finish removing it from the inventories.', run.target);
      const offline = doneStep(run, 'delete-store') || (!hasStep(run, 'delete-store') && hasStep(run, 'wait-tombstone'));
      if (offline)
        // the l10n key stays on the line of its l10n.t call, which max-len exempts
        // prettier-ignore
        return vscode.l10n.t('Its store stays Offline in PD and keeps moving its Regions away; TiFlash still runs on {0}. Run Scale In on {0} again to resume waiting, or Cancel Scale-In to bring the store back Up.', run.target);
      return vscode.l10n.t('Nothing was changed in PD. Run Scale In on {0} again when ready.', run.target);
    }
    default:
      return vscode.l10n.t('Run the command again to retry: it is planned again from what PD reports then.');
  }
}
