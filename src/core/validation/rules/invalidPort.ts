// Any `*_port` variable must be an integer in 1..65535.

import type { VarEntry } from '../../inventory/types';
import { finding, forEachVar } from '../helpers';
import type { Finding, Rule } from '../types';

function check(entry: VarEntry): Finding | undefined {
  if (!entry.key.endsWith('_port')) return undefined;
  const v = entry.value;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535) return undefined;
  return finding('inventory', 'invalid-port', 'error', entry.valueSpan, `${entry.key} must be an integer from 1 to 65535, got '${entry.raw}'`);
}

export const invalidPort: Rule = {
  id: 'invalid-port',
  check(ctx) {
    const out: Finding[] = [];
    forEachVar(ctx.inventory, (entry) => {
      const f = check(entry);
      if (f) out.push(f);
    });
    return out;
  },
};
