// All validation rules, run over one inventory.ini and (optionally) its hosts.ini.

import { instances } from '../inventory/instances';
import { tiflashHosts } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msgKey } from '../l10n/message';
import { ansibleUserRoot, timezoneMissing } from './rules/allVarsRules';
import { dataDirConflict, deployDirConflict } from './rules/dirConflict';
import { duplicateHost } from './rules/duplicateHost';
import { invalidPort } from './rules/invalidPort';
import { missingInHostsIni, notMonitored } from './rules/membership';
import { portConflict } from './rules/portConflict';
import { requiredGroupEmpty } from './rules/requiredGroupEmpty';
import { syntax } from './rules/syntax';
import { tiflashHostNotIp } from './rules/tiflashHostNotIp';
import { tiflashVersion } from './rules/tiflashVersion';
import type { Finding, Rule } from './types';

export const RULES: Rule[] = [
  syntax,
  tiflashHostNotIp,
  duplicateHost,
  portConflict,
  deployDirConflict,
  dataDirConflict,
  invalidPort,
  requiredGroupEmpty,
  ansibleUserRoot,
  timezoneMissing,
  missingInHostsIni,
  notMonitored,
  tiflashVersion,
];

export function validate(inventory: Inventory | undefined, hosts?: Inventory, resolvedNames?: ReadonlyMap<string, string>): Finding[] {
  const ctx = {
    inventory,
    hosts,
    resolvedNames,
    tiflash: inventory ? tiflashHosts(inventory) : [],
    instances: inventory ? instances(inventory) : [],
  };
  const out = RULES.flatMap((r) => r.check(ctx));
  // a total order: the same findings come out in the same order however they were computed (and in any language)
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((a, b) => text(a.file, b.file) || a.line - b.line || a.start - b.start || text(a.rule, b.rule) || text(msgKey(a.message), msgKey(b.message)));
}
