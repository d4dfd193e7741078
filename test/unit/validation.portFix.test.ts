// The port-conflict quick fix writes a port no instance on the machine uses (nor one offered to an earlier
// conflict), on the variable that holds the port when the line has one; findings come in one total order.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { validate } from '../../src/core/validation';

const fixed = (text: string) => {
  const conflicts = validate(parseInventory(text)).filter((f) => f.rule === 'port-conflict');
  return conflicts.map((f) => ({
    line: f.line,
    span: text.split('\n')[f.line].slice(f.start, f.end),
    fixedLine: applyEdits(
      text,
      f.fixes![0].edits.map((e) => e.edit),
    ).split('\n')[f.line],
  }));
};

describe('port-conflict quick fix', () => {
  it('a default port (not written on the line): key=value appended, the next port not used on the address', () => {
    // TiFlash's default tcp_port 9000 against TiKV's 9000; 9001 is TiKV's too
    const text = '[tiflash_servers]\n10.0.0.1\n[tikv_servers]\n10.0.0.1 tikv_port=9000 tikv_status_port=9001\n';
    assert.deepEqual(fixed(text), [{ line: 1, span: '10.0.0.1', fixedLine: '10.0.0.1 tcp_port=9002' }]);
  });

  it('a port written on the line: its value is replaced, each conflict on its own variable', () => {
    // TiKV's defaults are 20160 and 20180
    const text = '[tiflash_servers]\n10.0.0.1 tcp_port=20160 http_port=20180\n[tikv_servers]\n10.0.0.1\n';
    assert.deepEqual(fixed(text), [
      { line: 1, span: '20160', fixedLine: '10.0.0.1 tcp_port=20161 http_port=20180' },
      { line: 1, span: '20180', fixedLine: '10.0.0.1 tcp_port=20160 http_port=20181' },
    ]);
    // 20161 is the instance's own http_port: skipped
    assert.deepEqual(fixed(text.replace('http_port=20180', 'http_port=20161')), [
      { line: 1, span: '20160', fixedLine: '10.0.0.1 tcp_port=20162 http_port=20161' },
    ]);
  });

  it('the message names both instances and the fix names the port it writes', () => {
    const text = '[tiflash_servers]\n10.0.0.1\n[tikv_servers]\n10.0.0.1 tikv_port=9000\n';
    const f = validate(parseInventory(text)).find((x) => x.rule === 'port-conflict')!;
    assert.match(render(f.message, 'en'), /9000/);
    assert.match(render(f.fixes![0].title, 'en'), /9001/);
  });
});

describe('finding order', () => {
  it('by file, line, column, then rule: the same order however the rules ran', () => {
    const text = '[tiflash_servers]\n10.0.0.1 tcp_port=0\n10.0.0.1 tcp_port=0\n[all:vars]\nansible_user = root\n';
    const findings = validate(parseInventory(text), parseInventory('[servers]\n10.0.0.2\n10.0.0.2\n'));
    const keys = findings.map((f) => [f.file, f.line, f.start, f.rule] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0)));
    assert.deepEqual(keys, sorted);
    assert.ok(new Set(keys.map((k) => k[0])).size === 2 && new Set(keys.map((k) => k[1])).size > 2, JSON.stringify(keys));
  });
});
