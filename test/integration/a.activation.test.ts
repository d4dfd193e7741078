import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commands';
import { api } from './helpers';

describe('activation', () => {
  it('activates on a workspace with inventory.ini in under 50 ms and registers every command', async () => {
    const a = await api();
    console.log(`activation took ${a.activationMs.toFixed(1)} ms`);
    assert.ok(a.activationMs < 50, `activation took ${a.activationMs} ms`);
    const all = await vscode.commands.getCommands(true);
    for (const id of Object.keys(COMMANDS)) assert.ok(all.includes(id), `${id} not registered`);
    assert.equal(a.ctx.inventories.list().length, 1);
    assert.deepEqual(
      a.ctx.inventories.list()[0].tiflash.map((h) => h.name),
      ['192.168.0.11', 'TiFlash12-1', 'TiFlash12-2', '192.168.0.13'],
    );
  });
});
