// The inventory parser must agree with `ansible-inventory --list` on every corpus file: the same JSON
// (integers exact, Infinity, as Python prints them) where Ansible reads the file, a syntax error where
// Ansible rejects it, with Ansible's own parse error as the proof of the rejection.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { toAnsibleList } from '../../src/core/inventory/ansibleList';
import { parseInventory } from '../../src/core/inventory/parse';
import { toJson } from '../../src/core/inventory/pyJson';
import { render } from '../../src/core/l10n/message';
import { ansibleInventoryList, canonicalJson, mapLimit, type AnsibleAnswer } from '../support/ansible';
import { fixtures, SHARED_INVENTORIES, SKIP_WITHOUT_SHARED, tidbAnsibleFixtures } from '../support/paths';

const corpus = path.join(fixtures, 'inventories');
const iniFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ini'))
    .map((f) => path.join(dir, f));
const sharedFiles = SHARED_INVENTORIES.map((f) => path.join(tidbAnsibleFixtures, f));
const validFiles = iniFiles(path.join(corpus, 'valid'));
const invalidFiles = iniFiles(path.join(corpus, 'invalid'));

const answers = new Map<string, AnsibleAnswer>();

/** Ansible reads each file from a folder of its own, so no group_vars/ beside it changes the answer. */
async function askAnsible(file: string, text: Buffer = fs.readFileSync(file)): Promise<AnsibleAnswer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-'));
  const copy = path.join(dir, 'inventory.ini');
  fs.writeFileSync(copy, text);
  try {
    return await ansibleInventoryList(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Our listing of a file against Ansible's, both made canonical by Python. */
async function assertSameListing(text: string, answer: AnsibleAnswer): Promise<void> {
  assert.ok(answer.ok, `Ansible rejected a file it should read: ${answer.ok ? '' : answer.error}`);
  const inv = parseInventory(text);
  assert.deepEqual(
    inv.problems.filter((p) => p.severity === 'error').map((p) => `${p.line + 1}: ${render(p.message, 'en')}`),
    [],
  );
  const [theirs, ours] = await canonicalJson([answer.text, toJson(toAnsibleList(inv))]);
  assert.equal(ours, theirs);
}

describe('inventory parser vs ansible-inventory --list', () => {
  before(async () => {
    const present = [...(SKIP_WITHOUT_SHARED ? [] : sharedFiles), ...validFiles, ...invalidFiles];
    await mapLimit(present, 3, async (f) => answers.set(f, await askAnsible(f)));
  });

  // named one by one, so that without ../shared each case is reported as skipped, with the reason
  for (const file of sharedFiles) {
    it(`agrees on the shared fixture ${path.basename(file)}`, { skip: SKIP_WITHOUT_SHARED }, () =>
      assertSameListing(fs.readFileSync(file, 'utf8'), answers.get(file)!),
    );
  }

  for (const file of validFiles) {
    it(`agrees on ${path.basename(file)}`, () => assertSameListing(fs.readFileSync(file, 'utf8'), answers.get(file)!));
  }

  for (const file of invalidFiles) {
    it(`reports a syntax error where Ansible rejects the file: ${path.basename(file)}`, () => {
      const answer = answers.get(file)!;
      assert.equal(answer.ok, false, 'Ansible accepted a file of the invalid corpus');
      const inv = parseInventory(fs.readFileSync(file, 'utf8'));
      const errors = inv.problems.filter((p) => p.rule === 'syntax' && p.severity === 'error');
      assert.ok(errors.length > 0, `no syntax error reported; Ansible says: ${answer.ok ? '' : answer.error}`);
      for (const p of errors) {
        assert.ok(p.line >= 0 && p.line < inv.lines.length);
        assert.match(render(p.message, 'en'), /Ansible rejects the whole inventory/);
      }
    });
  }

  it('strips a UTF-8 BOM (Ansible would read it as part of a host name) and otherwise agrees', async () => {
    const bytes = fs.readFileSync(path.join(corpus, 'bom.ini'));
    const answer = await askAnsible('bom', bytes.subarray(3));
    assert.equal(parseInventory(bytes.toString('utf8')).bom, true);
    await assertSameListing(bytes.toString('utf8'), answer);
  });
});
