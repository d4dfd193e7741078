// The preview is what runs: its diffs apply to the real files and give what the edit steps write, and each
// command line, split by a POSIX shell, is exactly the step's argument vector.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';
import { render } from '../../src/core/l10n/message';
import { editsFor, textOf } from '../../src/core/plan/files';
import { preview, previewText } from '../../src/core/plan/preview';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import { commandLine } from '../../src/core/plan/shell';
import { unifiedDiff } from '../../src/core/text/diff';
import { parseStoreId, type Store } from '../../src/core/pd/types';
import { factsOf } from '../support/facts';
import { demoDir } from '../support/paths';

const read = (f: string) => fs.readFileSync(path.join(demoDir, f), 'utf8');
const store = (i: string, address: string): Store => ({
  id: parseStoreId(i)!,
  address,
  state: 'Up',
  stateName: 'Up',
  labels: { engine: 'tiflash' },
  regionCount: 5,
  leaderCount: 0,
});
const pd = factsOf([store('53', '192.168.0.11:3930'), store('54', '192.168.0.12:3930'), store('55', '192.168.0.12:3931')]);

/** What `sh` gives back for a command line: its words, one per line of printf. */
const shellWords = (line: string): string[] =>
  execFileSync('sh', ['-c', `printf '%s\\0' ${line}`])
    .toString()
    .split('\0')
    .slice(0, -1);

describe('preview', () => {
  it('shows a scale-in with its PD request, wait condition, commands and diffs', () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleIn({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: '192.168.0.11', pd });
    const text = previewText(preview(p, { inventory: read('inventory.ini'), hosts: read('hosts.ini') }), 'en');
    assert.match(text, /DELETE \/pd\/api\/v1\/store\/53/);
    assert.match(text, /Ends when PD reports store 53 Tombstone/);
    assert.match(text, /^ {4}ansible-playbook -i inventory\.ini stop\.yml -l 192\.168\.0\.11$/m);
    assert.match(text, /^--- a\/inventory\.ini$/m);
    assert.match(text, /^-192\.168\.0\.11 data_dir=\/data1\/tiflash\/data,\/data2\/tiflash\/data$/m);
    assert.match(text, /^--- a\/hosts\.ini$/m);
  });

  it('writes Chinese with the same commands and diffs', () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleIn({ inventory: inv, hosts: parseInventory(read('hosts.ini')), host: '192.168.0.11', pd });
    const zh = previewText(preview(p, { inventory: read('inventory.ini'), hosts: read('hosts.ini') }), 'zh-cn');
    assert.match(zh, /计划/);
    assert.match(zh, /ansible-playbook -i inventory\.ini stop\.yml -l 192\.168\.0\.11/);
  });

  it('its diffs, applied with patch, give exactly the files the edit steps write', () => {
    const files = { inventory: read('inventory.ini'), hosts: read('hosts.ini') };
    const p = planScaleOut({ inventory: parseInventory(files.inventory), hosts: parseInventory(files.hosts), host: '192.168.0.20', pd });
    const pv = preview(p, files);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
    try {
      for (const f of pv.files) {
        fs.writeFileSync(path.join(dir, f.name), f.before);
        const diffs = pv.steps
          .filter((s) => s.step.kind === 'edit' && s.step.file === f.file)
          .map((s) => s.diff!)
          .join('');
        fs.writeFileSync(path.join(dir, `${f.name}.patch`), diffs);
        execFileSync('patch', ['-s', path.join(dir, f.name), path.join(dir, `${f.name}.patch`)]);
        // the edit steps as the runner applies them, one after another
        let text = f.before;
        for (const s of p.steps) {
          if (s.kind !== 'edit' || s.file !== f.file) continue;
          const r = editsFor(text, s.ops);
          assert.ok(r.ok);
          text = applyEdits(text, r.edits);
        }
        assert.equal(fs.readFileSync(path.join(dir, f.name), 'utf8'), text);
        assert.equal(f.after, text);
      }
      assert.deepEqual(
        pv.files.map((f) => f.name),
        ['inventory.ini', 'hosts.ini'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every command line splits back into exactly its argument vector, names that need quoting included', () => {
    const inv = parseInventory(read('inventory.ini'));
    const p = planScaleOut({
      inventory: inv,
      hosts: parseInventory(read('hosts.ini')),
      host: '192.168.0.20',
      pd,
      playbook: '/opt/my ansible/ansible-playbook',
      extraArgs: ['-e', "msg='hi there' x=$HOME `id`"],
    });
    assert.deepEqual(p.blocked, []);
    let n = 0;
    for (const s of p.steps) {
      if (s.kind !== 'playbook') continue;
      assert.deepEqual(shellWords(commandLine(s.argv)), [...s.argv]);
      n++;
    }
    assert.equal(n, 6);
  });

  it('a blocked plan previews its reasons and nothing else', () => {
    const p = planScaleIn({ inventory: parseInventory(read('inventory.ini')), host: '192.168.0.2', pd });
    const text = previewText(preview(p, { inventory: read('inventory.ini'), hosts: undefined }), 'en');
    assert.match(text, /Refused before anything runs/);
    assert.match(
      text,
      new RegExp(
        render(p.blocked[0].message, 'en')
          .slice(0, 20)
          .replace(/[.[\]()]/g, '\\$&'),
      ),
    );
    assert.doesNotMatch(text, /ansible-playbook/);
  });

  it('an edit already applied previews as no change (a re-run)', () => {
    const files = { inventory: read('inventory.ini'), hosts: read('hosts.ini') };
    const p = planScaleOut({ inventory: parseInventory(files.inventory), hosts: parseInventory(files.hosts), host: 'TiFlash12-2', pd: factsOf([]) });
    assert.deepEqual(p.blocked, []);
    assert.equal(p.steps[0].kind, 'playbook', 'TiFlash12-2 is already in every file: no edit');
    assert.equal(textOf(parseInventory(files.inventory)), files.inventory);
  });
});

describe('unified diff', () => {
  it('is empty for equal texts and marks a missing final newline like diff -u does not need to', () => {
    assert.equal(unifiedDiff('f', 'a\n', 'a\n'), '');
    assert.equal(unifiedDiff('f', 'a\nb\n', 'a\nc\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });
});
