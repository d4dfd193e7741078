// Pieces both plans use: the playbook argv, the Prometheus refresh and Grafana.

import { addressOf, resolveHostVars } from '../inventory/resolve';
import { intOr } from '../inventory/values';
import type { Inventory } from '../inventory/types';
import type { Step } from './types';

export interface PlaybookOptions {
  /** `tiflash.ansiblePlaybookPath` (default ansible-playbook). */
  playbook?: string;
  /** `tiflash.playbookExtraArgs`, appended to every playbook. */
  extraArgs?: string[];
}

export function playbook(opts: PlaybookOptions, title: string, args: string[]): Step {
  return { kind: 'playbook', title, argv: [opts.playbook ?? 'ansible-playbook', ...args, ...(opts.extraArgs ?? [])] };
}

export function refreshPrometheus(opts: PlaybookOptions): Step {
  return playbook(opts, 'Refresh Prometheus targets', ['rolling_update_monitor.yml', '--tags=prometheus']);
}

export function grafanaUrl(inv: Inventory): string | undefined {
  const host = inv.groups.get('grafana_servers')?.hosts[0];
  if (!host) return undefined;
  return `http://${addressOf(inv, host)}:${intOr(resolveHostVars(inv, host).grafana_port, 3000)}`;
}

export function openGrafana(inv: Inventory, what: string): Step {
  const url = grafanaUrl(inv);
  return url ? { kind: 'open', title: `Watch ${what} in Grafana`, url } : { kind: 'manual', title: `Watch ${what} in Grafana`, detail: 'No [grafana_servers] host in inventory.ini.' };
}
