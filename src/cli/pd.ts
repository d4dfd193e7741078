// `tiflash-ansible stores` and `plan`: the same PD module, matching and plans as the extension.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tiflashHosts } from '../core/inventory/tiflash';
import type { Inventory } from '../core/inventory/types';
import { langFromEnv, msg, render, type Msg } from '../core/l10n/message';
import { PdApi } from '../core/pd/api';
import { tidbAnsibleTlsFiles, tlsEnabled } from '../core/pd/endpoints';
import type { PdError, TlsPem } from '../core/pd/http';
import { matchStores, stateLabel, stateMsg, storeAddress, type HostState } from '../core/pd/match';
import { planScaleIn } from '../core/plan/scaleIn';
import { planScaleOut } from '../core/plan/scaleOut';
import type { Plan } from '../core/plan/types';
import { CliError, format, printJson, readInventory } from './io';

export interface PdOptions {
  inventory?: string;
  hosts?: string;
  pd?: string;
  format?: string;
  cacert?: string;
  cert?: string;
  key?: string;
}

const lang = () => langFromEnv(undefined, process.env) ?? 'en';
const text = (m: Msg) => render(m, lang());
const pdFailed = (e: PdError) => new CliError(text(e.message));

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * `--cacert/--cert/--key`, else on a TLS cluster (`enable_tls = True`) the files tidb-ansible generated
 * beside the inventory (`conf/ssl/ca.pem`, `client.pem`, `client-key.pem`); none on a plain one.
 */
export function tlsOptions(opts: PdOptions, inv: Inventory, inventoryPath: string): TlsPem | undefined {
  if (!opts.cacert && (opts.cert || opts.key)) throw new CliError('--cert and --key need --cacert (the CA that signed PD\'s certificate)');
  if (!opts.cert !== !opts.key) throw new CliError('--cert and --key go together');
  if (opts.cacert) return { ca: readPem(opts.cacert, 'CA certificate'), ...(opts.cert && opts.key ? { cert: readPem(opts.cert, 'client certificate'), key: readPem(opts.key, 'client key') } : {}) };
  if (!tlsEnabled(inv)) return undefined;
  const files = tidbAnsibleTlsFiles(path.dirname(path.resolve(inventoryPath)));
  return { ca: readPem(files.ca, 'CA certificate'), cert: readPem(files.cert, 'client certificate'), key: readPem(files.key, 'client key') };
}

async function withApi<T>(opts: PdOptions, inv: Inventory, inventoryPath: string, fn: (api: PdApi) => Promise<T>): Promise<T> {
  if (!opts.pd) throw new CliError('missing --pd URL[,URL...]');
  const api = new PdApi({ endpoints: opts.pd.split(','), tls: tlsOptions(opts, inv, inventoryPath) });
  try {
    return await fn(api);
  } finally {
    api.dispose();
  }
}

/** One row per host (and per TiFlash store the inventory lacks); `match` says how sure the answer is. */
function row(s: HostState) {
  const store = s.store;
  return {
    host: s.host?.name ?? null,
    address: s.host ? s.host.address : store!.address,
    match: s.kind,
    storeId: store?.id ?? null,
    stateName: store ? stateLabel(s) : null,
    regionCount: store?.regionCount ?? null,
    ...(s.kind === 'ambiguous' ? { storeIds: s.stores.map((x) => x.id) } : {}),
    ...(s.kind === 'unknown' || s.kind === 'ambiguous' ? { reason: text(s.reason) } : {}),
  };
}

export async function stores(opts: PdOptions): Promise<number> {
  const fmt = format(opts.format);
  const { inv, path: file } = readInventory(opts.inventory);
  const r = await withApi(opts, inv, file, (api) => api.stores());
  if (!r.ok) throw pdFailed(r.error);
  const states = matchStores(tiflashHosts(inv), r);
  if (fmt === 'json') printJson(states.map(row));
  else {
    for (const s of states) {
      const state = text(s.kind === 'unknown' || s.kind === 'ambiguous' ? msg('pd.match.unknownBecause', { reason: s.reason }) : stateMsg(stateLabel(s)));
      process.stdout.write(`${s.host?.name ?? '-'}\t${s.host ? storeAddress(s.host) : s.store!.address}\t${s.store?.id ?? '-'}\t${state}\t${s.store?.regionCount ?? ''}\n`);
    }
  }
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
  if (!host) throw new CliError('missing HOST: tiflash-ansible plan scale-out|scale-in HOST -i inventory.ini');
  const { inv, path: file } = readInventory(opts.inventory);
  const hosts = opts.hosts ? readInventory(opts.hosts, 'hosts').inv : undefined;
  if (kind === 'scale-out') {
    const st = opts.pd ? await withApi(opts, inv, file, (api) => api.stores()) : undefined;
    if (st && !st.ok) throw pdFailed(st.error);
    return printPlan(planScaleOut({ inventory: inv, hosts, host, stores: st?.value }), fmt);
  }
  if (kind === 'scale-in') {
    const [st, rules] = await withApi(opts, inv, file, (api) => Promise.all([api.stores(), api.tiflashRules()]));
    if (!st.ok) throw pdFailed(st.error);
    if (!rules.ok) throw pdFailed(rules.error);
    return printPlan(planScaleIn({ inventory: inv, hosts, host, stores: st.value, rules: rules.value.enabled ? rules.value.rules : [] }), fmt);
  }
  throw new CliError(`unknown plan '${kind ?? ''}' (expected scale-out or scale-in)`);
}
