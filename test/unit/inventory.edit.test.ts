import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addHostLine, applyEdits, removeHost } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { genInventory } from '../support/genInventory';
import { Rng } from '../support/random';

function add(text: string, group: string, host: string, line = host): string {
  const r = addHostLine(parseInventory(text), group, host, line);
  assert.ok(r.ok);
  return applyEdits(text, r.edits);
}

function remove(text: string, host: string, groups?: string[]): string {
  const r = removeHost(parseInventory(text), host, groups);
  assert.ok(r.ok, r.ok ? '' : render(r.message, 'en'));
  return applyEdits(text, r.edits);
}

describe('inventory edits', () => {
  it('adds after the last host of the section, before its trailing comments and blank lines', () => {
    const text = '[tiflash_servers]\n10.0.0.1\n# note\n\n[all:vars]\nx = 1\n';
    assert.equal(add(text, 'tiflash_servers', '10.0.0.2'), '[tiflash_servers]\n10.0.0.1\n10.0.0.2\n# note\n\n[all:vars]\nx = 1\n');
  });

  it('adds right after the header of an empty section and keeps CRLF and BOM', () => {
    const text = '\ufeff[tiflash_servers]\r\n\r\n[all:vars]\r\n';
    assert.equal(add(text, 'tiflash_servers', '10.0.0.2'), '\ufeff[tiflash_servers]\r\n10.0.0.2\r\n\r\n[all:vars]\r\n');
  });

  it('adds nothing when the host is already listed', () => {
    const r = addHostLine(parseInventory('[g]\n10.0.0.1 x=1\n'), 'g', '10.0.0.1', '10.0.0.1');
    assert.deepEqual(r, { ok: true, edits: [] });
  });

  it('creates a missing section before the vars sections, or at the end', () => {
    assert.equal(add('[a]\n1.1.1.1\n\n[all:vars]\nx = 1\n', 'servers', '1.1.1.2'), '[a]\n1.1.1.1\n\n[servers]\n1.1.1.2\n\n[all:vars]\nx = 1\n');
    assert.equal(add('[a]\n1.1.1.1\n', 'servers', '1.1.1.2'), '[a]\n1.1.1.1\n\n[servers]\n1.1.1.2\n');
    assert.equal(add('[a]\n1.1.1.1', 'servers', '1.1.1.2'), '[a]\n1.1.1.1\n\n[servers]\n1.1.1.2');
    assert.equal(add('', 'servers', '1.1.1.2'), '[servers]\n1.1.1.2\n');
  });

  it("writes a new section with the file's own line ends: CRLF before [all:vars] and at the end", () => {
    assert.equal(
      add('[a]\r\n1.1.1.1\r\n\r\n[all:vars]\r\nx = 1\r\n', 'servers', '1.1.1.2'),
      '[a]\r\n1.1.1.1\r\n\r\n[servers]\r\n1.1.1.2\r\n\r\n[all:vars]\r\nx = 1\r\n',
    );
    assert.equal(add('[a]\r\n1.1.1.1\r\n', 'servers', '1.1.1.2'), '[a]\r\n1.1.1.1\r\n\r\n[servers]\r\n1.1.1.2\r\n');
    assert.equal(add('[a]\r\n1.1.1.1', 'servers', '1.1.1.2'), '[a]\r\n1.1.1.1\r\n\r\n[servers]\r\n1.1.1.2');
    assert.equal(add('\ufeff[a]\r1.1.1.1\r', 'servers', '1.1.1.2'), '\ufeff[a]\r1.1.1.1\r\r[servers]\r1.1.1.2\r');
  });

  it('removes every line of a host, including the last line of a file without a final newline', () => {
    assert.equal(remove('[a]\n10.0.0.1\n[b]\n10.0.0.1 x=1', '10.0.0.1'), '[a]\n[b]');
    assert.equal(remove('[a]\n10.0.0.1\n[b]\n10.0.0.1\n', '10.0.0.1', ['b']), '[a]\n10.0.0.1\n[b]\n');
  });

  it('refuses to remove a host listed through a range, or on a line Ansible reads as several, and says why in both languages', () => {
    const r = removeHost(parseInventory('[a]\n10.0.0.[1:3]\n'), '10.0.0.2');
    assert.ok(!r.ok);
    assert.equal(render(r.message, 'en'), 'Line 2 lists 10.0.0.2 through the range `10.0.0.[1:3]`: edit that range by hand.');
    assert.match(render(r.message, 'zh-cn'), /^第 2 行通过主机范围/);
    const split = removeHost(parseInventory('[a]\n10.0.0.1\f10.0.0.2\n'), '10.0.0.2');
    assert.ok(!split.ok);
    assert.match(render(split.message, 'en'), /^Line 2 holds a character Ansible reads as a line break/);
  });

  it('add then remove restores the original bytes (3,000 generated inventories)', () => {
    // PROPERTY_RUNS shortens the run (npm run mutate runs this file for every mutant it reaches)
    for (let seed = 1; seed <= (Number(process.env.PROPERTY_RUNS) || 3000); seed++) {
      const rng = new Rng(seed);
      const text = genInventory(rng);
      const inv = parseInventory(text);
      const groups = inv.sections.filter((s) => s.kind === 'hosts').map((s) => s.group);
      if (!groups.length) continue;
      const group = rng.pick(groups);
      const host = `10.9.${rng.int(250)}.${rng.int(250)}`;
      const added = add(text, group, host, `${host} tcp_port=9001`);
      assert.ok(parseInventory(added).groups.get(group)!.hosts.includes(host), `seed ${seed}`);
      assert.equal(remove(added, host), text, `seed ${seed}`);
    }
  });
});
