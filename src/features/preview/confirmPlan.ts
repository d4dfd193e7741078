// Shows a plan before it runs and asks for Start. (Interim: a modal with the preview text; to become a
// read-only preview document with VS Code's diff editors for inventory.ini and hosts.ini.)

import * as vscode from 'vscode';
import type { FileTexts } from '../../core/plan/files';
import { preview, previewText } from '../../core/plan/preview';
import type { Plan } from '../../core/plan/types';
import type { Cluster } from '../../inventories';
import { displayLang, show } from '../text';

/** True when the operator chose Start for exactly this plan. */
export async function confirmPlan(_cluster: Cluster, plan: Plan, files: FileTexts): Promise<boolean> {
  const text = previewText(preview(plan, files), displayLang());
  const go = vscode.l10n.t('Start');
  return (await vscode.window.showWarningMessage(show(plan.steps[0].title), { modal: true, detail: text }, go)) === go;
}
