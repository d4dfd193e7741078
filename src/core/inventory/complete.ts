// What to offer while typing in inventory.ini: group names in a section header, host variables
// on a host line (TiFlash's six ports with their defaults first), [all:vars] keys in vars sections.

import { msg, type Msg } from '../l10n/message';
import { hostLineAt } from './describe';
import { COMPONENT_PORTS } from './instances';
import { firstAt } from './shift';
import { TIFLASH_GROUP } from './tiflash';
import type { Inventory, Section } from './types';

export interface Completion {
  label: string;
  insertText: string;
  kind: 'group' | 'variable';
  detail?: Msg;
}

/** The groups of tidb-ansible's inventory.ini, in its order. */
export const TIDB_ANSIBLE_GROUPS = [
  'tidb_servers',
  'tikv_servers',
  'pd_servers',
  'spark_master',
  'spark_slaves',
  'lightning_server',
  'importer_server',
  'monitoring_servers',
  'grafana_servers',
  'monitored_servers',
  'alertmanager_servers',
  'kafka_exporter_servers',
  'pump_servers',
  'drainer_servers',
  TIFLASH_GROUP,
];

const HOST_VARS: Record<string, Msg> = {
  ansible_host: msg('inventory.complete.ansibleHost'),
  deploy_dir: msg('inventory.complete.hostDeployDir'),
};

const TIFLASH_VARS: Record<string, Msg> = {
  data_dir: msg('inventory.complete.dataDir'),
};

const BOOLEAN = msg('inventory.complete.boolean');

export const ALL_VARS: Record<string, Msg> = {
  deploy_dir: msg('inventory.complete.deployDir'),
  ansible_user: msg('inventory.complete.ansibleUser'),
  cluster_name: msg('inventory.complete.clusterName'),
  tidb_version: msg('inventory.complete.tidbVersion'),
  process_supervision: msg('inventory.complete.supervision'),
  timezone: msg('inventory.complete.timezone'),
  enable_firewalld: BOOLEAN,
  enable_ntpd: BOOLEAN,
  set_hostname: BOOLEAN,
  enable_binlog: BOOLEAN,
  enable_tls: BOOLEAN,
  deploy_without_tidb: BOOLEAN,
  grafana_admin_user: msg('inventory.complete.grafanaUser'),
  grafana_admin_password: msg('inventory.complete.grafanaPassword'),
};

/** Whether the text before the cursor is the start of a group header: what it needs is the groups, not the current lines. */
export const inHeader = (before: string) => /^\s*\[[^\]:]*$/.test(before);

/**
 * What to offer at `line`/`character` of `inv`; `lineText` is the line as typed (in a header, `inv` only
 * lends its group names and may be a model from a moment before).
 */
export function completionsAt(inv: Inventory, line: number, character: number, lineText = inv.lines[line] ?? ''): Completion[] {
  const before = lineText.slice(0, character);
  if (inHeader(before)) {
    const groups = [...new Set([...TIDB_ANSIBLE_GROUPS, ...[...inv.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped')])];
    return groups.map((g) => ({ label: g, insertText: g, kind: 'group' }));
  }
  const section = sectionAt(inv, line);
  if (section?.kind === 'vars') {
    if (before.includes('=')) return [];
    const present = new Set(inv.groupVarLines.filter((v) => v.group === section.group).map((v) => v.entry.key));
    const keys = section.group === 'all' ? ALL_VARS : HOST_VARS;
    return Object.entries(keys)
      .filter(([k]) => !present.has(k))
      .map(([k, detail]) => ({ label: k, insertText: `${k} = `, kind: 'variable', detail }));
  }
  // a host line: only after the host name, at the start of a new key
  if (!/^\s*\S+\s+(?:\S+\s+)*[A-Za-z_]*$/.test(before)) return [];
  const group = section?.group ?? 'ungrouped';
  const onLine = new Set(hostLineAt(inv, line)?.vars.map((v) => v.key) ?? []);
  const out: Completion[] = [];
  for (const [k, port] of Object.entries(COMPONENT_PORTS[group] ?? {}))
    out.push({ label: k, insertText: `${k}=`, kind: 'variable', detail: msg('inventory.complete.port', { port }) });
  const extra = group === TIFLASH_GROUP ? { ...HOST_VARS, ...TIFLASH_VARS } : HOST_VARS;
  for (const [k, detail] of Object.entries(extra)) out.push({ label: k, insertText: `${k}=`, kind: 'variable', detail });
  return out.filter((c) => !onLine.has(c.label));
}

/** The section a line belongs to. */
function sectionAt(inv: Inventory, line: number): Section | undefined {
  const i = firstAt(inv.sections, line);
  return i > 0 ? inv.sections[i - 1] : undefined;
}
