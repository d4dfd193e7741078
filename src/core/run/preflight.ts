// Before the first step that edits a file, calls PD or runs a playbook: every playbook step is asked of real
// Ansible with `--list-hosts`, against the inventory as it will be when that step runs (a file the run edits
// first is written to a temporary copy), with the same limit, tags and extra arguments.

import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { execa } from 'execa';
import { msg, type Msg } from '../l10n/message';
import { textsBefore, type FileTexts } from '../plan/files';
import { INVENTORY_FILES } from '../plan/playbooks';
import type { Plan, PlaybookStep } from '../plan/types';
import { judgeListHosts, listHostsArgv, parseListHosts } from './listHosts';

export interface PreflightProblem {
  index: number;
  step: PlaybookStep;
  reason: Msg;
}

/** Environment for the preflight: an inventory Ansible cannot parse is an error, not a warning and an empty list. */
export const PREFLIGHT_ENV = {
  ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
  ANSIBLE_NOCOLOR: '1',
  ANSIBLE_LOCALHOST_WARNING: 'false',
  ANSIBLE_RETRY_FILES_ENABLED: 'false',
};

export interface PreflightOptions {
  /** The tidb-ansible folder (playbooks and ansible.cfg). */
  dir: string;
  /** The files as they are now. */
  files: FileTexts;
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
  /** Only these steps (a re-check of one step right before it runs); all playbook steps by default. */
  only?: readonly number[];
}

export async function preflight(plan: Pick<Plan, 'steps'>, opts: PreflightOptions): Promise<PreflightProblem[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tiflash-preflight-'));
  try {
    const checks = [...plan.steps.entries()].filter(([index, step]) => step.kind === 'playbook' && (!opts.only || opts.only.includes(index)));
    // two at a time: each is a Python process of its own, the machine may have two cores
    const found = await inPairs(checks, ([index, step]) => checkStep(plan, index, step as PlaybookStep, tmp, opts));
    return found.filter((p): p is PreflightProblem => p !== undefined);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * One step against the text its inventory will have when it runs, always from a private copy: what is checked
 * is the plan's view of the file, never whatever is on disk at that moment (the run re-checks each step as it starts).
 */
async function checkStep(
  plan: Pick<Plan, 'steps'>,
  index: number,
  step: PlaybookStep,
  tmp: string,
  opts: PreflightOptions,
): Promise<PreflightProblem | undefined> {
  const texts = textsBefore(opts.files, plan.steps, index);
  if ('error' in texts) return { index, step, reason: texts.error };
  const text = texts[step.inventory];
  if (text === undefined) return { index, step, reason: msg('recheck.fileGone', { file: INVENTORY_FILES[step.inventory] }) };
  const dir = path.join(tmp, String(index));
  await fs.mkdir(dir);
  const inventoryPath = path.join(dir, INVENTORY_FILES[step.inventory]);
  await fs.writeFile(inventoryPath, text);
  const argv = listHostsArgv(step, inventoryPath);
  const r = await execa(argv[0], argv.slice(1), {
    cwd: opts.dir,
    reject: false,
    stdin: 'ignore',
    timeout: opts.timeoutMs ?? 60_000,
    env: { ...opts.env, ...PREFLIGHT_ENV },
  });
  if (r.failed && r.exitCode === undefined) return { index, step, reason: msg('run.listHosts.notRun', { command: argv[0], error: r.shortMessage ?? '' }) };
  const verdict = judgeListHosts(step, parseListHosts(r.stdout), r.exitCode ?? 1, r.stderr);
  return verdict.ok ? undefined : { index, step, reason: verdict.reason };
}

async function inPairs<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 2) out.push(...(await Promise.all(items.slice(i, i + 2).map(fn))));
  return out;
}
