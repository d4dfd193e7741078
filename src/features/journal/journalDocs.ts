// "TiFlash: Show Operation History": the runs recorded in a tidb-ansible folder's journal, one run as a
// read-only document (steps, exit codes, PD requests and answers, recaps, choices), and each playbook step's
// own lines of Ansible's log. A run the journal lacks is told from what this window saved of it.

import * as os from 'node:os';
import * as vscode from 'vscode';
import { msg, type Msg } from '../../core/l10n/message';
import { readAnsibleSettings, runLogPath } from '../../core/run/ansibleConfig';
import { readProcessLog } from '../../core/run/ansibleLog';
import { journalPath, readJournal, summarizeRuns, type JournalEntry } from '../../core/run/journal';
import { entriesFromRun, entriesOfRun, localTime, runText, statusMsg, stepProcess } from '../../core/run/journalText';
import type { Ctx } from '../../context';
import type { RunStore } from '../scaling/runStore';
import { displayLang, show } from '../text';

export const JOURNAL_SCHEME = 'tiflash-journal';
export const SHOW_HISTORY = 'tiflash.showHistory';
const SHOW_OUTPUT = 'tiflash.journal.showOutput';

interface DocRef {
  dir: string;
  run: string;
  /** Set for a step's output. */
  step?: number;
}

function refOf(uri: vscode.Uri): DocRef | undefined {
  const q = new URLSearchParams(uri.query);
  const dir = q.get('dir');
  const run = q.get('run');
  const step = q.get('step');
  return dir && run ? { dir, run, ...(step !== null ? { step: Number(step) } : {}) } : undefined;
}

/** The lines of a run's document that start a step (` 3. Stop TiFlash on …`), in step order. */
function stepLines(doc: vscode.TextDocument): number[] {
  const out: number[] = [];
  for (let line = 0; line < doc.lineCount; line++) if (/^[ \d]\d\. /.test(doc.lineAt(line).text)) out.push(line);
  return out;
}

export class JournalDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly ctx: Ctx,
    private readonly runs: RunStore,
  ) {
    this.disposables = [
      this.emitter,
      vscode.workspace.registerTextDocumentContentProvider(JOURNAL_SCHEME, this),
      vscode.commands.registerCommand(SHOW_HISTORY, (target?: vscode.Uri, run?: string) => this.showHistory(target, run)),
      vscode.commands.registerCommand(SHOW_OUTPUT, (dir: string, run: string, step: number) => this.openOutput(dir, run, step)),
      vscode.languages.registerCodeLensProvider({ scheme: JOURNAL_SCHEME }, { provideCodeLenses: (doc) => this.lenses(doc) }),
      // a run's document follows the run while it goes on
      runs.onDidChange((r) => {
        for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === JOURNAL_SCHEME && refOf(d.uri)?.run === r.id) this.emitter.fire(d.uri);
      }),
    ];
  }

  /** The run's entries: the journal's, else what this window saved of the run. */
  private async entries(dir: string, run: string): Promise<JournalEntry[]> {
    const recorded = entriesOfRun(await readJournal(dir), run);
    if (recorded.some((e) => e.kind === 'run-started')) return recorded;
    const saved = this.runs.all().find((r) => r.id === run && r.dir === dir);
    return saved ? entriesFromRun(saved) : [];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = refOf(uri);
    if (!ref) return '';
    const entries = await this.entries(ref.dir, ref.run);
    if (ref.step !== undefined) return this.outputText(ref.dir, entries, ref.step);
    return runText(entries, displayLang()) ?? show(msg('journal.unknownRun', { id: ref.run, file: journalPath(ref.dir) })) + '\n';
  }

  private async outputText(dir: string, entries: JournalEntry[], index: number): Promise<string> {
    const start = entries.find((e) => e.kind === 'run-started');
    const step = start?.steps[index];
    if (!step) return show(msg('journal.unknownStep', { id: entries[0]?.run ?? '?', step: index + 1 })) + '\n';
    const proc = stepProcess(entries, index);
    if (!proc) return show(msg('journal.output.noProcess', { step: index + 1 })) + '\n';
    const file = runLogPath(dir, readAnsibleSettings(dir, process.env, os.homedir())).path;
    const lines = await readProcessLog(file, proc.logOffset, proc.pid);
    const head: Msg = msg('journal.output.title', { step: index + 1, title: step.title, file, pid: proc.pid });
    return `${show(head)}\n\n${lines.trim() ? lines.trimEnd() : show(msg('journal.output.none', { pid: proc.pid, offset: proc.logOffset }))}\n`;
  }

  private uri(ref: DocRef, label: string): vscode.Uri {
    const query = new URLSearchParams({ dir: ref.dir, run: ref.run, ...(ref.step !== undefined ? { step: String(ref.step) } : {}) }).toString();
    return vscode.Uri.from({ scheme: JOURNAL_SCHEME, path: `/${label.replace(/[/\\]/g, '_')}`, query });
  }

  /** Opens one run's document, at a step's header when `step` is given. */
  async openRun(dir: string, run: string, step?: number): Promise<vscode.TextEditor> {
    const start = (await this.entries(dir, run)).find((e) => e.kind === 'run-started');
    const label = start ? `${show(msg(`operation.${start.operation}`))} ${start.target} ${localTime(start.at)}.log` : `${run}.log`;
    const doc = await vscode.workspace.openTextDocument(this.uri({ dir, run }, label));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const line = step === undefined ? undefined : stepLines(doc)[step];
    if (line !== undefined) {
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }
    return editor;
  }

  /** Opens a playbook step's lines of Ansible's log. */
  async openOutput(dir: string, run: string, step: number): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(this.uri({ dir, run, step }, vscode.l10n.t('Output of step {0}', step + 1) + '.log'));
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  private async showHistory(target?: vscode.Uri, run?: string): Promise<void> {
    const dir = await this.folder(target);
    if (!dir) return;
    if (run) {
      await this.openRun(dir, run);
      return;
    }
    const runs = summarizeRuns(await readJournal(dir));
    if (!runs.length) {
      void vscode.window.showInformationMessage(show(msg('journal.none', { file: journalPath(dir) })));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      runs.map((r) => ({
        label: `${show(msg(`operation.${r.operation}`))} ${r.target}`,
        description: `${localTime(r.startedAt)} · ${show(statusMsg(r.status))}`,
        detail: `${r.who.user}@${r.who.hostname} · ${r.who.tool} · ${r.run}`,
        run: r.run,
      })),
      {
        title: vscode.l10n.t('TiFlash Operation History'),
        placeHolder: vscode.l10n.t('Runs recorded in {0}, newest first', vscode.workspace.asRelativePath(journalPath(dir))),
        matchOnDetail: true,
      },
    );
    if (pick) await this.openRun(dir, pick.run);
  }

  /** The tidb-ansible folder: the one given (inventory.ini or the folder), the only one, or the operator's pick. */
  private async folder(target?: vscode.Uri): Promise<string | undefined> {
    const clusters = this.ctx.inventories.list();
    const given = target && (this.ctx.inventories.forFile(target) ?? clusters.find((c) => c.dir.fsPath === target.fsPath));
    if (given) return given.dir.fsPath;
    if (clusters.length <= 1) return clusters[0]?.dir.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const pick = await vscode.window.showQuickPick(
      clusters.map((c) => ({ label: vscode.workspace.asRelativePath(c.dir), dir: c.dir.fsPath })),
      { placeHolder: vscode.l10n.t('Which tidb-ansible folder?') },
    );
    return pick?.dir;
  }

  /** "Output" above each playbook step of a run's document. */
  private async lenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const ref = refOf(doc.uri);
    if (!ref || ref.step !== undefined) return [];
    const steps = (await this.entries(ref.dir, ref.run)).find((e) => e.kind === 'run-started')?.steps ?? [];
    return stepLines(doc).flatMap((line, index) =>
      steps[index]?.kind === 'playbook'
        ? [
            new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
              title: `$(output) ${vscode.l10n.t('Output')}`,
              command: SHOW_OUTPUT,
              arguments: [ref.dir, ref.run, index],
              tooltip: vscode.l10n.t('Its lines in the Ansible log'),
            }),
          ]
        : [],
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
