// `tiflash-ansible plan`: the extension's plans for scripts and reviews. `--format text` is the preview the
// extension shows (unified diffs, commands quoted for a POSIX shell, PD requests); `--format json` carries
// stable ids, each playbook's argv and each PD request's method and path. Blocked: exit 1 with the reasons.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, render, type Lang } from '../core/l10n/message';
import { parseStoreId } from '../core/pd/types';
import { textOf } from '../core/plan/files';
import { readPdFacts } from '../core/plan/pdFacts';
import { preview, previewText } from '../core/plan/preview';
import { planScaleIn } from '../core/plan/scaleIn';
import { planScaleOut } from '../core/plan/scaleOut';
import { withTableNames } from '../core/plan/tableNames';
import { planCancelScaleIn, type StoreTarget } from '../core/plan/storeOps';
import type { Plan, Step } from '../core/plan/types';
import { CliError, format, printJson, readInventory, setLang, textLang } from './io';
import { tlsOptions, withApi, type PdOptions } from './pdConnect';

export type PlanOptions = PdOptions;

export const PLAN_KINDS = ['scale-out', 'scale-in', 'cancel-scale-in'] as const;

export async function plan(kind: string | undefined, host: string | undefined, opts: PlanOptions): Promise<number> {
  // this file is bundled apart (dist/pd.js) with its own copy of the CLI's language: set it here too
  setLang(opts.lang);
  const fmt = format(opts.format);
  const lang = textLang();
  if (!kind || !(PLAN_KINDS as readonly string[]).includes(kind)) throw new CliError(msg('cli.unknownPlan', { kind: kind ?? '', expected: [...PLAN_KINDS] }));
  if (!host) throw new CliError(msg('cli.missingHost', { kind }));
  if (!opts.pd) throw new CliError(msg('cli.missingPd'));
  const inventory = readInventory(opts.inventory);
  // hosts.ini beside inventory.ini unless named: create_users.yml and deploy_ntp.yml read it
  const hostsFile = opts.hosts ?? path.join(path.dirname(inventory.path), 'hosts.ini');
  const hosts = opts.hosts || fs.existsSync(hostsFile) ? readInventory(hostsFile, 'hosts') : undefined;
  const pd = await withApi(opts, inventory.inv, inventory.path, readPdFacts);
  const base = { inventory: inventory.inv, hosts: hosts?.inv, pd };
  let p: Plan;
  if (kind === 'scale-out') p = planScaleOut({ ...base, host });
  else if (kind === 'scale-in') {
    p = planScaleIn({ ...base, host });
    // refused for its placement rules: TiDB names the tables, and the reason gives the exact statements
    const named = await withTableNames(p, inventory.inv, pd, { endpoints: opts.tidb?.split(','), tls: tlsOptions(opts, inventory.inv, inventory.path) });
    if (named !== pd) p = planScaleIn({ ...base, pd: named, host });
  } else {
    const id = parseStoreId(host);
    const target: StoreTarget = inventory.inv.hosts.has(host) || !id ? { host } : { storeId: id };
    p = planCancelScaleIn({ inventory: inventory.inv, target, pd });
  }
  const files = { inventory: textOf(inventory.inv), hosts: hosts && textOf(hosts.inv) };
  if (fmt === 'text') process.stdout.write(previewText(preview(p, files), lang));
  else if (p.blocked.length)
    printJson({ blocked: p.blocked.map((b) => ({ check: b.check, message: render(b.message, lang), ...(b.confirmable ? { confirmable: true } : {}) })) });
  else printJson({ operation: p.operation, target: p.target, steps: p.steps.map((s) => stepJson(s, lang)), warnings: p.warnings.map((w) => render(w, lang)) });
  return p.blocked.length ? 1 : 0;
}

/** A step for pipelines: stable `id` and `kind`, the rendered title, and exactly what it runs or sends. */
function stepJson(s: Step, lang: Lang): Record<string, unknown> {
  const base = { id: s.id, kind: s.kind, title: render(s.title, lang) };
  switch (s.kind) {
    case 'playbook':
      return { ...base, argv: s.argv, inventory: s.inventory, ...(s.limit !== undefined ? { limit: s.limit } : {}), expectHosts: s.expectHosts };
    case 'pd': {
      // the first request is the step's own write; `requests` lists every write it sends, in order
      const [first] = s.requests;
      return {
        ...base,
        action: s.action.kind,
        method: first.method,
        path: first.path,
        ...(first.body ? { body: first.body } : {}),
        requests: s.requests,
        ...(s.storeId ? { storeId: s.storeId } : {}),
      };
    }
    case 'wait':
      return { ...base, until: s.until, address: s.address, ...(s.storeId ? { storeId: s.storeId } : {}), ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}) };
    case 'edit':
      return { ...base, file: s.file, ops: s.ops };
    case 'info':
      return { ...base, ...(s.detail ? { detail: render(s.detail, lang) } : {}), ...(s.url ? { url: s.url } : {}), ...(s.dirs ? { dirs: s.dirs } : {}) };
  }
}
