// The texts a plan's edit steps leave behind, step by step: what the preview diffs and the run writes. An edit
// that cannot be made stops with the edit's own reason instead of writing something else.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg, render } from '../../src/core/l10n/message';
import { editsFor, textsBefore } from '../../src/core/plan/files';
import type { EditStep, Step } from '../../src/core/plan/types';

const title = msg('plan.step.removeFromHostsIni', { address: 'x' });
const edit = (file: EditStep['file'], ops: EditStep['ops']): EditStep => ({ kind: 'edit', id: `edit-${file}`, title, file, ops });
const info: Step = { kind: 'info', id: 'wipe', title };
const INVENTORY = '[tiflash_servers]\n10.0.0.1\n10.0.0.2\n';
const HOSTS = '[servers]\n10.0.0.1\n10.0.0.2\n';

describe('edits of one step', () => {
  it('an add or remove already done needs no edit; one still to do needs one', () => {
    assert.deepEqual(editsFor(INVENTORY, [{ op: 'add', group: 'tiflash_servers', host: '10.0.0.1' }]), { ok: true, edits: [], already: true });
    const add = editsFor(INVENTORY, [{ op: 'add', group: 'tiflash_servers', host: '10.0.0.3', line: '10.0.0.3 tcp_port=9001' }]);
    assert.ok(add.ok && !add.already && add.edits.length === 1 && add.edits[0].newText === '\n10.0.0.3 tcp_port=9001');
    // without a line, the host name is the line
    const bare = editsFor(INVENTORY, [{ op: 'add', group: 'tiflash_servers', host: '10.0.0.4' }]);
    assert.ok(bare.ok && bare.edits[0].newText === '\n10.0.0.4');
    assert.deepEqual(editsFor(INVENTORY, [{ op: 'remove', group: 'monitored_servers', host: '10.0.0.1' }]), { ok: true, edits: [], already: true });
  });

  it('a host inside a range line cannot be removed: the step stops with the reason, naming the line', () => {
    const r = editsFor('[tiflash_servers]\n10.0.0.[1:3]\n', [{ op: 'remove', group: 'tiflash_servers', host: '10.0.0.2' }]);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.message.id === 'inventory.edit.inRange');
    assert.match(render(!r.ok ? r.message : title, 'en'), /10\.0\.0\.\[1:3\]/);
  });
});

describe('texts after the edit steps', () => {
  const steps: Step[] = [
    edit('inventory', [{ op: 'remove', group: 'tiflash_servers', host: '10.0.0.2' }]),
    info,
    edit('hosts', [{ op: 'remove', group: 'servers', host: '10.0.0.2' }]),
  ];

  it('applies each file its own steps, up to the step asked for', () => {
    const files = { inventory: INVENTORY, hosts: HOSTS };
    assert.deepEqual(textsBefore(files, steps, 0), files);
    assert.deepEqual(textsBefore(files, steps, 1), { inventory: '[tiflash_servers]\n10.0.0.1\n', hosts: HOSTS });
    assert.deepEqual(textsBefore(files, steps, 2), { inventory: '[tiflash_servers]\n10.0.0.1\n', hosts: HOSTS });
    const all = { inventory: '[tiflash_servers]\n10.0.0.1\n', hosts: '[servers]\n10.0.0.1\n' };
    assert.deepEqual(textsBefore(files, steps), all);
    assert.deepEqual(textsBefore(files, steps, 3), all);
    assert.deepEqual(files, { inventory: INVENTORY, hosts: HOSTS }, 'the texts given are not changed');
  });

  it('a missing file is edited as an empty one (a scale-out may create hosts.ini sections)', () => {
    const out = textsBefore({ inventory: INVENTORY, hosts: undefined }, [edit('hosts', [{ op: 'add', group: 'servers', host: '10.0.0.3' }])]);
    assert.deepEqual(out, { inventory: INVENTORY, hosts: '[servers]\n10.0.0.3\n' });
  });

  it('stops at the first edit that cannot be made, with its reason', () => {
    const out = textsBefore({ inventory: '[tiflash_servers]\n10.0.0.[1:3]\n', hosts: HOSTS }, steps);
    assert.ok('error' in out && out.error.id === 'inventory.edit.inRange');
  });
});
