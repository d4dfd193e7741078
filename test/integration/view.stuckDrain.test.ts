// A stuck drain explained in the real extension host: a store Offline whose regions cannot move (the TiFlash
// rule needs 3 stores, 2 others are Up) is reported in the status bar, with what PD's rules, space and limits
// say in its tooltip, after the setting's duration; and PD is asked for those only while a store drains.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, demoCluster, pointAtSim, waitFor } from './helpers';

describe('stuck drain', function () {
  this.timeout(60_000);

  it("says so in the status bar after the setting's duration, with what was checked live", async () => {
    const a = await api();
    await vscode.workspace.getConfiguration('tiflash').update('stuckDrainSeconds', 5, vscode.ConfigurationTarget.Workspace);
    await waitFor('the setting', () => a.ctx.settings.of(a.ctx.inventories.list()[0].dir).stuckDrainSeconds === 5);
    const file = demoCluster();
    file.stores.find((s) => s.store.id === 54)!.store.state = 1;
    file.rules = [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 3 }];
    const sim = await pointAtSim({ ...file, regionsPerTick: 0 });
    const factsAsked = () => sim.requests.filter((r) => /\/config\/rules|\/config\/schedule|\/stores\/limit/.test(r.path)).length;
    await waitFor('the draining text', () => a.statusBar.item.text.startsWith('$(sync~spin) TiFlash store 54: '));
    assert.equal(factsAsked(), 0, 'nothing more is read while the drain is not stuck');
    await waitFor('the stuck drain', () => a.statusBar.item.text.includes('no progress for'), 20_000);
    assert.match(a.statusBar.item.text, /^\$\(warning\) TiFlash store 54: \d+ regions, no progress for 1 min$/);
    const tip = await waitFor('what was checked', () => {
      const t = typeof a.statusBar.item.tooltip === 'string' ? a.statusBar.item.tooltip : '';
      return t.includes('placement rules need') ? t : undefined;
    });
    assert.match(tip, /placement rules need 3 TiFlash stores but only 2 others are Up \(table-45-r \(3\)\)/);
    assert.match(tip, /free space: /);
    assert.match(tip, /store limits: remove-peer of store 54 is \d+ per minute/);
    assert.ok(factsAsked() > 0);
    const drain = a.ctx.stores.drain(a.ctx.inventories.list()[0], '54' as never);
    assert.ok(
      drain?.stuck?.findings.some((f) => f.blocking && f.check === 'rules'),
      'the runner reads the same verdict',
    );
  });
});
