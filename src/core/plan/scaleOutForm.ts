// The scale-out form's checks, as the operator types: each field on its own, what the new line shares with
// TiFlash instances already on the machine, what the inventory diagnostics report once the line is in, and
// every check of the scale-out plan that does not need PD. The form never accepts what the plan would refuse.

import { TIFLASH_PORT_NAMES, TIFLASH_PORTS, tiflashHosts, type TiFlashPortName } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';
import { msg, msgKey, type Msg } from '../l10n/message';
import { validate } from '../validation';
import type { Finding } from '../validation/types';
import type { PdFacts } from './facts';
import { planScaleOut } from './scaleOut';
import { specFieldProblems, specLine, specName, suggestSpec, tiflashCollisions, withSpec, type ScaleOutSpec, type SpecField } from './scaleOutSpec';

/** The fields as typed. `dataDirs`: one directory a line (commas also separate). An empty field means tidb-ansible's default. */
export interface FormValues {
  address: string;
  alias: string;
  deployDir: string;
  dataDirs: string;
  ports: Record<TiFlashPortName, string>;
}

/** `line`: about the whole line (the inventory with it, the plan's own checks), not one field. */
export type FormField = SpecField | 'line';

export interface FormProblem {
  field: FormField;
  message: Msg;
  /** Submit stays disabled while a blocking problem is shown; the others are warnings. */
  blocking: boolean;
}

/** What the instance resolves to with the line written (inherited deploy_dir, default data_dir and ports included). */
export interface Effective {
  name: string;
  address: string;
  deployDir: string;
  dataDirs: string[];
  ports: Record<TiFlashPortName, number>;
}

export interface FormCheck {
  spec: ScaleOutSpec;
  problems: FormProblem[];
  /** The line Submit writes into [tiflash_servers], once every field is valid. */
  line?: string;
  effective?: Effective;
  /** Nothing blocks: Submit may go on. */
  ok: boolean;
}

export interface FormContext {
  inventory: Inventory;
  hosts?: Inventory;
}

/** The form as it opens: tidb-ansible's defaults, or where the machine already runs TiFlash, the next free ports and directories. */
export function initialValues(inventory: Inventory, address = ''): FormValues {
  const spec = address.trim() ? suggestSpec(inventory, address.trim()) : { address: '' };
  return {
    address: spec.address,
    alias: spec.alias ?? '',
    deployDir: spec.deployDir ?? '',
    dataDirs: (spec.dataDirs ?? []).join('\n'),
    ports: Object.fromEntries(TIFLASH_PORT_NAMES.map((n) => [n, String(spec.ports?.[n] ?? TIFLASH_PORTS[n])])) as Record<TiFlashPortName, string>,
  };
}

/** Whether the machine at `address` already runs TiFlash in this inventory (the form then offers other ports and directories). */
export const runsTiflash = (inventory: Inventory, address: string) => tiflashHosts(inventory).some((h) => h.address === address.trim());

/** The spec the fields describe; ports that are not whole numbers are reported here and left out of the spec. */
function specOf(values: FormValues): { spec: ScaleOutSpec; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const ports: Partial<Record<TiFlashPortName, number>> = {};
  for (const name of TIFLASH_PORT_NAMES) {
    const text = (values.ports[name] ?? '').trim();
    if (text === '') continue;
    if (/^\d{1,5}$/.test(text)) ports[name] = Number(text);
    else problems.push({ field: name, message: msg('spec.port', { name, value: text }), blocking: true });
  }
  const dataDirs = values.dataDirs
    .split(/[\n,]/)
    .map((d) => d.trim())
    .filter(Boolean);
  const spec: ScaleOutSpec = {
    address: values.address.trim(),
    ...(values.alias.trim() ? { alias: values.alias.trim() } : {}),
    ...(values.deployDir.trim() ? { deployDir: values.deployDir.trim() } : {}),
    ...(dataDirs.length ? { dataDirs } : {}),
    ports,
  };
  return { spec, problems };
}

/** Membership in hosts.ini and [monitored_servers] is what the plan's own edit steps add: not a problem of the line. */
const ADDED_BY_THE_PLAN = new Set(['missing-in-hosts-ini', 'not-monitored']);
/** Plan checks the form already reports per field, or through the diagnostics of the inventory with the line. */
const SHOWN_ELSEWHERE = new Set(['tiflash-collision', 'host-line-error']);

/** PD is checked when the plan is made at Submit; here it is left out (no store known, placement rules on). */
const WITHOUT_PD: PdFacts = { stores: { ok: true, value: { stores: [], includesTombstones: true } }, rules: { ok: true, value: { enabled: true, rules: [] } } };

export function checkForm(values: FormValues, ctx: FormContext): FormCheck {
  const { spec, problems } = specOf(values);
  problems.push(...specFieldProblems(spec).map((p) => ({ ...p, blocking: true })));
  const done = (extra: Partial<FormCheck> = {}): FormCheck => ({ spec, problems, ok: !problems.some((p) => p.blocking), ...extra });
  if (problems.length) return done();

  // a name already in [tiflash_servers] would make the plan deploy that instance as it is written, not this form
  const listed = tiflashHosts(ctx.inventory).find((h) => h.name === specName(spec));
  if (listed) {
    const line = listed.line ? listed.line.line + 1 : 0;
    problems.push({ field: spec.alias ? 'alias' : 'address', message: msg('spec.collide.name', { name: listed.name, line }), blocking: true });
    return done();
  }
  const added = withSpec(ctx.inventory, spec);
  if (!added) {
    problems.push({ field: 'line', message: msg('plan.blocked.cannotAdd', { name: specName(spec) }), blocking: true });
    return done();
  }
  const { host } = added;
  const effective: Effective = { name: host.name, address: host.address, deployDir: host.deployDir, dataDirs: host.dataDirs, ports: host.ports };
  problems.push(...tiflashCollisions(host, tiflashHosts(added.inventory)).map((p) => ({ ...p, blocking: true })));
  if (!problems.length) {
    problems.push(...introduced(ctx, added.inventory));
    const plan = planScaleOut({ inventory: ctx.inventory, hosts: ctx.hosts, host: spec, pd: WITHOUT_PD });
    for (const b of plan.blocked) if (!SHOWN_ELSEWHERE.has(b.check)) problems.push({ field: 'line', message: b.message, blocking: true });
  }
  return done({ line: specLine(spec), effective });
}

/** Findings of the inventory diagnostics that the new line brings (an error blocks, a warning is shown). */
function introduced(ctx: FormContext, next: Inventory): FormProblem[] {
  const key = (f: Finding) => `${f.rule}\u0000${msgKey(f.message)}`;
  const before = new Map<string, number>();
  for (const f of validate(ctx.inventory, ctx.hosts)) before.set(key(f), (before.get(key(f)) ?? 0) + 1);
  const out: FormProblem[] = [];
  for (const f of validate(next, ctx.hosts)) {
    const left = before.get(key(f)) ?? 0;
    if (left > 0) {
      before.set(key(f), left - 1);
      continue;
    }
    if (ADDED_BY_THE_PLAN.has(f.rule)) continue;
    out.push({ field: 'line', message: f.message, blocking: f.severity === 'error' });
  }
  return out;
}
