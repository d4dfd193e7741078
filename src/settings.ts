// The `tiflash.*` settings, read in one place: typed and checked against package.json's own schema (so
// defaults are declared once, there), and opened where their value lives.

import * as vscode from 'vscode';
import { contributedProperties, readSettings, SECTION, whereToEdit, type Contributed, type SettingKey, type SettingValues } from './core/settings/schema';

const OPEN_COMMAND = {
  user: 'workbench.action.openSettings',
  workspace: 'workbench.action.openWorkspaceSettings',
  // asks which folder in a multi-root workspace
  folder: 'workbench.action.openFolderSettings',
} as const;

export class Settings implements vscode.Disposable {
  private readonly contributed: Contributed;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** A `tiflash.*` setting changed somewhere (readers compare what they use). */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly reported = new Set<string>();

  constructor(
    packageJson: unknown,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.contributed = contributedProperties(packageJson);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) this.emitter.fire();
    });
  }

  /** Every setting as it applies to `folder` (a tidb-ansible folder); a value the schema rejects is logged once and replaced by its default. */
  of(folder?: vscode.Uri): SettingValues {
    const cfg = vscode.workspace.getConfiguration(SECTION, folder);
    const { values, problems } = readSettings(this.contributed, (key) => cfg.get(key));
    for (const p of problems) {
      const said = `${p.key}=${JSON.stringify(p.value)}`;
      if (this.reported.has(said)) continue;
      this.reported.add(said);
      this.log.warn(`${SECTION}.${p.key} = ${JSON.stringify(p.value)} is not a valid value: its default ${JSON.stringify(values[p.key])} is used`);
    }
    return values;
  }

  /** Opens the settings editor where `key` is set for `folder` (folder or workspace before user), on that setting. */
  async open(key: SettingKey, folder?: vscode.Uri): Promise<void> {
    const inspected = vscode.workspace.getConfiguration(SECTION, folder).inspect(key) ?? {};
    const where = whereToEdit(inspected, vscode.workspace.workspaceFile !== undefined);
    await vscode.commands.executeCommand(OPEN_COMMAND[where], { query: `${SECTION}.${key}` });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
