// All validation rules, run over one inventory.ini and (optionally) its hosts.ini.

import { instances } from '../inventory/instances';
import { tiflashHosts } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
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
  syntax, tiflashHostNotIp, duplicateHost, portConflict, deployDirConflict, dataDirConflict, invalidPort,
  requiredGroupEmpty, ansibleUserRoot, timezoneMissing, missingInHostsIni, notMonitored, tiflashVersion,
];

export function validate(inventory: Inventory | undefined, hosts?: Inventory, resolvedNames?: ReadonlyMap<string, string>): Finding[] {
  const ctx = {
    inventory, hosts, resolvedNames,
    tiflash: inventory ? tiflashHosts(inventory) : [],
    instances: inventory ? instances(inventory) : [],
  };
  const out = RULES.flatMap((r) => r.check(ctx));
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line || a.start - b.start : a.file < b.file ? -1 : 1));
}
