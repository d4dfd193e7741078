// The incremental re-parse on crafted edits the generated ones rarely make: an invalid header that hides
// the edited lines, a host whose first line moves without changing its number, `ungrouped` and `[all]`
// members reordered, a repeated line deleted at the end. Each result must equal a full parse.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INVENTORY_RANGE_HOSTS } from '../../src/core/inventory/hostPattern';
import { parseInventory } from '../../src/core/inventory/parse';
import { modelView } from '../support/genInventory';

/** Parses `before`, re-parses `after` from it, and checks the result against a full parse of `after`. */
function reparsed(before: string, after: string) {
  const prev = parseInventory(before);
  modelView(prev);
  const next = parseInventory(after, prev);
  assert.deepStrictEqual(modelView(next), modelView(parseInventory(after)));
  return next;
}

describe('incremental parse, crafted edits', () => {
  it('an invalid header above the edit hides the edited lines, in a section or above the first one', () => {
    const hidden = '[tiflash_servers]\n10.0.0.1\n[a b]\n10.0.0.2\n10.0.0.3\n[monitored_servers]\n10.0.0.1\n';
    const next = reparsed(hidden, hidden.replace('10.0.0.3', '10.0.0.4'));
    assert.equal(next.hosts.has('10.0.0.4'), false, 'Ansible never reads a line below [a b]');
    for (const header of ['[a b]', '[g:odd]']) {
      const top = `${header}\n10.0.0.1\n`;
      assert.equal(reparsed(top, top.replace('10.0.0.1', '10.0.0.2')).hosts.size, 0, header);
    }
  });

  it('an invalid header deleted shows the lines below it again', () => {
    const next = reparsed('[tiflash_servers]\n10.0.0.1\n[a b]\n10.0.0.2\n', '[tiflash_servers]\n10.0.0.1\n10.0.0.2\n');
    assert.deepEqual(next.groups.get('tiflash_servers')?.hosts, ['10.0.0.1', '10.0.0.2']);
  });

  it('a block pasted above a host, ending with a copy of it, reorders the group although the first line number stays', () => {
    const next = reparsed('[a]\nh1\nh2\n', '[a]\n\nh2\nh1\nh2\n');
    assert.deepEqual(next.groups.get('a')?.hosts, ['h2', 'h1']);
  });

  it("a host's first line in its group commented out reorders the group although its last line stays", () => {
    const next = reparsed('[a]\nh1\nh2\nh1\n', '[a]\n# h1\nh2\nh1\n');
    assert.deepEqual(next.groups.get('a')?.hosts, ['h2', 'h1']);
  });

  it('a host listed in a group leaves `ungrouped`; hosts reordered under [all] reorder `ungrouped`', () => {
    const left = reparsed('10.0.0.9\n[a]\n10.0.0.1\n', '10.0.0.9\n[a]\n10.0.0.9\n');
    assert.deepEqual(left.groups.get('ungrouped')?.hosts, []);
    const all = reparsed('[all]\nh1\nh2\n', '[all]\nh2\nh1\nh2\n');
    assert.deepEqual(all.groups.get('ungrouped')?.hosts, ['h2', 'h1']);
  });

  it('the last of two equal lines deleted: the edit is the line deleted, not the one above it', () => {
    const next = reparsed('[a]\nh1\nh1\n', '[a]\nh1\n');
    assert.deepEqual(
      next.hostLines.map((l) => l.line),
      [1],
    );
  });

  it('typing a variable on a host line lists no group again: the groups are the same map', () => {
    const prev = parseInventory('[a]\nh1\nh2\n');
    assert.equal(parseInventory('[a]\nh1 x=1\nh2\n', prev).groups, prev.groups);
  });

  it('a line added keeps the [:children] lines above it as they were (the same objects)', () => {
    const before = '[b:children]\na\n[a]\nh1\n';
    const prev = parseInventory(before);
    const next = parseInventory(`${before}h2\n`, prev);
    assert.equal(next.childLines[0], prev.childLines[0]);
    assert.deepStrictEqual(modelView(next), modelView(parseInventory(`${before}h2\n`)));
  });

  it('an edit that takes the range hosts past the cap is read in full (the line past it is not expanded)', () => {
    // a previous model whose other range lines (not written here: 200,000 names take seconds) used up the cap
    const prev = { ...parseInventory('[a]\nh1\n'), rangeHosts: MAX_INVENTORY_RANGE_HOSTS - 1 };
    const next = parseInventory('[a]\nh1\nx[1:2]\n', prev);
    assert.equal(next.rangeHosts, 2, 'a full parse counts the lines it reads');
  });

  it('after a range line left unexpanded at the cap, any edit is read in full (the line may fit now)', () => {
    // the model of '[a]\nx[1:2]\nh1\n' when other range lines had used up the cap: x[1:2] was left unexpanded
    const base = parseInventory('[a]\nx[1:2]\nh1\n');
    const tooLarge = { ...parseInventory('x[1:100001]').problems[0], line: 1 };
    assert.equal(tooLarge.rule, 'range-too-large');
    const prev = { ...base, rangeHosts: MAX_INVENTORY_RANGE_HOSTS, hostLines: base.hostLines.slice(1), problems: [tooLarge] };
    const next = parseInventory('[a]\nx[1:2]\nh2\n', prev);
    assert.deepEqual([next.rangeHosts, next.problems], [2, []]);
  });
});
