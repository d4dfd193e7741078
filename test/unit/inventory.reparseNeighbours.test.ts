// After an edit, what the re-parse carries over must still be true: an instance that was not edited but shares
// its machine with one that was (a new alias on the same IP, a port moved onto its own) is looked at again.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instances } from '../../src/core/inventory/instances';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { validate } from '../../src/core/validation';

/** Parses `before`, then `after` from it, and checks the result against a full parse of `after`. */
function reparsed(before: string, after: string) {
  const prev = parseInventory(before);
  // what the editor derives from every model, so the next one inherits it
  tiflashHosts(prev);
  instances(prev);
  validate(prev);
  const next = parseInventory(after, prev);
  const full = parseInventory(after);
  assert.deepEqual(tiflashHosts(next), tiflashHosts(full));
  assert.deepEqual(instances(next), instances(full));
  assert.deepEqual(validate(next), validate(full));
  return next;
}

describe('re-parse after an edit on a shared machine', () => {
  it('a second TiFlash alias added on an IP: the first one now has a sibling (and stops with -t tiflash)', () => {
    const before = '[tiflash_servers]\ntf-b ansible_host=10.0.0.1\n\n[monitored_servers]\n10.0.0.1\n';
    const after = before.replace('tf-b ansible_host=10.0.0.1\n', 'tf-b ansible_host=10.0.0.1\ntf-a ansible_host=10.0.0.1 tcp_port=9001\n');
    const next = reparsed(before, after);
    assert.deepEqual(tiflashHosts(next).find((h) => h.name === 'tf-b')?.siblings, ['tf-a']);
  });

  it("a TiKV line edited onto a TiFlash machine's port: the TiFlash line gets the port conflict too", () => {
    const before = '[tikv_servers]\nkv1 ansible_host=10.0.0.2\n[tiflash_servers]\ntf1 ansible_host=10.0.0.1\n';
    const after = before.replace('kv1 ansible_host=10.0.0.2', 'kv1 ansible_host=10.0.0.1 tikv_port=9000');
    const next = reparsed(before, after);
    const conflicts = validate(next)
      .filter((f) => f.rule === 'port-conflict')
      .map((f) => f.line);
    assert.ok(conflicts.includes(3), `the TiFlash line is flagged: ${conflicts.join()}`);
  });
});
