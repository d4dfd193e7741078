// Honest state in the real extension host: with the default poll intervals and an operation running, PD killed
// and restored shows in the tree, the CodeLens and the status bar within about 5 s both ways; meanwhile every
// state says how old it is and none says "PD unreachable".

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostNode } from '../../src/features/hostsView/hostsView';
import { api, inventoryUri, suiteSim, waitFor } from './helpers';

/** About 5 s: the active interval with its jitter, plus the request and the rendering. */
const WITHIN_MS = 6500;

const description = (item: vscode.TreeItem) => (typeof item.description === 'string' ? item.description : '');
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
/** How old a state read seconds ago is said. */
const AGO = '(?:just now|\\d+ s ago)';

describe('honest state when PD goes away and comes back', function () {
  this.timeout(90_000);

  it('shows the outage and the recovery within about 5 s during an operation, with the age of each state meanwhile', async () => {
    const a = await api();
    const sim = suiteSim();
    const cluster = () => a.ctx.inventories.list()[0];
    // the defaults of package.json (5 s / 30 s), not the suite's fast polls
    const cfg = vscode.workspace.getConfiguration('tiflash');
    await cfg.update('pollIntervalActiveMs', undefined, vscode.ConfigurationTarget.Workspace);
    await cfg.update('pollIntervalIdleMs', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the default intervals', () => a.ctx.settings.of(cluster().dir).pollIntervalIdleMs === 30_000);
    const readAt = () => a.ctx.stores.get(cluster())?.updatedAt ?? 0;
    const before = readAt();
    a.ctx.stores.setActive(cluster(), 'view.outage test', true);
    try {
      // the operation's first poll is answered: the next one is an active interval away
      await waitFor('a poll for the operation', () => readAt() > before);
      await waitFor('the summary', () => a.statusBar.item.text === '$(database) TiFlash 3 Up');
      const hosts = () => a.hostsView.getChildren().filter((n): n is Extract<HostNode, { kind: 'host' }> => n.kind === 'host');

      sim.faults.down = true;
      const downAt = Date.now();
      await waitFor('the status bar to say PD is unreachable', () => a.statusBar.item.text.includes('PD unreachable'), WITHIN_MS + 2000);
      const outageMs = Date.now() - downAt;
      console.log(`    the outage showed after ${outageMs} ms`);
      assert.ok(outageMs <= WITHIN_MS, `the outage showed after ${outageMs} ms`);
      assert.match(a.statusBar.item.text, new RegExp(`^\\$\\(warning\\) TiFlash: PD unreachable · last read ${AGO}$`));
      const [first] = a.hostsView.getChildren();
      assert.equal(first.kind, 'unreachable', 'the tree says it first, with the fix');
      assert.match(description(a.hostsView.getTreeItem(first)), new RegExp(`· last read ${AGO}$`));
      const rows = hosts().map((n) => `${label(a.hostsView.getTreeItem(n))} | ${description(a.hostsView.getTreeItem(n))}`);
      assert.match(rows[0], new RegExp(`^192\\.168\\.0\\.11 \\| Up · ${AGO}$`), 'the address is not repeated, the state has its age');
      assert.match(rows[1], new RegExp(`^TiFlash12-1 \\| 192\\.168\\.0\\.12 · Up · ${AGO}$`));
      for (const r of rows) assert.doesNotMatch(r, /unreachable/i, 'PD unreachable is not a store state');
      const doc = await vscode.workspace.openTextDocument(inventoryUri());
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const states = lenses.filter((l) => l.command?.command === 'tiflash.revealHost').map((l) => l.command!.title);
      assert.equal(states.length, 4);
      assert.ok(
        states.every((t) => new RegExp(` · ${AGO}$`).test(t)),
        `every state lens says its age: ${JSON.stringify(states)}`,
      );

      // long enough that an idle backoff would have grown past the active interval
      await new Promise((r) => setTimeout(r, 8000));
      sim.faults.down = false;
      const upAt = Date.now();
      await waitFor('the summary again', () => a.statusBar.item.text === '$(database) TiFlash 3 Up', WITHIN_MS + 2000);
      const recoveryMs = Date.now() - upAt;
      console.log(`    the recovery showed after ${recoveryMs} ms`);
      assert.ok(recoveryMs <= WITHIN_MS, `the recovery showed after ${recoveryMs} ms`);
      assert.notEqual(a.hostsView.getChildren()[0].kind, 'unreachable');
      assert.ok(
        hosts().every((n) => !/ago/.test(description(a.hostsView.getTreeItem(n)))),
        'fresh states have no age',
      );
    } finally {
      a.ctx.stores.setActive(cluster(), 'view.outage test', false);
      sim.faults.down = false;
    }
  });
});
