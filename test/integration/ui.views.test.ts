// The operation view and the journal in the real extension host: every step state looks different, a failed
// step shows its exit code and reason, the wipe notice stays with each directory once, and a click opens the
// step's output, its diff or its place in the run's journal; "Show Operation History" opens a recorded run.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { msg } from '../../src/core/l10n/message';
import { startRun, type Run, type StepRecord } from '../../src/core/run/engine';
import type { Api } from '../../src/extension';
import { demoScaleIn, RUN_ID, writeDemoJournal } from '../support/journalFixture';
import { waitFor, workspaceDir } from './helpers';
import { restoreDemo } from './ui.support';

/** A scale-in saved with one step in each state the view must tell apart. */
function savedRun(status: Run['status'], records: Partial<StepRecord>[]): Run {
  const run = startRun(demoScaleIn(), { id: `view-${status}-${Date.now()}`, dir: workspaceDir(), at: Date.now() });
  return { ...run, status, steps: run.steps.map((s, i) => ({ ...s, ...records[i] })) };
}

const iconOf = (item: vscode.TreeItem) =>
  item.iconPath instanceof vscode.ThemeIcon ? `${item.iconPath.id}${item.iconPath.color ? `:${item.iconPath.color.id}` : ''}` : '';
const activeText = () => waitFor('an editor', () => vscode.window.activeTextEditor?.document.getText() || undefined);

describe('operation view', function () {
  this.timeout(60_000);
  let a: Api;
  before(async () => (a = await restoreDemo()));
  after(() => fs.rmSync(path.join(workspaceDir(), 'log'), { recursive: true, force: true }));

  it('tells done, skipped, failed (exit code, reason), cancelled, shown, running and not-run steps apart', async () => {
    const plan = demoScaleIn();
    const at = (id: string) => plan.steps.findIndex((s) => s.id === id);
    const reason = msg('run.recap.unreachable', { host: '192.168.0.11' });
    const states: Partial<StepRecord>[] = [];
    states[at('delete-store')] = { status: 'done', attempts: 1 };
    states[at('wait-tombstone')] = { status: 'cancelled', attempts: 1, reason: msg('bridge.text', { reason: 'Stopped waiting.' }) };
    states[at('stop')] = { status: 'failed', attempts: 2, exitCode: 4, reason };
    states[at('refresh-prometheus')] = { status: 'skipped', attempts: 1, exitCode: 2 };
    states[at('grafana')] = { status: 'shown', attempts: 1 };
    states[at('wipe')] = { status: 'shown', attempts: 1 };
    await a.ui.runs.save(savedRun('aborted', states));
    const items = a.ui.operationView.getChildren().map((n) => a.ui.operationView.getTreeItem(n));
    const item = (id: string) => items[at(id)];
    const looks = ['delete-store', 'wait-tombstone', 'stop', 'refresh-prometheus', 'grafana', 'remove-inventory'].map((id) => iconOf(item(id)));
    assert.equal(new Set(looks).size, looks.length, `each state has its own look: ${looks.join(', ')}`);
    assert.ok(!iconOf(item('grafana')).startsWith('pass'), 'an informational step is not a check mark');
    assert.ok(!iconOf(item('wait-tombstone')).includes('iconFailed'), 'a cancel is not an error');
    assert.match(String(item('stop').description), /exit code 4/);
    const tip = (item('stop').tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.match(tip, /192\.168\.0\.11 was unreachable/);
    assert.match(tip, /attempt 2/);
    assert.match(String(item('remove-inventory').description), /not run/, 'after Abort the steps that never ran say so');
    assert.match(String(item('refresh-prometheus').description), /skipped/);

    // the wipe notice stays, one directory a row, with what still runs there
    const wipe = a.ui.operationView.getChildren().find((n) => n.kind === 'step' && n.step.id === 'wipe')!;
    assert.equal(a.ui.operationView.getTreeItem(wipe).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const rows = a.ui.operationView.getChildren(wipe).map((n) => a.ui.operationView.getTreeItem(n).label as string);
    assert.deepEqual(rows.slice(0, -1), ['/data1/tiflash/data', '/data2/tiflash/data']);
    assert.match(rows[rows.length - 1], /Scale-in does not delete data/);
  });

  it('shows a failed step waiting for a choice and a running step with what it waits for', async () => {
    const plan = demoScaleIn();
    const at = (id: string) => plan.steps.findIndex((s) => s.id === id);
    const waiting: Partial<StepRecord>[] = [];
    waiting[at('delete-store')] = { status: 'done', attempts: 1 };
    waiting[at('wait-tombstone')] = { status: 'failed', attempts: 1, reason: msg('run.wait.storeGone', { id: '53' }) };
    await a.ui.runs.save(savedRun('waiting', waiting));
    let items = a.ui.operationView.getChildren().map((n) => a.ui.operationView.getTreeItem(n));
    assert.match(String(items[at('wait-tombstone')].description), /waiting for your choice/);
    assert.equal(iconOf(items[at('remove-inventory')]), 'circle-large-outline', 'pending, not "not run", while the run goes on');

    const running: Partial<StepRecord>[] = [];
    running[at('delete-store')] = { status: 'done', attempts: 1 };
    running[at('wait-tombstone')] = { status: 'running', attempts: 1, startedAt: Date.now() };
    await a.ui.runs.save(savedRun('running', running));
    items = a.ui.operationView.getChildren().map((n) => a.ui.operationView.getTreeItem(n));
    assert.equal(iconOf(items[at('wait-tombstone')]), 'loading~spin');
    assert.match(String(items[at('wait-tombstone')].description), /waits for PD to report store 53 Tombstone/);
    await waitFor('the view opened for the running run', () => a.ui.operationView.visible);
  });

  it("opens a step's output, its diff, and its place in the journal; the history command opens a recorded run", async () => {
    const plan = await writeDemoJournal(workspaceDir());
    const at = (id: string) => plan.steps.findIndex((s) => s.id === id);
    const records: Partial<StepRecord>[] = plan.steps.map(() => ({ status: 'done', attempts: 1 }));
    await a.ui.runs.save({ ...savedRun('done', records), id: RUN_ID, plan: { steps: plan.steps, warnings: plan.warnings } });
    const click = async (id: string) => {
      const cmd = a.ui.operationView.getTreeItem(a.ui.operationView.getChildren()[at(id)]).command!;
      await vscode.commands.executeCommand(cmd.command, ...((cmd.arguments ?? []) as unknown[]));
    };

    await click('stop');
    const output = await activeText();
    assert.match(output, /process 4343/);
    assert.match(output, /TASK \[stop TiFlash\] \*\*\*\*\nPLAY RECAP \*\*\*\*\n192\.168\.0\.11 : ok=3 changed=1/);
    assert.doesNotMatch(output, /somebody else|an earlier run/, "only the step's own process after its offset");

    await click('remove-inventory');
    const diff = await waitFor('a diff editor', () =>
      vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff
        ? vscode.window.tabGroups.activeTabGroup.activeTab.input
        : undefined,
    );
    const [before, after] = await Promise.all([diff.original, diff.modified].map(async (u) => (await vscode.workspace.openTextDocument(u)).getText()));
    assert.match(before, /^192\.168\.0\.11 data_dir=/m);
    assert.doesNotMatch(after, /^192\.168\.0\.11\b/m, 'the diff removes 192.168.0.11');

    await click('delete-store');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'tiflash-journal');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^ 1\. Delete store 53/);
    assert.match(editor.document.getText(), /PD DELETE \/pd\/api\/v1\/store\/53 answered 200: null/);

    await vscode.commands.executeCommand('tiflash.showHistory', vscode.Uri.file(path.join(workspaceDir(), 'inventory.ini')), RUN_ID);
    const doc = await waitFor('the run document', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'tiflash-journal' ? vscode.window.activeTextEditor.document : undefined,
    );
    assert.match(doc.getText(), /^Operation: scale-in of 192\.168\.0\.11\nStarted .* by tidb@ops-1/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const outputs = lenses.filter((l) => l.command?.command === 'tiflash.journal.showOutput');
    assert.deepEqual(
      outputs.map((l) => (l.command!.arguments as unknown[])[2]),
      plan.steps.flatMap((s, i) => (s.kind === 'playbook' ? [i] : [])),
      'an Output lens on each playbook step',
    );
  });
});
