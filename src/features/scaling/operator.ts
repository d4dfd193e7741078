// Every question the operator answers during an operation, in one place. VS Code dialogs by default; the
// extension's own tests script the answers (commands.ts accepts a script only in ExtensionMode.Test).

import * as vscode from 'vscode';
import type { FileTexts } from '../../core/plan/files';
import type { Plan } from '../../core/plan/types';
import type { Choice } from '../../core/run/engine';
import type { ResumeAdvice, ResumeOption } from '../../core/run/resume';
import type { Cluster } from '../../inventories';
import type { ScaleOutSpec } from '../../core/plan/scaleOutSpec';
import { confirmPlan } from '../preview/confirmPlan';
import { askScaleOut } from '../scaleOutForm/askScaleOut';
import { show } from '../text';

export type Level = 'info' | 'warning' | 'error';

export interface Operator {
  /** What to scale out: the form (IP, alias, directories, ports), prefilled for `address`; undefined when cancelled. */
  scaleOutSpec(cluster: Cluster, address?: string): Promise<ScaleOutSpec | undefined>;
  /** Start exactly this plan? (the preview) */
  confirmPlan(cluster: Cluster, plan: Plan, files: FileTexts): Promise<boolean>;
  /** Go on although `reason` (a confirmable block, an offer such as enabling placement rules)? */
  consent(reason: string, action: string): Promise<boolean>;
  /** Force Tombstone: the store id typed back. */
  typedStoreId(storeId: string): Promise<boolean>;
  /** A step failed: retry, skip or abort. Nothing (a dismissed dialog) is abort. */
  decide(what: string, why: string, choices: Choice[]): Promise<Choice>;
  /** After a reload: how an interrupted run goes on; undefined leaves it interrupted (the Resume command asks again). */
  resume(what: string, advice: ResumeAdvice): Promise<ResumeOption | undefined>;
  /** A reminder with one action, that waits without blocking anything; true when the operator took the action. */
  remind(text: string, action: string): Promise<boolean>;
  /** Says something; a modal message waits for the operator. */
  tell(level: Level, text: string, detail?: string, modal?: boolean): void;
  /** A wait began; `cancel` ends it as the progress notification's Cancel does (scripted tests press it). */
  waitStarted(cancel: () => void): void;
  /** What the wait's progress notification says now. */
  waitProgress(detail: string): void;
}

/** What the tests may script; `assumeYes` answers every question with yes (and a failed step with Abort). */
export interface RunOptions {
  assumeYes?: boolean;
  /** Checks the operator confirmed up front (`last-store`). */
  confirmed?: string[];
  operator?: Partial<Operator>;
}

const CHOICE_LABEL = (): Record<Choice, string> => ({ retry: vscode.l10n.t('Retry'), skip: vscode.l10n.t('Skip'), abort: vscode.l10n.t('Abort') });

const RESUME_LABEL = (): Record<ResumeOption, string> => ({
  watch: vscode.l10n.t('Watch it end'),
  again: vscode.l10n.t('Run the step again'),
  done: vscode.l10n.t('It is done: go on'),
  abort: vscode.l10n.t('Abort the operation'),
});

function showMessage(level: Level, text: string, options: vscode.MessageOptions): Thenable<string | undefined> {
  if (level === 'error') return vscode.window.showErrorMessage(text, options);
  return level === 'warning' ? vscode.window.showWarningMessage(text, options) : vscode.window.showInformationMessage(text, options);
}

const dialogs: Operator = {
  scaleOutSpec: askScaleOut,
  confirmPlan,
  async consent(reason, action) {
    return (await vscode.window.showWarningMessage(reason, { modal: true }, action)) === action;
  },
  async typedStoreId(storeId) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Force store {0} to Tombstone', storeId),
      // the l10n key stays on the line of its l10n.t call, which max-len exempts
      // prettier-ignore
      prompt: vscode.l10n.t('PD drops its replicas immediately: queries that read TiFlash may fail until replicas are rebuilt elsewhere. Never for TiKV. Type the store id to confirm.'),
      validateInput: (v) => (v.trim() === storeId ? undefined : vscode.l10n.t('Type {0} to confirm', storeId)),
    });
    return typed?.trim() === storeId;
  },
  async decide(what, why, choices) {
    const labels = CHOICE_LABEL();
    const pick = await vscode.window.showErrorMessage(what, { modal: true, detail: why }, ...choices.map((c) => labels[c]));
    return choices.find((c) => labels[c] === pick) ?? 'abort';
  },
  async resume(what, advice) {
    const labels = RESUME_LABEL();
    const order = [advice.recommended, ...advice.options.filter((o) => o !== advice.recommended)];
    const pick = await vscode.window.showWarningMessage(`${what}\n${show(advice.message)}`, ...order.map((o) => labels[o]));
    return order.find((o) => labels[o] === pick);
  },
  async remind(text, action) {
    return (await vscode.window.showWarningMessage(text, action)) === action;
  },
  tell(level, text, detail, modal) {
    void showMessage(level, text, { modal: !!modal, detail });
  },
  waitStarted() {
    // the progress notification has its own Cancel
  },
  waitProgress() {
    // the progress notification shows it
  },
};

/** Yes to every question; a failed step is aborted; nothing modal. */
const yes: Partial<Operator> = {
  // an address given is taken as it is; without one the operator is still asked (the form)
  scaleOutSpec: (cluster, address) => (address ? Promise.resolve({ address }) : askScaleOut(cluster)),
  confirmPlan: () => Promise.resolve(true),
  consent: () => Promise.resolve(true),
  remind: () => Promise.resolve(true),
  typedStoreId: () => Promise.resolve(true),
  decide: () => Promise.resolve('abort'),
  tell: (level, text, detail) => dialogs.tell(level, text, detail, false),
};

export function operatorFor(opts: RunOptions): Operator {
  return { ...dialogs, ...(opts.assumeYes ? yes : {}), ...opts.operator };
}
