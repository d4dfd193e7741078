// `tiflash-ansible stores` and `plan`: the same PD client, matching and plans as the extension.

import { tiflashHosts } from '../core/inventory/tiflash';
import { PdClient } from '../core/pd/client';
import { matchStores, stateLabel } from '../core/pd/match';
import { planScaleIn } from '../core/plan/scaleIn';
import { planScaleOut } from '../core/plan/scaleOut';
import type { Plan } from '../core/plan/types';
import { msg } from '../core/l10n/message';
import { CliError, format, printJson, readInventory } from './io';

export interface PdOptions {
  inventory?: string;
  hosts?: string;
  pd?: string;
  format?: string;
}

async function withClient<T>(pd: string | undefined, fn: (c: PdClient) => Promise<T>): Promise<T> {
  if (!pd) throw new CliError(msg('cli.missingPd'));
  const client = new PdClient({ endpoints: pd.split(',') });
  try {
    return await fn(client);
  } finally {
    client.dispose();
  }
}

export async function stores(opts: PdOptions): Promise<number> {
  const fmt = format(opts.format);
  const { inv } = readInventory(opts.inventory);
  const r = await withClient(opts.pd, (c) => c.stores());
  if (!r.ok) throw new CliError(msg('cli.pdFailed', { detail: r.error.message }));
  const rows = matchStores(tiflashHosts(inv), r.value).map((s) => ({
    host: s.host?.name ?? null,
    address: s.host?.address ?? s.store!.address,
    storeId: s.store?.id ?? null,
    stateName: s.store ? stateLabel(s) : null,
    regionCount: s.store?.regionCount ?? null,
  }));
  if (fmt === 'json') printJson(rows);
  else for (const x of rows) process.stdout.write(`${x.host ?? '-'}\t${x.address}\t${x.storeId ?? '-'}\t${x.stateName ?? 'not in PD'}\t${x.regionCount ?? ''}\n`);
  return 0;
}

function printPlan(plan: Plan, fmt: 'text' | 'json'): number {
  if (plan.blocked.length) {
    if (fmt === 'json') printJson({ blocked: plan.blocked });
    else for (const b of plan.blocked) process.stdout.write(`blocked [${b.check}] ${b.message}\n`);
    return 1;
  }
  if (fmt === 'json') {
    printJson({ steps: plan.steps.map((s) => ({ kind: s.kind, title: s.title, ...(s.argv ? { argv: s.argv } : {}), ...(s.storeId !== undefined ? { storeId: s.storeId } : {}) })), warnings: plan.warnings });
  } else {
    for (const w of plan.warnings) process.stdout.write(`warning: ${w}\n`);
    plan.steps.forEach((s, i) => process.stdout.write(`${i + 1}. [${s.kind}] ${s.title}${s.argv ? `\n     ${s.argv.join(' ')}` : ''}\n`));
  }
  return 0;
}

export async function plan(kind: string | undefined, host: string | undefined, opts: PdOptions): Promise<number> {
  const fmt = format(opts.format);
  if (!host) throw new CliError(msg('cli.missingHost'));
  const { inv } = readInventory(opts.inventory);
  const hosts = opts.hosts ? readInventory(opts.hosts, 'hosts').inv : undefined;
  if (kind === 'scale-out') {
    const st = opts.pd ? await withClient(opts.pd, (c) => c.stores()) : undefined;
    if (st && !st.ok) throw new CliError(msg('cli.pdFailed', { detail: st.error.message }));
    return printPlan(planScaleOut({ inventory: inv, hosts, host, stores: st?.value }), fmt);
  }
  if (kind === 'scale-in') {
    const [st, rules] = await withClient(opts.pd, (c) => Promise.all([c.stores(), c.tiflashRules()]));
    if (!st.ok) throw new CliError(msg('cli.pdFailed', { detail: st.error.message }));
    if (!rules.ok) throw new CliError(msg('cli.pdFailed', { detail: rules.error.message }));
    return printPlan(planScaleIn({ inventory: inv, hosts, host, stores: st.value, rules: rules.value }), fmt);
  }
  throw new CliError(msg('cli.unknownPlan', { kind: kind ?? '' }));
}
