// The plan preview: one read-only document per plan (every step in order: diffs, the exact commands, PD
// requests, waits and what ends them, warnings) plus VS Code's diff editors for inventory.ini and hosts.ini as
// the plan leaves them. The decision belongs to that preview: Start (a CodeLens or the editor's title bar)
// starts exactly the plan it shows, and only while the files are still what it was made from; Cancel or
// closing the preview starts nothing.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { msg } from '../../core/l10n/message';
import { parseInventory } from '../../core/inventory/parse';
import { textOf, textsBefore, type FileTexts } from '../../core/plan/files';
import { INVENTORY_FILES } from '../../core/plan/playbooks';
import { preview, previewText, type Preview } from '../../core/plan/preview';
import type { FileRole, Plan, Step } from '../../core/plan/types';
import type { Cluster } from '../../inventories';
import { displayLang, show } from '../text';
import { closeTabs, VirtualDocs } from './virtualDocs';

export const PREVIEW_SCHEME = 'tiflash-preview';
export const PREVIEW_START = 'tiflash.preview.start';
export const PREVIEW_CANCEL = 'tiflash.preview.cancel';
const PREVIEW_DIFF = 'tiflash.preview.diff';

interface Pending {
  id: string;
  cluster: Cluster;
  plan: Plan;
  files: FileTexts;
  preview: Preview;
  doc: vscode.Uri;
  /** Before and after of each edited file, for the diff editors. */
  sides: Map<FileRole, { before: vscode.Uri; after: vscode.Uri; name: string }>;
  /** The preview and its diffs are on screen. */
  shown: boolean;
  resolve: (start: boolean) => void;
}

/** Why Start is not offered for this preview, or undefined when it may start. */
function unstartable(p: Pending): string | undefined {
  if (p.plan.blocked.length) return vscode.l10n.t('The plan is refused: see the reasons in the preview.');
  const bad = p.preview.steps.find((s) => s.error);
  if (bad) return vscode.l10n.t('Step "{0}" cannot be made on the current files: {1}', show(bad.step.title), show(bad.error!));
  return undefined;
}

/** The file's text on disk (what playbooks read), normalized as a plan reads it; undefined when it does not exist. */
async function textOnDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return textOf(parseInventory(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
  } catch {
    return undefined;
  }
}

export class PlanPreviews implements vscode.Disposable {
  private static registered: PlanPreviews | undefined;
  private readonly docs = new VirtualDocs(PREVIEW_SCHEME);
  private readonly pending = new Map<string, Pending>();
  /** The files each started plan was previewed on (by its steps): the operation view shows an edit's diff as previewed. */
  private readonly started = new Map<string, FileTexts>();
  private readonly disposables: vscode.Disposable[];
  private seq = 0;

  private constructor() {
    this.disposables = [
      this.docs,
      vscode.commands.registerCommand(PREVIEW_START, (ref?: vscode.Uri | string) => this.decide(ref, true)),
      vscode.commands.registerCommand(PREVIEW_CANCEL, (ref?: vscode.Uri | string) => this.decide(ref, false)),
      vscode.commands.registerCommand(PREVIEW_DIFF, (id: string, file: FileRole) => this.openDiff(id, file)),
      vscode.languages.registerCodeLensProvider({ scheme: PREVIEW_SCHEME }, { provideCodeLenses: (doc) => this.lenses(doc) }),
      // closing the preview is a Cancel
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          if (tab.input instanceof vscode.TabInputText) void this.decide(tab.input.uri, false);
          // a step's diff opened from the operation view is made again when asked
          if (tab.input instanceof vscode.TabInputTextDiff && tab.input.original.path.startsWith('/step-'))
            [tab.input.original, tab.input.modified].forEach((u) => this.docs.delete(u));
        }
      }),
    ];
  }

  static register(): PlanPreviews {
    PlanPreviews.registered = new PlanPreviews();
    return PlanPreviews.registered;
  }

  static get current(): PlanPreviews {
    if (!PlanPreviews.registered) throw new Error('the plan preview is not registered');
    return PlanPreviews.registered;
  }

  /** Shows the preview and resolves with the operator's decision about exactly this plan. */
  async confirm(cluster: Cluster, plan: Plan, files: FileTexts): Promise<boolean> {
    const id = `${Date.now().toString(36)}-${++this.seq}`;
    const p = preview(plan, files);
    const label = `${show(msg(`operation.${plan.operation}`))} ${plan.target}`.replace(/[/\\]/g, '_');
    const doc = this.docs.set(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/${label}` }), previewText(p, displayLang()));
    const sides = new Map(
      p.files.map((f) => [
        f.file,
        {
          name: f.name,
          before: this.docs.set(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/now/${f.name}` }), f.before),
          after: this.docs.set(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/planned/${f.name}` }), f.after),
        },
      ]),
    );
    let resolve: (start: boolean) => void = () => undefined;
    const decision = new Promise<boolean>((r) => (resolve = r));
    const pending: Pending = { id, cluster, plan, files, preview: p, doc, sides, shown: false, resolve };
    this.pending.set(id, pending);
    // the diffs as tabs of their own, the steps in front
    for (const file of sides.keys()) await this.openDiff(id, file);
    await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(doc), 'diff'), {
      preview: false,
    });
    pending.shown = true;
    return decision;
  }

  /** The file texts a started plan was previewed on, when this window previewed it. */
  previewedFiles(steps: readonly Step[]): FileTexts | undefined {
    return this.started.get(JSON.stringify(steps));
  }

  /** The plans on screen waiting for a decision (tests look at what the operator sees). */
  openPreviews(): { doc: vscode.Uri; plan: Plan; files: { name: string; before: vscode.Uri; after: vscode.Uri }[] }[] {
    return [...this.pending.values()].filter((p) => p.shown).map((p) => ({ doc: p.doc, plan: p.plan, files: [...p.sides.values()] }));
  }

  /**
   * VS Code's diff of one edit step: on the files the plan was previewed on when this window started it, else
   * on the file as it is now (what the step would change now).
   */
  async openStepDiff(dir: string, steps: readonly Step[], index: number): Promise<void> {
    const step = steps[index];
    if (step?.kind !== 'edit') return;
    const previewed = this.previewedFiles(steps);
    const name = INVENTORY_FILES[step.file];
    const sides = previewed
      ? stepSides(previewed, steps, index, step.file)
      : stepSides(
          { inventory: undefined, hosts: undefined, [step.file]: (await textOnDisk(vscode.Uri.file(path.join(dir, name)))) ?? '' },
          [step],
          0,
          step.file,
        );
    if (!sides) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The edit of step {0} cannot be shown on {1} as it is now.', index + 1, name));
      return;
    }
    const id = `step-${Date.now().toString(36)}-${++this.seq}`;
    const before = this.docs.set(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/before/${name}` }), sides.before);
    const after = this.docs.set(vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/after/${name}` }), sides.after);
    const title = previewed
      ? vscode.l10n.t('{0}: step {1} as previewed', name, index + 1)
      : vscode.l10n.t('{0}: step {1} on the file as it is now', name, index + 1);
    await vscode.commands.executeCommand('vscode.diff', before, after, title, { preview: true });
  }

  private find(ref: vscode.Uri | string | undefined): Pending | undefined {
    if (typeof ref === 'string') return this.pending.get(ref);
    const uri = ref ?? vscode.window.activeTextEditor?.document.uri;
    return [...this.pending.values()].find((p) => p.doc.toString() === uri?.toString());
  }

  private async decide(ref: vscode.Uri | string | undefined, start: boolean): Promise<void> {
    const p = this.find(ref);
    if (!p) return;
    if (start) {
      const why = unstartable(p);
      if (why) {
        void vscode.window.showWarningMessage(why);
        return;
      }
      const stale = await this.staleFiles(p);
      if (stale) {
        void vscode.window.showWarningMessage(stale);
        start = false;
      }
    }
    // a second click, or a tab closing as this one is decided, finds nothing pending
    if (!this.pending.delete(p.id)) return;
    if (start) this.started.set(JSON.stringify(p.plan.steps), p.files);
    p.resolve(start);
    const uris = [p.doc, ...[...p.sides.values()].flatMap((s) => [s.before, s.after])];
    await closeTabs(uris);
    for (const u of uris) this.docs.delete(u);
  }

  /** Why the files are no longer what the preview was made from (unsaved edits, or a change on disk), if they are not. */
  private async staleFiles(p: Pending): Promise<string | undefined> {
    const uris: Record<FileRole, vscode.Uri> = { inventory: p.cluster.inventoryUri, hosts: p.cluster.hostsUri };
    const unsaved: string[] = [];
    const changed: string[] = [];
    for (const role of ['inventory', 'hosts'] as const) {
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uris[role].toString() && d.isDirty)) unsaved.push(INVENTORY_FILES[role]);
      else if ((await textOnDisk(uris[role])) !== p.files[role]) changed.push(INVENTORY_FILES[role]);
    }
    if (unsaved.length)
      return vscode.l10n.t('{0} has unsaved changes: save or revert them, then run the command again. Nothing was started.', unsaved.join(', '));
    if (changed.length)
      return vscode.l10n.t('{0} changed after this preview was made: nothing was started. Run the command again for a new preview.', changed.join(', '));
    return undefined;
  }

  private async openDiff(id: string, file: FileRole): Promise<void> {
    const side = this.pending.get(id)?.sides.get(file);
    if (side)
      await vscode.commands.executeCommand('vscode.diff', side.before, side.after, vscode.l10n.t('{0}: now ↔ after the plan', side.name), {
        preview: false,
        preserveFocus: true,
      });
  }

  private lenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const p = this.find(doc.uri);
    if (!p) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command: string, args: unknown[], tooltip?: string) => new vscode.CodeLens(top, { title, command, arguments: args, tooltip });
    const why = unstartable(p);
    return [
      why
        ? lens(`$(circle-slash) ${vscode.l10n.t('Cannot start')}`, PREVIEW_START, [p.id], why)
        : lens(`$(play) ${vscode.l10n.t('Start')}`, PREVIEW_START, [p.id], vscode.l10n.t('Run exactly these steps, in this order')),
      lens(`$(close) ${vscode.l10n.t('Cancel')}`, PREVIEW_CANCEL, [p.id], vscode.l10n.t('Close the preview; nothing runs')),
      ...[...p.sides.entries()].map(([file, s]) => lens(`$(diff) ${s.name}`, PREVIEW_DIFF, [p.id, file], vscode.l10n.t('{0}: now ↔ after the plan', s.name))),
    ];
  }

  dispose(): void {
    for (const p of this.pending.values()) p.resolve(false);
    this.pending.clear();
    vscode.Disposable.from(...this.disposables).dispose();
    if (PlanPreviews.registered === this) PlanPreviews.registered = undefined;
  }
}

/** The texts of one edit step's file before and after it, on the files a plan was previewed on. */
export function stepSides(files: FileTexts, steps: readonly Step[], index: number, file: FileRole): { before: string; after: string } | undefined {
  const before = textsBefore(files, steps, index);
  const after = textsBefore(files, steps, index + 1);
  if ('error' in before || 'error' in after) return undefined;
  return { before: before[file] ?? '', after: after[file] ?? '' };
}
