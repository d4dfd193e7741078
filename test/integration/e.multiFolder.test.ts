import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { api, waitFor, workspaceDir } from './helpers';

describe('several tidb-ansible folders', () => {
  it('groups the hosts tree by folder when a second inventory.ini appears, and back when it goes', async () => {
    const a = await api();
    const other = path.join(workspaceDir(), 'cluster-b');
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, 'inventory.ini'), '[pd_servers]\n10.9.0.1\n[tiflash_servers]\n10.9.0.5\n10.9.0.6\n');
    try {
      await waitFor('two clusters', () => a.ctx.inventories.list().length === 2);
      const roots = a.hostsView.getChildren();
      assert.deepEqual(
        roots.map((n) => n.kind),
        ['cluster', 'cluster'],
      );
      const b = roots.find((n) => n.cluster.dir.fsPath === other)!;
      // the suite's simulator answers for every folder: its stores show as TiFlash stores cluster-b lacks
      const hostsOfB = a.hostsView
        .getChildren(b)
        .map((n) => (n.kind === 'host' ? n.state.host?.name : undefined))
        .filter(Boolean);
      assert.deepEqual(hostsOfB, ['10.9.0.5', '10.9.0.6']);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    await waitFor('one cluster again', () => a.ctx.inventories.list().length === 1);
    assert.equal(a.hostsView.getChildren()[0].kind === 'cluster', false);
  });
});
