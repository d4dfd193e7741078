// Validation at its edges: hosts.ini checked without inventory.ini, two ports of one instance that are the same,
// IPv6 literals, and port numbers at the bounds Ansible's playbooks accept (1..65535; 0 is no port).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { validate } from '../../src/core/validation';
import { isIp } from '../../src/core/validation/helpers';

const rules = (text: string) => validate(parseInventory(text)).map((f) => `${f.rule}@${f.line}`);
const TIFLASH_ONLY = (line: string) => `[tiflash_servers]\n${line}\n`;

describe('validation edges', () => {
  it('hosts.ini alone: its own findings only, nothing about an inventory.ini that is not there', () => {
    const findings = validate(undefined, parseInventory('[servers]\n10.0.0.1\n10.0.0.1\n'));
    assert.deepEqual(
      findings.map((f) => [f.file, f.rule, f.line]),
      [['hosts', 'duplicate-host', 2]],
    );
    assert.deepEqual(validate(undefined, parseInventory('[servers]\n10.0.0.1\n')), []);
  });

  it('two ports of one instance with the same number conflict, on the second one', () => {
    const conflicts = validate(parseInventory(TIFLASH_ONLY('10.0.0.1 tcp_port=9000 http_port=9000'))).filter((f) => f.rule === 'port-conflict');
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0].line, 1);
    assert.ok(!rules(TIFLASH_ONLY('10.0.0.1 tcp_port=9000 http_port=9001')).some((r) => r.startsWith('port-conflict')));
  });

  it('port 0 and 65536 are invalid, 1 and 65535 are not', () => {
    const invalid = (v: string) => rules(TIFLASH_ONLY(`10.0.0.1 tcp_port=${v}`)).includes('invalid-port@1');
    assert.deepEqual(['0', '1', '65535', '65536', '-1', '9000.5', 'x'].map(invalid), [true, false, false, true, true, true, true]);
  });

  it('IPv6 literals are addresses; more than one "::" is not one', () => {
    for (const ok of ['::1', 'fe80::1', '::', '1:2:3:4:5:6:7:8', '10.0.0.1', '255.255.255.255']) assert.equal(isIp(ok), true, ok);
    for (const bad of ['1::2::3', '::1::', 'fe80::g', '256.0.0.1', '10.0.0', 'host.example.com', '']) assert.equal(isIp(bad), false, bad);
  });
});
