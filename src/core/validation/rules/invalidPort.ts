// Any `*_port` variable must be an integer in 1..65535.

import type { VarEntry } from '../../inventory/types';
import { excerpt } from '../../inventory/text';
import { msg } from '../../l10n/message';
import { finding, forEachVar } from '../helpers';
import type { Finding, Rule } from '../types';

function check(entry: VarEntry): Finding | undefined {
  if (!entry.key.endsWith('_port')) return undefined;
  const v = entry.value;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535) return undefined;
  return finding('inventory', 'invalid-port', 'error', entry.valueSpan, msg('validation.invalidPort', { key: entry.key, raw: excerpt(entry.raw) }));
}

export const invalidPort: Rule = {
  check(ctx) {
    const out: Finding[] = [];
    forEachVar(ctx.inventory, (entry) => {
      const f = check(entry);
      if (f) out.push(f);
    });
    return out;
  },
};
