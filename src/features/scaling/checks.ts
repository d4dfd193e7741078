// What is checked against the files as they are on disk: before the first step, every playbook step with real
// `ansible-playbook --list-hosts` (the preflight); before each step, the step itself against the files as they
// are then (a long wait leaves time to edit the inventory).

import * as vscode from 'vscode';
import { parseInventory } from '../../core/inventory/parse';
import { msg, type Msg } from '../../core/l10n/message';
import type { FileTexts } from '../../core/plan/files';
import type { PlaybookOptions } from '../../core/plan/playbooks';
import { recheckStep, type Now } from '../../core/plan/recheck';
import type { Plan, Step } from '../../core/plan/types';
import type { SettingValues } from '../../core/settings/schema';
import { preflight } from '../../core/run/preflight';
import { readText, type Cluster } from '../../inventories';
import { show } from '../text';

/** `tiflash.ansiblePlaybookPath` (machine-scoped) and `tiflash.playbookExtraArgs` as they apply to a folder. */
export function playbookOptions(settings: SettingValues): PlaybookOptions {
  return { playbook: settings.ansiblePlaybookPath, extraArgs: settings.playbookExtraArgs };
}

/** inventory.ini and hosts.ini as the editors hold them (the same as on disk unless unsaved, which a run refuses). */
export async function filesNow(cluster: Cluster): Promise<FileTexts> {
  return { inventory: await readText(cluster.inventoryUri), hosts: await readText(cluster.hostsUri) };
}

/** The first of the folder's two files with unsaved changes: playbooks read the files on disk. */
export function unsavedFile(cluster: Cluster): vscode.Uri | undefined {
  const files = [cluster.inventoryUri.fsPath, cluster.hostsUri.fsPath];
  return vscode.workspace.textDocuments.find((d) => d.isDirty && files.includes(d.uri.fsPath))?.uri;
}

export function unsavedReason(uri: vscode.Uri): Msg {
  return msg('exec.unsaved', { file: vscode.workspace.asRelativePath(uri) });
}

/** Real Ansible on every playbook step (`only`: those steps), each against the inventory as it will be then. */
export async function preflightSteps(cluster: Cluster, plan: Pick<Plan, 'steps'>, files: FileTexts, only?: number[]): Promise<Msg[]> {
  const problems = await preflight(plan, { dir: cluster.dir.fsPath, files, env: process.env, only });
  return problems.map((p) => msg('exec.preflight.step', { step: p.index + 1, title: p.step.title, reason: p.reason }));
}

/** The same check with a progress notification (before the first step). */
export function preflightWithProgress(cluster: Cluster, plan: Plan, files: FileTexts): Thenable<Msg[]> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking ansible-playbook --list-hosts which hosts each step would act on…') },
    () => preflightSteps(cluster, plan, files),
  );
}

/** Why the step, as it would run now, is not what was previewed; undefined when it is the same. */
export async function recheckNow(cluster: Cluster, options: PlaybookOptions, plan: Pick<Plan, 'steps'>, index: number, step: Step): Promise<Msg | undefined> {
  const files = await filesNow(cluster);
  if (files.inventory === undefined) return msg('recheck.fileGone', { file: 'inventory.ini' });
  const now: Now = {
    inventory: parseInventory(files.inventory),
    hosts: files.hosts === undefined ? undefined : parseInventory(files.hosts),
    inventoryText: files.inventory,
    hostsText: files.hosts,
    ...options,
  };
  const r = recheckStep(step, now);
  if (!r.same) return msg('exec.recheck', { why: r.why });
  if (step.kind !== 'playbook' || step.limit === undefined) return undefined;
  const [problem] = await preflightSteps(cluster, plan, files, [index]);
  return problem && msg('exec.recheck', { why: problem });
}

/** The problems as one text for a message. */
export const lines = (problems: readonly Msg[]) => problems.map((p) => show(p)).join('\n');
