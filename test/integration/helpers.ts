// Shared by the suites that run inside the extension host.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Api } from '../../src/extension';
import type { Run } from '../../src/core/run/engine';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { repoRoot } from '../support/paths';

export const EXTENSION_ID = 'tiflash-ops.tiflash-ansible';

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  const a = await ext.activate();
  await a.ready;
  return a;
}

export function workspaceDir(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

export const inventoryUri = () => vscode.Uri.file(path.join(workspaceDir(), 'inventory.ini'));
export const hostsUri = () => vscode.Uri.file(path.join(workspaceDir(), 'hosts.ini'));

export function demoCluster(): ClusterFile {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'tools', 'pd-sim', 'clusters', 'demo.json'), 'utf8'));
}

/** Starts a simulator and points the extension at it. */
export async function pointAtSim(cluster: ClusterFile = demoCluster(), tickMs = 200): Promise<PdSim> {
  const sim = await startPdSim({ cluster, tickMs });
  await vscode.workspace.getConfiguration('tiflash').update('pdEndpoints', [sim.url], vscode.ConfigurationTarget.Workspace);
  await vscode.workspace.getConfiguration('tiflash').update('pollIntervalActiveMs', 500, vscode.ConfigurationTarget.Workspace);
  return sim;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function recordedCalls(): { at: number; playbook: string; host: string; limit: string; tags: string }[] {
  const file = path.join(workspaceDir(), 'playbook-calls.log');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => {
    const [at, playbook, host, limit, tags] = l.split(' ');
    return { at: Number(at), playbook, host, limit: limit.replace('limit=', ''), tags: tags.replace('tags=', '') };
  });
}

export function resetRecord(): void {
  fs.rmSync(path.join(workspaceDir(), 'playbook-calls.log'), { force: true });
}

export interface PlaybookRun {
  playbook: string;
  limit: string;
  tags: string;
}

/** The argument vectors of a run's playbook steps. */
export function playbookSteps(run: Run): { argv: string[] }[] {
  return run.plan.steps.flatMap((s) => (s.kind === 'playbook' ? [{ argv: [...s.argv] }] : []));
}

/** What a plan's playbook steps ask for, in the shape the recording playbooks write. */
export function plannedRuns(steps: { argv?: string[] }[]): PlaybookRun[] {
  return steps.filter((s) => s.argv).map(({ argv }) => {
    const at = (flag: string) => (argv!.includes(flag) ? argv![argv!.indexOf(flag) + 1] : undefined);
    const tagsArg = argv!.find((a) => a.startsWith('--tags='));
    return {
      playbook: argv!.find((a) => a.endsWith('.yml'))!.replace(/\.yml$/, ''),
      limit: at('-l') ?? '',
      tags: tagsArg ? tagsArg.slice('--tags='.length) : at('-t') ?? 'all',
    };
  });
}

/** The recorded calls, one per playbook run (the playbooks write a line per host). */
export function recordedRuns(): PlaybookRun[] {
  const out: PlaybookRun[] = [];
  for (const c of recordedCalls()) {
    const last = out[out.length - 1];
    if (last && last.playbook === c.playbook && last.limit === c.limit && last.tags === c.tags) continue;
    out.push({ playbook: c.playbook, limit: c.limit, tags: c.tags });
  }
  return out;
}
