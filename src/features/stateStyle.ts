// How a host's state looks everywhere (tree, CodeLens, hover): one word, one icon, one colour.

import * as vscode from 'vscode';
import type { HostStateLabel } from '../core/pd/match';

export function stateText(label: HostStateLabel): string {
  switch (label) {
    case 'Up': return vscode.l10n.t('Up');
    case 'Offline': return vscode.l10n.t('Offline');
    case 'Tombstone': return vscode.l10n.t('Tombstone');
    case 'Disconnected': return vscode.l10n.t('Disconnected');
    case 'Down': return vscode.l10n.t('Down');
    case 'NotInPd': return vscode.l10n.t('not in PD');
    case 'Unknown': return vscode.l10n.t('state unknown');
  }
}

const ICONS: Record<HostStateLabel, [string, string]> = {
  Up: ['pass-filled', 'testing.iconPassed'],
  Offline: ['sync', 'charts.yellow'],
  Tombstone: ['circle-slash', 'disabledForeground'],
  Disconnected: ['debug-disconnect', 'charts.orange'],
  Down: ['error', 'errorForeground'],
  NotInPd: ['circle-large-outline', 'descriptionForeground'],
  Unknown: ['question', 'list.warningForeground'],
};

export function stateIcon(label: HostStateLabel): vscode.ThemeIcon {
  const [id, color] = ICONS[label];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

/** Codicon text for status bar and CodeLens titles. */
export function stateCodicon(label: HostStateLabel): string {
  return `$(${ICONS[label][0]})`;
}

/** Scale in makes sense for a store that PD still serves; scale out for a host PD does not know (or retired). */
export function canScaleIn(label: HostStateLabel): boolean {
  return label === 'Up' || label === 'Offline' || label === 'Disconnected' || label === 'Down';
}

export function canScaleOut(label: HostStateLabel): boolean {
  return label === 'NotInPd' || label === 'Tombstone';
}
