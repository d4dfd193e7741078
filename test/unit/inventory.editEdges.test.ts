// Inventory edits at their edges: the right section when groups share a prefix or have :vars sections, the
// first and the only line of a file, a new section in an empty file or after a blank line, and a line Ansible
// splits elsewhere in the file (it blocks only the removal of that line).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addHostLine, applyEdits, deleteLine, removeHost } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';

const added = (text: string, group: string, host: string) => {
  const r = addHostLine(parseInventory(text), group, host, host);
  assert.ok(r.ok);
  return applyEdits(text, r.edits);
};
const removed = (text: string, host: string) => {
  const r = removeHost(parseInventory(text), host);
  assert.ok(r.ok, `removing ${host}`);
  return applyEdits(text, r.edits);
};

describe('adding a host line', () => {
  it("goes into its own group's section, not the first one nor a :vars section of that group", () => {
    const text = '[tikv_servers]\n10.0.0.1\n[tiflash_servers:vars]\ntcp_port = 9000\n[tiflash_servers]\n10.0.0.2\n[monitored_servers]\n10.0.0.1\n';
    assert.equal(added(text, 'tiflash_servers', '10.0.0.3'), text.replace('10.0.0.2\n', '10.0.0.2\n10.0.0.3\n'));
  });

  it('a new section in an empty file has no blank line before it; after a blank last line, no second one', () => {
    assert.equal(added('', 'tiflash_servers', '10.0.0.3'), '[tiflash_servers]\n10.0.0.3\n');
    assert.equal(added('[pd_servers]\n10.0.0.1\n\n', 'tiflash_servers', '10.0.0.3'), '[pd_servers]\n10.0.0.1\n\n[tiflash_servers]\n10.0.0.3\n');
    assert.equal(added('[pd_servers]\n10.0.0.1\n', 'tiflash_servers', '10.0.0.3'), '[pd_servers]\n10.0.0.1\n\n[tiflash_servers]\n10.0.0.3\n');
  });
});

describe('deleting a line', () => {
  it('a line with a line after it: from its start to the start of the next line', () => {
    const inv = parseInventory('[a]\n10.0.0.1\n10.0.0.2\n');
    assert.deepEqual(deleteLine(inv, 1).range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('the first line of a file (an ungrouped host at the top) goes with its terminator', () => {
    assert.equal(removed('10.0.0.1\n[g]\n10.0.0.2\n', '10.0.0.1'), '[g]\n10.0.0.2\n');
  });

  it('the only line of a file without a final newline', () => {
    const inv = parseInventory('10.0.0.1');
    assert.deepEqual(deleteLine(inv, 0).range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
    assert.equal(removed('10.0.0.1', '10.0.0.1'), '');
  });

  it('a line Ansible splits elsewhere in the file does not block removing another host', () => {
    const text = '[a]\n10.0.0.1\f10.0.0.2\n10.0.0.3\n';
    assert.equal(removed(text, '10.0.0.3'), '[a]\n10.0.0.1\f10.0.0.2\n');
    assert.equal(removeHost(parseInventory(text), '10.0.0.2').ok, false);
  });
});
