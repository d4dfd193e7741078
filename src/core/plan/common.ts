// Pieces several plans share: where a line is (for messages), Grafana, PD facts a plan cannot do without.

import { addressOf, resolveHostVars } from '../inventory/resolve';
import type { Inventory } from '../inventory/types';
import { intOr } from '../inventory/values';
import { msg, type Msg } from '../l10n/message';
import type { PdFacts } from './facts';
import type { Blocked, InfoStep } from './types';

/** "inventory.ini line 58" */
export const lineOf = (file: 'inventory.ini' | 'hosts.ini', line: number | undefined): Msg =>
  line === undefined ? msg('plan.where.file', { file }) : msg('plan.where.line', { file, line: line + 1 });

export function grafanaUrl(inv: Inventory): string | undefined {
  const host = inv.groups.get('grafana_servers')?.hosts[0];
  if (!host) return undefined;
  const address = addressOf(inv, host);
  return `http://${address.includes(':') ? `[${address}]` : address}:${intOr(resolveHostVars(inv, host).grafana_port, 3000)}`;
}

export function grafanaStep(inv: Inventory, what: Msg): InfoStep {
  const url = grafanaUrl(inv);
  return url
    ? { kind: 'info', id: 'grafana', title: msg('plan.step.grafana', { what }), url }
    : { kind: 'info', id: 'grafana', title: msg('plan.step.grafana', { what }), detail: msg('plan.step.grafanaMissing') };
}

/** PD's answer was missing or not one a decision can rest on: the plan stops and quotes why. */
export function pdUnknown(why: Msg | undefined): Blocked {
  return { check: 'pd-unknown', message: why ? msg('plan.blocked.pdUnknownWhy', { why }) : msg('plan.blocked.pdUnknown') };
}

/** Without PD's complete store list a plan cannot tell what it would act on: it stops. */
export function needStores(pd: PdFacts): Blocked | undefined {
  return pd.stores.ok ? undefined : pdUnknown(pd.stores.error.message);
}

export function monitoringHosts(inv: Inventory): string[] {
  return inv.groups.get('monitoring_servers')?.hosts ?? [];
}
