// TiFlash needs TiDB v3.1 or later; on v3.1 PD's placement rules must be switched on by hand.

import { pyFloatRepr } from '../../inventory/pyJson';
import { asText } from '../../inventory/values';
import { msg } from '../../l10n/message';
import { finding, groupSpan } from '../helpers';
import type { Rule } from '../types';

export const tiflashVersion: Rule = {
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv || !ctx.tiflash.length) return [];
    const value = inv.groups.get('all')?.vars.tidb_version;
    // an unquoted 3.0 is a float: the model keeps 3, which still reads as major.minor
    const version = typeof value === 'number' ? pyFloatRepr(value) : (asText(value) ?? '');
    const m = /^v?(\d+)\.(\d+)/.exec(version);
    if (!m) return [];
    const [major, minor] = [Number(m[1]), Number(m[2])];
    const span = groupSpan(inv, 'tiflash_servers');
    if (major < 3 || (major === 3 && minor < 1)) {
      return [finding('inventory', 'tiflash-version', 'error', span, msg('validation.tiflashVersion', { version }))];
    }
    if (major === 3) {
      return [finding('inventory', 'placement-rules', 'info', span, msg('validation.placementRules'))];
    }
    return [];
  },
};
