// Read-only documents whose text the extension holds (a plan preview, the files as a plan leaves them):
// VS Code shows them like files, with its own diff editor, and nobody can save over anything through them.

import * as vscode from 'vscode';

export class VirtualDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration: vscode.Disposable;

  constructor(readonly scheme: string) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): vscode.Uri {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
    return uri;
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}

/** Closes every editor tab that shows one of `uris` (alone or as a side of a diff). */
export async function closeTabs(uris: readonly vscode.Uri[]): Promise<void> {
  const keys = new Set(uris.map((u) => u.toString()));
  const shows = (input: unknown) =>
    (input instanceof vscode.TabInputText && keys.has(input.uri.toString())) ||
    (input instanceof vscode.TabInputTextDiff && (keys.has(input.original.toString()) || keys.has(input.modified.toString())));
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => shows(t.input));
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}
