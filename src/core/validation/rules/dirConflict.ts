// Two instances of one component on one address sharing deploy_dir, or two TiFlash instances sharing a data_dir.

import { DIR_COMPONENTS } from '../../inventory/instances';
import { finding } from '../helpers';
import type { Finding, Rule, RuleContext } from '../types';

function conflicts(ctx: RuleContext, rule: string, dirsOf: (i: RuleContext['instances'][number]) => string[], label: string): Finding[] {
  const out: Finding[] = [];
  const owner = new Map<string, string>();
  for (const inst of ctx.instances.filter((i) => DIR_COMPONENTS.includes(i.component))) {
    for (const dir of dirsOf(inst)) {
      const key = `${inst.component}\u0000${inst.address}\u0000${dir.replace(/\/+$/, '')}`;
      const prev = owner.get(key);
      if (prev === undefined) {
        owner.set(key, inst.host);
        continue;
      }
      if (inst.line) out.push(finding('inventory', rule, 'error', inst.line, `${label} ${dir} of ${inst.host} on ${inst.address} is also used by ${prev}: give each instance its own`));
    }
  }
  return out;
}

export const deployDirConflict: Rule = {
  id: 'deploy-dir-conflict',
  check: (ctx) => conflicts(ctx, 'deploy-dir-conflict', (i) => (i.deployDir ? [i.deployDir] : []), 'deploy_dir'),
};

export const dataDirConflict: Rule = {
  id: 'data-dir-conflict',
  check: (ctx) => conflicts(ctx, 'data-dir-conflict', (i) => i.dataDirs, 'data_dir'),
};
