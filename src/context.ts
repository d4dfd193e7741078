// What the features share: the extension context, the log, the settings, the inventories and the PD monitor
// (with each cluster's read model). It owns every disposable the extension creates.

import * as vscode from 'vscode';
import { Inventories } from './inventories';
import { Settings } from './settings';
import { StoreMonitor } from './stores';

export class Ctx implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly settings: Settings;
  readonly inventories: Inventories;
  readonly stores: StoreMonitor;
  private readonly owned: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.own(vscode.window.createOutputChannel('TiFlash', { log: true }));
    this.settings = this.own(new Settings(extension.extension.packageJSON, this.log));
    this.inventories = this.own(new Inventories());
    this.stores = this.own(new StoreMonitor(this.inventories, this.settings, this.log));
  }

  own<T extends vscode.Disposable>(d: T): T {
    this.owned.push(d);
    return d;
  }

  /** Actions that run playbooks, call PD or edit files need a trusted workspace. */
  requireTrust(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('This workspace is not trusted: TiFlash actions that run playbooks, call PD or edit files are disabled.'),
    );
    return false;
  }

  dispose(): void {
    for (const d of this.owned.reverse()) d.dispose();
  }
}
