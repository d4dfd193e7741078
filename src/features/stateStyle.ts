// How a host's state looks everywhere (tree, CodeLens, status bar): one icon and one colour per state.
// The words come from the read model (core/model/present), the actions from its rows.

import * as vscode from 'vscode';
import type { HostStateLabel } from '../core/model/types';
import { stateMsg } from '../core/pd/match';
import { show } from './text';

/** The state word in VS Code's display language. */
export const stateText = (label: HostStateLabel): string => show(stateMsg(label));

const ICONS: Record<HostStateLabel, [string, string]> = {
  Up: ['pass-filled', 'testing.iconPassed'],
  Offline: ['sync', 'charts.yellow'],
  Tombstone: ['circle-slash', 'disabledForeground'],
  Disconnected: ['debug-disconnect', 'charts.orange'],
  Down: ['error', 'errorForeground'],
  NotInPd: ['circle-large-outline', 'descriptionForeground'],
  Unknown: ['question', 'list.warningForeground'],
};

/** A state shown with an age (PD fails since) loses its colour: it is what PD said, not what is. */
export function stateIcon(label: HostStateLabel, stale = false): vscode.ThemeIcon {
  const [id, color] = ICONS[label];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(stale ? 'disabledForeground' : color));
}

/** Codicon text for status bar and CodeLens titles. */
export function stateCodicon(label: HostStateLabel): string {
  return `$(${ICONS[label][0]})`;
}
