// Two instances on one address (any component, TiFlash's six ports included) sharing a port.

import type { Instance } from '../../inventory/instances';
import { msg } from '../../l10n/message';
import { finding, perAddress, setHostVar, type AddressMemo } from '../helpers';
import type { Finding, Rule } from '../types';

/** Whether two ports on the address are the same: the common answer (no) without allocating anything. */
function anyShared(list: readonly Instance[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const ports = list[i].ports;
    for (let k = 0; k < ports.length; k++) {
      const value = ports[k].value;
      for (let m = k + 1; m < ports.length; m++) if (ports[m].value === value) return true;
      for (let j = i + 1; j < list.length; j++) {
        const other = list[j].ports;
        for (let m = 0; m < other.length; m++) if (other[m].value === value) return true;
      }
    }
  }
  return false;
}

function conflicts(list: readonly Instance[]): Finding[] {
  const out: Finding[] = [];
  // an address holds a handful of ports: a list is cheaper than a map here
  const taken: { value: number; inst: Instance; name: string }[] = [];
  const offered: number[] = [];
  for (const inst of list) {
    for (const p of inst.ports) {
      const prev = taken.find((t) => t.value === p.value);
      if (!prev) {
        taken.push({ value: p.value, inst, name: p.name });
        continue;
      }
      if (!inst.line) continue;
      // free = not used on this address and not already offered to an earlier conflict
      const used = new Set([...list.flatMap((i) => i.ports.map((x) => x.value)), ...offered]);
      let free = p.value + 1;
      while (used.has(free)) free++;
      offered.push(free);
      const span = inst.line.vars.find((v) => v.key === p.name)?.valueSpan ?? inst.line;
      const message = msg('validation.portConflict', {
        port: p.value,
        key: p.name,
        component: inst.component,
        host: inst.host,
        address: inst.address,
        otherComponent: prev.inst.component,
        otherHost: prev.inst.host,
        otherKey: prev.name,
      });
      const title = msg('validation.fix.nextFreePort', { key: p.name, port: free, address: inst.address });
      // past 65535 there is no port to offer: the conflict stands without a fix
      const fixes = free <= 65535 ? [{ title, edits: [{ file: 'inventory' as const, edit: setHostVar(inst.line, p.name, String(free)) }] }] : undefined;
      out.push(finding('inventory', 'port-conflict', 'error', span, message, fixes));
    }
  }
  return out;
}

const memo: AddressMemo = new WeakMap();

export const portConflict: Rule = {
  check: (ctx) => (ctx.inventory ? perAddress(ctx, memo, (list) => (anyShared(list) ? conflicts(list) : undefined)) : []),
};
