// Validation as you type: the core rules over each cluster's inventory.ini and hosts.ini,
// published as diagnostics (rule id as code) with their quick fixes, in VS Code's display language.

import * as vscode from 'vscode';
import { langFromDisplay, render } from '../../core/l10n/message';
import { validate } from '../../core/validation';
import type { FileRole, Finding } from '../../core/validation/types';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { isIp } from '../../core/validation/helpers';
import { NameResolver } from './nameResolver';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

interface LastRun {
  inventory: Cluster['inventory'];
  hosts: Cluster['hosts'];
  /** How many domain names were resolved: a new answer can bring a quick fix. */
  names: number;
  findings: Finding[];
}

export class InventoryDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('tiflash');
  private readonly findings = new Map<string, { cluster: Cluster; findings: Finding[] }>();
  private readonly names = new NameResolver();
  private lastRuns = new Map<string, LastRun>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ctx: Ctx) {
    this.disposables = [
      this.collection,
      this.names,
      ctx.inventories.onDidChange(() => this.update()),
      this.names.onDidResolve(() => this.update()),
      vscode.languages.registerCodeActionsProvider(
        [
          { scheme: 'file', pattern: '**/inventory.ini' },
          { scheme: 'file', pattern: '**/hosts.ini' },
        ],
        this,
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
    ];
  }

  private update(): void {
    this.collection.clear();
    this.findings.clear();
    const runs = new Map<string, LastRun>();
    for (const cluster of this.ctx.inventories.list()) {
      const run = this.validated(cluster);
      runs.set(cluster.dir.fsPath, run);
      for (const role of ['inventory', 'hosts'] as FileRole[]) {
        const uri = this.uriOf(cluster, role);
        const mine = run.findings.filter((f) => f.file === role);
        this.findings.set(uri.toString(), { cluster, findings: mine });
        this.collection.set(uri, mine.map(toDiagnostic));
      }
    }
    this.lastRuns = runs;
  }

  /** A cluster whose files and resolved names did not change keeps its findings (typing in one folder leaves the others alone). */
  private validated(cluster: Cluster): LastRun {
    const last = this.lastRuns.get(cluster.dir.fsPath);
    const names = this.names.names.size;
    if (last && last.inventory === cluster.inventory && last.hosts === cluster.hosts && last.names === names) return last;
    this.names.request(cluster.tiflash.map((h) => h.address).filter((a) => !isIp(a)));
    return { inventory: cluster.inventory, hosts: cluster.hosts, names, findings: validate(cluster.inventory, cluster.hosts, this.names.names) };
  }

  private uriOf(cluster: Cluster, role: FileRole): vscode.Uri {
    return role === 'inventory' ? cluster.inventoryUri : cluster.hostsUri;
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const entry = this.findings.get(doc.uri.toString());
    if (!entry) return [];
    const out: vscode.CodeAction[] = [];
    for (const f of entry.findings) {
      const diagnostic = toDiagnostic(f);
      if (!f.fixes || !diagnostic.range.intersection(range)) continue;
      for (const fix of f.fixes) {
        const action = new vscode.CodeAction(render(fix.title, lang()), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) {
          const { start, end } = e.edit.range;
          action.edit.replace(this.uriOf(entry.cluster, e.file), new vscode.Range(start.line, start.character, end.line, end.character), e.edit.newText);
        }
        action.diagnostics = [diagnostic];
        action.isPreferred = f.fixes.length === 1;
        out.push(action);
      }
    }
    return out;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

const lang = () => langFromDisplay(vscode.env.language);

function toDiagnostic(f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(f.line, f.start, f.line, Math.max(f.end, f.start)), render(f.message, lang()), SEVERITY[f.severity]);
  d.source = 'tiflash';
  d.code = f.rule;
  return d;
}
