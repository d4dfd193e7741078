// The plan preview in the real extension host: what the operator reviews (the step list with diffs, exact
// commands and PD requests, and VS Code's diff editors), that Cancel, closing it or a file changed since leave
// everything untouched, and that Start runs exactly the previewed steps (a golden comparison).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseInventory } from '../../src/core/inventory/parse';
import { langFromDisplay } from '../../src/core/l10n/message';
import { textOf } from '../../src/core/plan/files';
import { preview, previewText } from '../../src/core/plan/preview';
import { commandLine } from '../../src/core/plan/shell';
import type { Run } from '../../src/core/run/engine';
import type { Api } from '../../src/extension';
import type { PdSim } from '../../tools/pd-sim/server';
import { demoCluster, inventoryUri, plannedRuns, playbookSteps, pointAtSim, recordedRuns, resetRecord, waitFor, workspaceDir } from './helpers';
import { read, restoreDemo, storesFrom } from './ui.support';

const scaleIn = (host: string) => vscode.commands.executeCommand<Run | undefined>('tiflash.scaleIn', inventoryUri(), host);
const filesNow = () => ({ inventory: textOf(parseInventory(read('inventory.ini'))), hosts: textOf(parseInventory(read('hosts.ini'))) });
const previewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        (t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'tiflash-preview') ||
        (t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'tiflash-preview'),
    );

describe('plan preview', function () {
  this.timeout(90_000);
  let a: Api;
  let sim: PdSim;
  before(async () => {
    a = await restoreDemo();
    sim = await pointAtSim({ ...demoCluster(), regionsPerTick: 600 });
    await storesFrom(a, sim);
  });
  after(async () => {
    await sim.close();
    await restoreDemo();
  });

  afterEach(async () => {
    for (const p of a.ui.previews.openPreviews()) await vscode.commands.executeCommand('tiflash.preview.cancel', p.doc);
  });

  async function opened() {
    const [p] = await waitFor('a plan preview', () => (a.ui.previews.openPreviews().length ? a.ui.previews.openPreviews() : undefined));
    return { ...p, doc: await vscode.workspace.openTextDocument(p.doc) };
  }

  it("shows every step with its diff, exact command or PD request, VS Code's diffs of both files, and Start / Cancel", async () => {
    const before = filesNow();
    const running = scaleIn('TiFlash12-2');
    const p = await opened();
    const text = p.doc.getText();
    assert.equal(text, previewText(preview(p.plan, before), langFromDisplay(vscode.env.language)));
    for (const s of p.plan.steps) if (s.kind === 'playbook') assert.ok(text.includes(`\n    ${commandLine(s.argv)}\n`), commandLine(s.argv));
    assert.match(text, /\n {4}DELETE \/pd\/api\/v1\/store\/55\n/);
    assert.match(text, /\n--- a\/inventory\.ini\n\+\+\+ b\/inventory\.ini\n@@ [^\n]+ @@\n(?:[ +-][^\n]*\n)*-TiFlash12-2 ansible_host=192\.168\.0\.12 /);
    assert.match(text, /Ends when PD reports store 55 Tombstone/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), p.doc.uri.toString(), 'the preview is in front');
    // VS Code's own diff editor for inventory.ini as the plan leaves it (hosts.ini keeps 192.168.0.12: TiFlash12-1 runs there)
    assert.deepEqual(
      p.files.map((f) => f.name),
      ['inventory.ini'],
    );
    const diffTab = previewTabs().find((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.ok(diffTab, 'a diff editor is open');
    const after = (await vscode.workspace.openTextDocument(p.files[0].after)).getText();
    assert.equal(after, preview(p.plan, before).files[0].after);
    assert.ok(!/^TiFlash12-2 /m.test(after));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', p.doc.uri);
    assert.deepEqual(
      lenses.map((l) => l.command?.command),
      ['tiflash.preview.start', 'tiflash.preview.cancel', 'tiflash.preview.diff'],
    );

    resetRecord();
    await vscode.commands.executeCommand('tiflash.preview.cancel', p.doc.uri);
    assert.equal(await running, undefined, 'Cancel starts nothing');
    assert.deepEqual(
      sim.requests.filter((r) => r.method !== 'GET'),
      [],
      'no PD write',
    );
    assert.deepEqual(recordedRuns(), []);
    assert.deepEqual(filesNow(), before);
    await waitFor('the preview tabs closed', () => previewTabs().length === 0);
  });

  it('cancels when the preview is closed', async () => {
    const running = scaleIn('TiFlash12-2');
    const p = await opened();
    assert.equal(vscode.window.activeTextEditor?.document, p.doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(await running, undefined);
    assert.deepEqual(
      sim.requests.filter((r) => r.method !== 'GET'),
      [],
    );
  });

  it('starts nothing when inventory.ini changed after the preview was made', async () => {
    const running = scaleIn('TiFlash12-2');
    const p = await opened();
    fs.appendFileSync(path.join(workspaceDir(), 'inventory.ini'), '# edited while the preview was open\n');
    await vscode.commands.executeCommand('tiflash.preview.start', p.doc.uri);
    assert.equal(await running, undefined, 'the stale preview does not start');
    assert.deepEqual(
      sim.requests.filter((r) => r.method !== 'GET'),
      [],
    );
    await restoreDemo();
  });

  it('starts nothing while inventory.ini has unsaved edits', async () => {
    const running = scaleIn('TiFlash12-2');
    const p = await opened();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inventoryUri()));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# not saved\n'));
    try {
      await vscode.commands.executeCommand('tiflash.preview.start', p.doc.uri);
      assert.equal(await running, undefined);
      assert.deepEqual(
        sim.requests.filter((r) => r.method !== 'GET'),
        [],
      );
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(
        'the edit reverted, and read again',
        () => !editor.document.isDirty && textOf(a.ctx.inventories.list()[0].inventory) === filesNow().inventory,
      );
    }
  });

  it('Start runs exactly the previewed steps (golden): the same steps, commands and PD requests', async () => {
    const before = filesNow();
    resetRecord();
    const running = scaleIn('TiFlash12-2');
    const p = await opened();
    const shown = p.doc.getText();
    await vscode.commands.executeCommand('tiflash.preview.start', p.doc.uri);
    const run = await running;
    assert.equal(run?.status, 'done', JSON.stringify(run?.steps.map((s, i) => [i, s.status, s.reason])));
    assert.deepEqual(run.plan.steps, p.plan.steps, 'the run executed the previewed plan');
    assert.equal(
      previewText(preview({ ...p.plan, steps: run.plan.steps }, before), langFromDisplay(vscode.env.language)),
      shown,
      'the executed steps preview as what was shown',
    );
    assert.deepEqual(recordedRuns(), plannedRuns(playbookSteps(run)), 'the playbooks ran as previewed');
    const writes = sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(
      writes,
      run.plan.steps.flatMap((s) => (s.kind === 'pd' ? s.requests.map((r) => `${r.method} ${r.path}`) : [])),
      'PD got exactly the previewed writes',
    );
    assert.equal(read('inventory.ini'), preview(p.plan, before).files.find((f) => f.name === 'inventory.ini')!.after, 'inventory.ini is as previewed');
  });
});
