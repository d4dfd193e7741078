// What to scale out: (interim) the IP of the new TiFlash node; to become a form with alias, directories and ports.

import * as vscode from 'vscode';
import type { ScaleOutSpec } from '../../core/plan/scaleOutSpec';
import type { Cluster } from '../../inventories';

export async function askScaleOut(_cluster: Cluster, address?: string): Promise<ScaleOutSpec | undefined> {
  const value = address ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('TiFlash: Scale Out'),
    prompt: vscode.l10n.t('IP address of the new TiFlash node'),
    validateInput: (v) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter an IP address: TiFlash hosts must be IP addresses')),
  }))?.trim();
  return value ? { address: value } : undefined;
}
