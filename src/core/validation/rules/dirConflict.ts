// Two instances of one component on one address sharing deploy_dir, or two TiFlash instances sharing a data_dir.

import { DIR_COMPONENTS, type Instance } from '../../inventory/instances';
import { msg } from '../../l10n/message';
import { finding, perAddress, type AddressMemo } from '../helpers';
import type { Finding, Rule, RuleContext } from '../types';

type DirMessage = 'validation.deployDirConflict' | 'validation.dataDirConflict';

function conflicts(list: readonly Instance[], rule: string, dirsOf: (i: Instance) => string[], message: DirMessage): Finding[] {
  const out: Finding[] = [];
  const taken: { component: string; dir: string; host: string }[] = [];
  for (const inst of list) {
    if (!DIR_COMPONENTS.includes(inst.component)) continue;
    for (const dir of dirsOf(inst)) {
      const norm = dir.replace(/\/+$/, '');
      const prev = taken.find((t) => t.component === inst.component && t.dir === norm);
      if (!prev) {
        taken.push({ component: inst.component, dir: norm, host: inst.host });
        continue;
      }
      if (inst.line) out.push(finding('inventory', rule, 'error', inst.line, msg(message, { dir, host: inst.host, address: inst.address, other: prev.host })));
    }
  }
  return out;
}

function dirRule(rule: string, dirsOf: (i: Instance) => string[], message: DirMessage): Rule {
  const memo: AddressMemo = new WeakMap();
  const check = (list: readonly Instance[]) => {
    // most addresses hold one directory of this kind: nothing to compare
    let dirs = 0;
    for (const i of list) if (DIR_COMPONENTS.includes(i.component)) dirs += dirsOf(i).length;
    return dirs > 1 ? conflicts(list, rule, dirsOf, message) : undefined;
  };
  return { check: (ctx: RuleContext) => perAddress(ctx, memo, check) };
}

export const deployDirConflict = dirRule('deploy-dir-conflict', (i) => (i.deployDir ? [i.deployDir] : []), 'validation.deployDirConflict');

export const dataDirConflict = dirRule('data-dir-conflict', (i) => i.dataDirs, 'validation.dataDirConflict');
