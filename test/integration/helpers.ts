// Helpers for the suites that run inside the extension host (test/integration, test/integration-untrusted).
//
// Isolation: the runner (index.ts) treats each test file as one suite and calls `startSuite()` before it
// and `endSuite()` after it, whatever the order (it is shuffled):
//   - startSuite(): terminals closed (and no operation left running), unsaved editors reverted, every editor
//     closed; the opened folder put back in place to demo/tidb-ansible (same path; files reset, extra files
//     removed, playbook-calls.log gone); a PD simulator of tools/pd-sim/clusters/demo.json started on port 0; .vscode/settings.json
//     reset to the sample's with `tiflash.pdEndpoints` = that simulator and SUITE_SETTINGS; then it waits
//     until VS Code and the extension see all that (and, in a trusted workspace, the simulator's stores).
//   - endSuite(): every simulator the suite started is stopped (PD and the TiDB status-port stand-in that
//     `tiflash.tidbStatusEndpoints` names, so no table-name lookup leaves 127.0.0.1).
// For tests:
//   - api(): the activated extension's API, after its first inventory load.
//   - suiteSim(): the suite's simulator; `.requests` is its request log, `.cluster` its live state.
//   - pointAtSim(cluster?, tickMs?, profile?): one more simulator (PD 4.0 unless profile '3.1') (stopped with the suite), the workspace pointed at it;
//     in a trusted workspace it returns once the extension has stores from it.
//   - waitForStoresFrom(sim): until the extension has a snapshot of the stores from `sim`.
//   - waitFor(what, probe, timeoutMs?): polls `probe` until it returns a truthy value, else fails naming `what`.
//   - workspaceDir(), inventoryUri(), hostsUri(): the opened tidb-ansible folder and its inventories.
//   - recordedCalls(), recordedRuns(), plannedRuns(steps), resetRecord(): what the recording playbooks ran.
//   - changedFiles(): files of the workspace that differ from the sample (with this suite's settings.json).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Api } from '../../src/extension';
import type { Run } from '../../src/core/run/engine';
import type { ClusterFile } from '../../tools/pd-sim/cluster';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import type { Profile as SimProfile } from '../../tools/pd-sim/profile';
import { startTidbSim, type TidbSim } from '../../tools/pd-sim/tidb';
import { changedFromDemo, PLAYBOOK_LOG, playbookCalls, restoreDemo, type Overrides, type PlaybookCall } from '../harness/workspace';
import { demoDir } from '../support/paths';
import { demoCluster } from '../support/pdFixtures';

export { demoCluster };

export const EXTENSION_ID = 'tiflash-ops.tiflash-ansible';

/** Workspace settings every suite starts with (besides the sample's and its simulator): fast polls. */
export const SUITE_SETTINGS = { 'tiflash.pollIntervalActiveMs': 500, 'tiflash.pollIntervalIdleMs': 1000 };

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

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let suite: { sims: PdSim[]; tidb?: TidbSim; overrides: Overrides } | undefined;

/** The suite's TiDB status-port stand-in (table names for placement rules): the demo's tidb_servers are not real hosts. */
async function startTidb(cluster: ClusterFile): Promise<TidbSim> {
  if (!suite) throw new Error('no suite is running: the runner calls startSuite() before each test file');
  const tidb = await startTidbSim({ tables: cluster.tables ?? [] });
  suite.tidb = tidb;
  return tidb;
}

async function startSim(cluster: ClusterFile, tickMs: number, profile?: SimProfile): Promise<PdSim> {
  if (!suite) throw new Error('no suite is running: the runner calls startSuite() before each test file');
  const sim = await startPdSim({ cluster, tickMs, ...(profile ? { profile } : {}) });
  suite.sims.push(sim);
  return sim;
}

export function suiteSim(): PdSim {
  if (!suite) throw new Error('no suite is running: the runner calls startSuite() before each test file');
  return suite.sims[0];
}

/** The sample's settings.json with the simulator and SUITE_SETTINGS. */
function settingsFor(sim: PdSim, tidb: TidbSim): string {
  const sample = JSON.parse(fs.readFileSync(path.join(demoDir, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...sample, 'tiflash.pdEndpoints': [sim.url], 'tiflash.tidbStatusEndpoints': [tidb.url], ...SUITE_SETTINGS }, null, 2) + '\n';
}

export async function startSuite(): Promise<void> {
  await endSuite();
  const a = await api();
  // closing the terminals ends a playbook step that an earlier, failed suite left running
  for (const t of vscode.window.terminals) t.dispose();
  await waitFor('no TiFlash operation still running from an earlier suite (a wait for Tombstone does not end by itself)', () => {
    const runs = Object.values(a.ctx.extension.workspaceState.get<Record<string, Run>>('tiflash.runs', {}));
    return runs.every((r) => r.status !== 'running');
  });
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  suite = { sims: [], overrides: {} };
  const sim = await startSim(demoCluster(), 200);
  const tidb = await startTidb(demoCluster());
  suite.overrides = { [path.join('.vscode', 'settings.json')]: settingsFor(sim, tidb) };
  restoreDemo(workspaceDir(), suite.overrides);
  await waitFor("the workspace settings to name the suite's simulator", () => {
    const cfg = vscode.workspace.getConfiguration('tiflash');
    // pdEndpoints is a restricted setting: an untrusted workspace does not apply (or show) its value
    const endpoints = !vscode.workspace.isTrusted || cfg.get<string[]>('pdEndpoints')?.join() === sim.url;
    return endpoints && cfg.get('pollIntervalIdleMs') === SUITE_SETTINGS['tiflash.pollIntervalIdleMs'];
  });
  const inWorkspace = (d: vscode.TextDocument) => d.uri.scheme === 'file' && d.uri.fsPath.startsWith(workspaceDir() + path.sep) && fs.existsSync(d.uri.fsPath);
  const stale = (d: vscode.TextDocument) => inWorkspace(d) && d.getText() !== fs.readFileSync(d.uri.fsPath, 'utf8');
  await waitFor('open documents to show the files on disk again', () => !vscode.workspace.textDocuments.some(stale));
  await waitFor('the extension to read the sample inventories again', () => readsSample(a));
  if (vscode.workspace.isTrusted) await waitForStoresFrom(sim);
}

export async function endSuite(): Promise<void> {
  const sims = suite?.sims ?? [];
  const tidb = suite?.tidb;
  suite = undefined;
  await Promise.all([...sims.map((s) => s.close()), tidb?.close()]);
}

function readsSample(a: Api): boolean {
  const clusters = a.ctx.inventories.list();
  if (clusters.length !== 1 || clusters[0].dir.fsPath !== workspaceDir()) return false;
  const same = (lines: string[] | undefined, file: string) => lines?.join('\n').trimEnd() === fs.readFileSync(path.join(demoDir, file), 'utf8').trimEnd();
  return same(clusters[0].inventory.lines, 'inventory.ini') && same(clusters[0].hosts?.lines, 'hosts.ini');
}

export async function waitForStoresFrom(sim: PdSim): Promise<void> {
  const a = await api();
  await waitFor(`stores from the simulator at ${sim.url}`, () => {
    const live = a.ctx.stores.get(a.ctx.inventories.list()[0]);
    return live?.endpoints.includes(sim.url) && live.stores ? true : undefined;
  });
}

/** Starts one more simulator for this suite and points the workspace at it. */
export async function pointAtSim(cluster: ClusterFile = demoCluster(), tickMs = 200, profile?: SimProfile): Promise<PdSim> {
  const sim = await startSim(cluster, tickMs, profile);
  await vscode.workspace.getConfiguration('tiflash').update('pdEndpoints', [sim.url], vscode.ConfigurationTarget.Workspace);
  if (vscode.workspace.isTrusted) await waitForStoresFrom(sim);
  return sim;
}

/** Files of the workspace that differ from the sample as this suite started it. */
export function changedFiles(): string[] {
  return changedFromDemo(workspaceDir(), suite?.overrides);
}

export function recordedCalls(): PlaybookCall[] {
  return playbookCalls(workspaceDir());
}

export function resetRecord(): void {
  fs.rmSync(path.join(workspaceDir(), PLAYBOOK_LOG), { force: true });
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
  return steps
    .filter((s) => s.argv)
    .map(({ argv }) => {
      const at = (flag: string) => (argv!.includes(flag) ? argv![argv!.indexOf(flag) + 1] : undefined);
      const tagsArg = argv!.find((a) => a.startsWith('--tags='));
      return {
        playbook: argv!.find((a) => a.endsWith('.yml'))!.replace(/\.yml$/, ''),
        limit: at('-l') ?? '',
        tags: tagsArg ? tagsArg.slice('--tags='.length) : (at('-t') ?? 'all'),
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
