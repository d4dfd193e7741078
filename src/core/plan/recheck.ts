// A step is checked again as it starts: after a long wait the inventory may have changed. When the step would
// now run something other than what the operator previewed, the run stops and shows the difference first.

import { tiflashHosts } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, type Msg } from '../l10n/message';
import { commandLine } from './shell';
import { editsFor } from './files';
import type { PlaybookOptions } from './playbooks';
import { stopStep } from './scaleIn';
import type { Step } from './types';

export interface Now extends PlaybookOptions {
  inventory: Inventory;
  hosts?: Inventory;
  inventoryText: string;
  hostsText?: string;
}

export type Recheck = { same: true } | { same: false; why: Msg };

export function recheckStep(step: Step, now: Now): Recheck {
  switch (step.kind) {
    case 'playbook': {
      if (step.id === 'stop') {
        const me = tiflashHosts(now.inventory).find((h) => h.name === step.limit);
        if (!me) return { same: false, why: msg('recheck.hostGone', { host: step.limit ?? '?' }) };
        const r = stopStep(now, me);
        if ('blocked' in r) return { same: false, why: r.blocked[0].message };
        const was = commandLine(step.argv);
        const is = commandLine(r.step.argv);
        return was === is ? { same: true } : { same: false, why: msg('recheck.commandChanged', { was, is }) };
      }
      if (step.limit !== undefined) {
        const inv = step.inventory === 'hosts' ? now.hosts : now.inventory;
        if (!inv?.hosts.has(step.limit)) return { same: false, why: msg('recheck.hostGone', { host: step.limit }) };
      }
      return { same: true };
    }
    case 'edit': {
      const text = step.file === 'hosts' ? now.hostsText : now.inventoryText;
      if (text === undefined) return { same: false, why: msg('recheck.fileGone', { file: step.file === 'hosts' ? 'hosts.ini' : 'inventory.ini' }) };
      const r = editsFor(text, step.ops);
      return r.ok ? { same: true } : { same: false, why: r.message };
    }
    case 'pd':
    case 'wait':
    case 'info':
      return { same: true };
  }
}
