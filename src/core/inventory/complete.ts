// What to offer while typing in inventory.ini: group names in a section header, host variables
// on a host line (TiFlash's six ports with their defaults first), [all:vars] keys in vars sections.

import { COMPONENT_PORTS } from './instances';
import { TIFLASH_GROUP } from './tiflash';
import type { Inventory } from './types';

export interface Completion {
  label: string;
  insertText: string;
  kind: 'group' | 'variable';
  detail?: string;
}

/** The groups of tidb-ansible's inventory.ini, in its order. */
export const TIDB_ANSIBLE_GROUPS = [
  'tidb_servers', 'tikv_servers', 'pd_servers', 'spark_master', 'spark_slaves', 'lightning_server', 'importer_server',
  'monitoring_servers', 'grafana_servers', 'monitored_servers', 'alertmanager_servers', 'kafka_exporter_servers',
  'pump_servers', 'drainer_servers', TIFLASH_GROUP,
];

const HOST_VARS: Record<string, string> = {
  ansible_host: 'the IP Ansible connects to (an alias keeps its name for -l)',
  deploy_dir: 'where bin, conf, scripts and logs go',
};

const TIFLASH_VARS: Record<string, string> = {
  data_dir: 'comma list of data directories (default <deploy_dir>/tiflash/data/db)',
};

export const ALL_VARS: Record<string, string> = {
  deploy_dir: 'default deploy directory', ansible_user: 'the deploy user (never root)', cluster_name: 'cluster name',
  tidb_version: 'for example v4.0.9', process_supervision: 'systemd or supervise', timezone: 'for example Asia/Shanghai',
  enable_firewalld: 'True or False', enable_ntpd: 'True or False', set_hostname: 'True or False', enable_binlog: 'True or False',
  enable_tls: 'True or False', deploy_without_tidb: 'True or False', grafana_admin_user: 'Grafana admin user', grafana_admin_password: 'Grafana admin password',
};

function sectionAt(inv: Inventory, line: number) {
  let found;
  for (const s of inv.sections) if (s.line < line) found = s;
  return found;
}

export function completionsAt(inv: Inventory, line: number, character: number): Completion[] {
  const before = (inv.lines[line] ?? '').slice(0, character);
  if (/^\s*\[[^\]:]*$/.test(before)) {
    const groups = [...new Set([...TIDB_ANSIBLE_GROUPS, ...[...inv.groups.keys()].filter((g) => g !== 'all' && g !== 'ungrouped')])];
    return groups.map((g) => ({ label: g, insertText: g, kind: 'group' }));
  }
  const section = sectionAt(inv, line);
  if (section?.kind === 'vars') {
    if (before.includes('=')) return [];
    const present = new Set(inv.groupVarLines.filter((v) => v.group === section.group).map((v) => v.entry.key));
    const keys = section.group === 'all' ? ALL_VARS : HOST_VARS;
    return Object.entries(keys).filter(([k]) => !present.has(k)).map(([k, detail]) => ({ label: k, insertText: `${k} = `, kind: 'variable', detail }));
  }
  // a host line: only after the host name, at the start of a new key
  if (!/^\s*\S+\s+(?:\S+\s+)*[A-Za-z_]*$/.test(before)) return [];
  const group = section?.group ?? 'ungrouped';
  const onLine = new Set(inv.hostLines.find((h) => h.line === line)?.vars.map((v) => v.key) ?? []);
  const out: Completion[] = [];
  for (const [k, port] of Object.entries(COMPONENT_PORTS[group] ?? {})) out.push({ label: k, insertText: `${k}=`, kind: 'variable', detail: `port, default ${port}` });
  const extra = group === TIFLASH_GROUP ? { ...HOST_VARS, ...TIFLASH_VARS } : HOST_VARS;
  for (const [k, detail] of Object.entries(extra)) out.push({ label: k, insertText: `${k}=`, kind: 'variable', detail });
  return out.filter((c) => !onLine.has(c.label));
}
