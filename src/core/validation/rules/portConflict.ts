// Two instances on one address (any component, TiFlash's six ports included) sharing a port.

import { finding, setHostVar } from '../helpers';
import type { Finding, Rule } from '../types';

export const portConflict: Rule = {
  id: 'port-conflict',
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return [];
    const out: Finding[] = [];
    const byAddress = new Map<string, typeof ctx.instances>();
    for (const i of ctx.instances) byAddress.set(i.address, [...(byAddress.get(i.address) ?? []), i]);
    for (const list of byAddress.values()) {
      const used = new Set(list.flatMap((i) => i.ports.map((p) => p.value)));
      const owner = new Map<number, string>();
      for (const inst of list) {
        for (const p of inst.ports) {
          const prev = owner.get(p.value);
          const me = `${inst.component} ${inst.host} (${p.name})`;
          if (prev === undefined) {
            owner.set(p.value, me);
            continue;
          }
          if (!inst.line) continue;
          let free = p.value + 1;
          while (used.has(free) && free < 65535) free++;
          used.add(free);
          const span = inst.line.vars.find((v) => v.key === p.name)?.valueSpan ?? inst.line;
          out.push(finding('inventory', 'port-conflict', 'error', span,
            `Port ${p.value} of ${me} on ${inst.address} is already used by ${prev}`,
            [{ title: `Set ${p.name}=${free} (the next free port on ${inst.address})`, edits: [{ file: 'inventory', edit: setHostVar(inst.line, p.name, String(free)) }] }]));
        }
      }
    }
    return out;
  },
};
