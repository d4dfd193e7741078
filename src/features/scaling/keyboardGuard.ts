// While a playbook waits for the SSH password (`-k`), the keyboard belongs to its terminal. An editor that
// takes the focus hands it back to the terminal, and text typed into a file meanwhile is undone at once (before
// auto-save can write a password to disk). The guard ends when the process logs its first line: Ansible asks for
// passwords before it logs anything.

import * as vscode from 'vscode';

interface Snapshot {
  text: string;
  dirty: boolean;
}

const GUARDED_SCHEMES = ['file', 'untitled'];

export class KeyboardGuard implements vscode.Disposable {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly poll: ReturnType<typeof setInterval>;
  private warned = false;
  private disposed = false;

  /** `released` is asked every 250 ms whether the wait for the password is over. */
  constructor(private readonly terminal: vscode.Terminal, private readonly warn: (file: string) => void, released: () => Promise<boolean>) {
    for (const d of vscode.workspace.textDocuments) this.remember(d);
    this.poll = setInterval(() => void released().then((yes) => yes && this.dispose()), 250);
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.remember(d)),
      vscode.workspace.onDidChangeTextDocument((e) => void this.undo(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.kind !== undefined) this.refocus();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e) this.refocus();
      }),
    ];
    this.refocus();
  }

  private remember(d: vscode.TextDocument): void {
    if (GUARDED_SCHEMES.includes(d.uri.scheme)) this.snapshots.set(d.uri.toString(), { text: d.getText(), dirty: d.isDirty });
  }

  private refocus(): void {
    if (!this.disposed) this.terminal.show(false);
  }

  private async undo(e: vscode.TextDocumentChangeEvent): Promise<void> {
    const was = this.snapshots.get(e.document.uri.toString());
    if (this.disposed || !was || !e.contentChanges.length || e.document.getText() === was.text) return;
    const doc = e.document;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), was.text);
    await vscode.workspace.applyEdit(edit);
    if (!was.dirty && doc.getText() === was.text) await doc.save();
    this.refocus();
    if (!this.warned) {
      this.warned = true;
      this.warn(vscode.workspace.asRelativePath(doc.uri));
    }
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.poll);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
