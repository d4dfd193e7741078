// The inventory parser must agree with `ansible-inventory --list` on every corpus file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { toAnsibleList } from '../../src/core/inventory/ansibleList';
import { parseInventory } from '../../src/core/inventory/parse';
import { ansibleInventoryList, mapLimit } from '../support/ansible';
import { fixtures, tidbAnsibleFixtures } from '../support/paths';

const corpus = path.join(fixtures, 'inventories');
const iniFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((f) => f.endsWith('.ini')).map((f) => path.join(dir, f));
const validFiles = [...iniFiles(tidbAnsibleFixtures), ...iniFiles(path.join(corpus, 'valid'))];
const invalidFiles = iniFiles(path.join(corpus, 'invalid'));

type Answer = Awaited<ReturnType<typeof ansibleInventoryList>>;
const answers = new Map<string, Answer>();

/** Ansible reads each file from a folder of its own, so no group_vars/ beside it changes the answer. */
async function askAnsible(file: string, text = fs.readFileSync(file)): Promise<Answer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-'));
  const copy = path.join(dir, 'inventory.ini');
  fs.writeFileSync(copy, text);
  try {
    return await ansibleInventoryList(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('inventory parser vs ansible-inventory --list', () => {
  before(async () => {
    await mapLimit([...validFiles, ...invalidFiles], 3, async (f) => answers.set(f, await askAnsible(f)));
  });

  for (const file of validFiles) {
    it(`agrees on ${path.basename(file)}`, () => {
      const answer = answers.get(file)!;
      assert.ok(answer.ok, `ansible rejected a corpus file: ${answer.ok ? '' : answer.error}`);
      const inv = parseInventory(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(inv.problems, []);
      assert.deepEqual(JSON.parse(JSON.stringify(toAnsibleList(inv))), answer.json);
    });
  }

  for (const file of invalidFiles) {
    it(`reports a syntax error where ansible fails: ${path.basename(file)}`, () => {
      const answer = answers.get(file)!;
      assert.equal(answer.ok, false, 'ansible accepted a file of the invalid corpus');
      const inv = parseInventory(fs.readFileSync(file, 'utf8'));
      const errors = inv.problems.filter((p) => p.rule === 'syntax' && p.severity === 'error');
      assert.ok(errors.length > 0, 'no syntax error reported');
      for (const p of errors) assert.ok(p.line >= 0 && p.line < inv.lines.length);
    });
  }

  it('strips a UTF-8 BOM (Ansible would read it as part of a host name) and otherwise agrees', async () => {
    const bytes = fs.readFileSync(path.join(corpus, 'bom.ini'));
    const withoutBom = bytes.subarray(3);
    const answer = await askAnsible('bom', withoutBom);
    assert.ok(answer.ok);
    const inv = parseInventory(bytes.toString('utf8'));
    assert.equal(inv.bom, true);
    assert.deepEqual(JSON.parse(JSON.stringify(toAnsibleList(inv))), answer.json);
  });
});
