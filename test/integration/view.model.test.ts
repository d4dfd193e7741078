// The views render the cluster's read model, once per change: tree rows, tooltips with PD's version and
// relative times, context values per PD version, and settings that restart only what they affect.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostNode } from '../../src/features/hostsView/hostsView';
import { api, demoCluster, inventoryUri, pointAtSim, waitFor } from './helpers';

const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const tooltip = (item: vscode.TreeItem) => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''));

describe('views of the read model', function () {
  this.timeout(60_000);

  it("lists hosts once each, with PD's version, relative times and the actions the version allows", async () => {
    const file = demoCluster();
    file.stores.find((s) => s.store.id === 54)!.store.state = 1;
    const sim = await pointAtSim({ ...file, regionsPerTick: 0 });
    const a = await api();
    const cluster = a.ctx.inventories.list()[0];
    await waitFor("PD's version", () => a.ctx.stores.model(cluster).version);
    const nodes = a.hostsView.getChildren().filter((n): n is Extract<HostNode, { kind: 'host' }> => n.kind === 'host');
    const items = nodes.map((n) => a.hostsView.getTreeItem(n));
    assert.deepEqual(
      items.map((i) => `${label(i)} | ${description(i)}`),
      [
        '192.168.0.11 | Up',
        `TiFlash12-1 | 192.168.0.12 · Offline · ${sim.cluster.find(54)!.region_count} regions`,
        'TiFlash12-2 | 192.168.0.12 · Up',
        '192.168.0.13 | not in PD',
        'store 61 | 192.168.0.19:3930 · Tombstone · not in inventory',
      ],
    );
    assert.deepEqual(
      items.map((i) => i.contextValue),
      [
        'tiflashHost.Up.scaleIn',
        'tiflashHost.Offline.scaleIn.cancelScaleIn.forceTombstone',
        'tiflashHost.Up.scaleIn',
        'tiflashHost.NotInPd.scaleOut',
        'tiflashOrphan.Tombstone',
      ],
    );
    const tip = tooltip(a.hostsView.resolveTreeItem(items[0], nodes[0]));
    assert.match(tip, /\| PD version \| v?4\.0\.9 \|/);
    assert.match(tip, /\| Last heartbeat \| (\d+ s ago|just now) \(local time [^)]+\) \|/, tip);
    assert.doesNotMatch(tip, /\d{4}-\d\d-\d\dT\d\d:/, 'no ISO timestamps');
  });

  it('renders once per change: the tree refreshes exactly when the model changes, an edit of the inventory is one change', async () => {
    const a = await api();
    let models = 0;
    let trees = 0;
    const subs = [a.ctx.stores.onDidChange(() => models++), a.hostsView.onDidChangeTreeData(() => trees++)];
    try {
      const doc = await vscode.workspace.openTextDocument(inventoryUri());
      await vscode.window.showTextDocument(doc);
      const before = models;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '# a comment\n');
      await vscode.workspace.applyEdit(edit);
      // asked before the edit is parsed, and after: a state lens sits only on its own host's line
      const onOwnLine = async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
        const states = lenses.filter((l) => l.command?.command === 'tiflash.revealHost');
        for (const l of states)
          assert.ok(
            doc.lineAt(l.range.start.line).text.startsWith(l.command!.arguments![1] as string),
            `a lens of ${String(l.command!.arguments![1])} on «${doc.lineAt(l.range.start.line).text}»`,
          );
        return states.length;
      };
      await onOwnLine();
      await waitFor('the inventory read again', () => a.ctx.inventories.list()[0].inventory.lines[0] === '# a comment');
      assert.equal(await onOwnLine(), 4);
      await new Promise((r) => setTimeout(r, 1500));
      assert.ok(models > before, 'the edit changed the model');
      assert.equal(trees, models, `${trees} tree refreshes for ${models} model changes`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      for (const s of subs) s.dispose();
    }
  });

  it('restarts the PD module for a connection setting only: intervals and the stuck-drain duration keep it', async () => {
    const a = await api();
    const cluster = () => a.ctx.inventories.list()[0];
    const cfg = vscode.workspace.getConfiguration('tiflash');
    const first = a.ctx.stores.get(cluster())!.api;
    await cfg.update('pollIntervalIdleMs', 1500, vscode.ConfigurationTarget.Workspace);
    await cfg.update('stuckDrainSeconds', 30, vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings', () => a.ctx.settings.of(cluster().dir).stuckDrainSeconds === 30);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(a.ctx.stores.get(cluster())!.api, first, 'the same PD module');
    await cfg.update('requestTimeoutMs', 4000, vscode.ConfigurationTarget.Workspace);
    await waitFor('a new PD module', () => a.ctx.stores.get(cluster())!.api !== first);
    await waitFor('stores through it', () => a.ctx.stores.get(cluster())!.stores);
  });
});
