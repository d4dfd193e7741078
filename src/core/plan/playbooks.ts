// The playbook steps, as the TiDB-Ansible docs give them, each with its inventory named explicitly (`-i`) so
// neither ansible.cfg nor the environment can point a run at another file. Every argument passes `buildArgv`.

import { msg, type Msg } from '../l10n/message';
import { buildArgv, type ArgPart } from './args';
import type { Blocked, FileRole, PlaybookStep } from './types';

export interface PlaybookOptions {
  /** `tiflash.ansiblePlaybookPath` (default ansible-playbook). */
  playbook?: string;
  /** `tiflash.playbookExtraArgs`, appended to every playbook. */
  extraArgs?: readonly string[];
}

export interface PlaybookSpec {
  id: string;
  title: Msg;
  inventory: FileRole;
  playbook: string;
  /** The one inventory host the step acts on (`-l`), and the line it is defined on (named in a refusal). */
  limit?: { host: string; where: Msg };
  user?: { name: string; where: Msg };
  become?: boolean;
  tags?: string[];
  /** `--tags=x` (as the docs write rolling_update_monitor) rather than `-t x`. */
  tagsStyle?: 'long';
  asksPassword?: boolean;
  expectHosts: string[];
  skippable?: boolean;
}

export const INVENTORY_FILES: Record<FileRole, string> = { inventory: 'inventory.ini', hosts: 'hosts.ini' };

/** A playbook step, or why its arguments are refused. */
export function playbookStep(opts: PlaybookOptions, spec: PlaybookSpec): { step: PlaybookStep } | { blocked: Blocked[] } {
  const settings = msg('args.where.setting');
  const parts: ArgPart[] = [
    { role: 'command', value: opts.playbook ?? 'ansible-playbook', where: msg('args.where.playbookPath') },
    { role: 'flag', value: '-i' },
    { role: 'inventory-file', value: INVENTORY_FILES[spec.inventory] },
    { role: 'playbook-file', value: spec.playbook },
  ];
  if (spec.limit) parts.push({ role: 'flag', value: '-l' }, { role: 'limit', value: spec.limit.host, where: spec.limit.where });
  for (const tag of spec.tags ?? []) {
    if (spec.tagsStyle === 'long') parts.push({ role: 'flag', value: `--tags=${tag}` });
    else parts.push({ role: 'flag', value: '-t' }, { role: 'tag', value: tag });
  }
  if (spec.user) parts.push({ role: 'flag', value: '-u' }, { role: 'user', value: spec.user.name, where: spec.user.where });
  if (spec.asksPassword) parts.push({ role: 'flag', value: '-k' });
  if (spec.become) parts.push({ role: 'flag', value: '-b' });
  for (const extra of opts.extraArgs ?? []) parts.push({ role: 'extra', value: extra, where: settings });
  const built = buildArgv(parts);
  if (!built.ok) return { blocked: built.problems.map((message) => ({ check: 'argument', message })) };
  return {
    step: {
      kind: 'playbook',
      id: spec.id,
      title: spec.title,
      argv: built.argv,
      inventory: spec.inventory,
      playbook: spec.playbook,
      ...(spec.limit ? { limit: spec.limit.host } : {}),
      expectHosts: spec.expectHosts,
      ...(spec.asksPassword ? { asksPassword: true } : {}),
      ...(spec.skippable ? { skippable: true } : {}),
    },
  };
}

/** `rolling_update_monitor.yml --tags=prometheus`: Prometheus scrapes what the inventory now lists. */
export function refreshPrometheusSpec(monitoringHosts: readonly string[]): PlaybookSpec {
  return {
    id: 'refresh-prometheus',
    title: msg('plan.step.refreshPrometheus'),
    inventory: 'inventory',
    playbook: 'rolling_update_monitor.yml',
    tags: ['prometheus'],
    tagsStyle: 'long',
    expectHosts: monitoringHosts.slice(0, 1),
    skippable: true,
  };
}
