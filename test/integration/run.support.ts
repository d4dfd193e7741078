// Shared by the run.* suites: scripted operators that record what they were told and asked, the folder's
// journal and lock, and processes that stand in for a playbook still running or gone.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { msg } from '../../src/core/l10n/message';
import { textOf } from '../../src/core/plan/files';
import { playbookStep, type PlaybookOptions, type PlaybookSpec } from '../../src/core/plan/playbooks';
import type { PlaybookStep } from '../../src/core/plan/types';
import { readJournal, type JournalEntry } from '../../src/core/run/journal';
import type { Run } from '../../src/core/run/engine';
import type { Level, Operator, RunOptions } from '../../src/features/scaling/operator';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import type { PdSim } from '../../tools/pd-sim/server';
import { api, demoCluster, inventoryUri, pointAtSim, waitFor, waitForStoresFrom, workspaceDir } from './helpers';

export interface Told {
  level: Level;
  text: string;
  detail?: string;
}

/** Yes to every question, Abort on a failed step; what the operator is told is kept in `told`. */
export function scripted(operator: Partial<Operator> = {}): RunOptions & { told: Told[] } {
  const told: Told[] = [];
  return { assumeYes: true, told, operator: { tell: (level, text, detail) => told.push({ level, text, detail }), ...operator } };
}

export const toldText = (told: readonly Told[]) => told.map((t) => `${t.level}: ${t.text} ${t.detail ?? ''}`).join('\n');

export const journal = (): Promise<JournalEntry[]> => readJournal(workspaceDir());

export const runEntries = async (run: Run) => (await journal()).filter((e) => e.run === run.id);

export const lockFile = () => path.join(workspaceDir(), 'log', 'tiflash-ansible.lock');

export const scaleIn = (host: string, opts: RunOptions) => vscode.commands.executeCommand<Run | undefined>('tiflash.scaleIn', inventoryUri(), host, opts);

/** A process that lives `seconds` (a playbook still running, another window's extension host). */
export function liveProcess(seconds: number): { pid: number; ended: Promise<void> } {
  const child = spawn('sleep', [String(seconds)], { stdio: 'ignore' });
  return { pid: child.pid!, ended: new Promise((r) => child.on('exit', () => r())) };
}

/** The id of a process that has ended. */
export async function deadPid(): Promise<number> {
  const p = liveProcess(0);
  await p.ended;
  return p.pid;
}

export const read = (file: string) => fs.readFileSync(file, 'utf8');

/** A playbook step limited to `host` (of inventory.ini unless `spec` says otherwise), built through the one argument check. */
export function limitedStep(playbook: string, host: string, spec: Partial<PlaybookSpec> = {}, opts: PlaybookOptions = {}): PlaybookStep {
  const where = msg('args.where.unknown');
  const r = playbookStep(opts, {
    id: `test-${playbook}`,
    title: msg('plan.step.stop', { name: host }),
    inventory: 'inventory',
    playbook,
    limit: { host, where },
    expectHosts: [host],
    ...spec,
  });
  if ('blocked' in r) throw new Error(JSON.stringify(r.blocked));
  return r.step;
}

/** A simulator (of the demo cluster by default) the extension points at and has stores from (the suite stops it). */
export async function readySim(cluster: ClusterFile = demoCluster(), tickMs = 200): Promise<PdSim> {
  const sim = await pointAtSim(cluster, tickMs);
  await waitForStoresFrom(sim);
  return sim;
}

/** The requests that change something in PD. */
export const writes = (sim: PdSim) => sim.requests.filter((r) => r.method !== 'GET');

const RESTORED = ['inventory.ini', 'hosts.ini'];

/** In a suite: after each test inventory.ini and hosts.ini are put back (and read again by the extension). */
export function isolateEachTest(): void {
  let saved = new Map<string, string>();
  beforeEach(() => {
    saved = new Map(RESTORED.map((f) => [f, read(path.join(workspaceDir(), f))]));
  });
  afterEach(async () => {
    for (const [f, text] of saved) if (read(path.join(workspaceDir(), f)) !== text) fs.writeFileSync(path.join(workspaceDir(), f), text);
    const a = await api();
    await waitFor('the extension to read the inventories again', () => {
      const c = a.ctx.inventories.list().find((x) => x.dir.fsPath === workspaceDir());
      return c && textOf(c.inventory) === saved.get('inventory.ini') && (!c.hosts || textOf(c.hosts) === saved.get('hosts.ini'));
    });
  });
}
