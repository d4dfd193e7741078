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
  private readonly restoring = new Set<string>();
  private warned = false;
  private disposed = false;

  /** `released` is asked every 250 ms whether the wait for the password is over. */
  constructor(
    private readonly terminal: vscode.Terminal,
    private readonly warn: (file: string) => void,
    released: () => Promise<boolean>,
  ) {
    for (const d of vscode.workspace.textDocuments) this.remember(d);
    this.poll = setInterval(() => void released().then((yes) => yes && this.dispose()), 250);
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.remember(d)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.undo(e.document)),
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

  private undo(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const was = this.snapshots.get(key);
    if (this.disposed || !was || doc.getText() === was.text || this.restoring.has(key)) return;
    // one restore per document at a time: each keystroke is an event, and an edit built on an older version fails
    this.restoring.add(key);
    void this.restore(doc, was).finally(() => {
      this.restoring.delete(key);
      this.undo(doc);
    });
  }

  private async restore(doc: vscode.TextDocument, was: Snapshot): Promise<void> {
    for (let tries = 0; tries < 20 && doc.getText() !== was.text; tries++) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), was.text);
      if (!(await vscode.workspace.applyEdit(edit))) await new Promise((r) => setTimeout(r, 20));
    }
    if (!was.dirty && doc.isDirty && doc.getText() === was.text) await doc.save();
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
