// Every user-facing string has a Simplified Chinese translation, in code and in package.json.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/paths';

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

const readJson = (f: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')) as Record<string, string>;

describe('localization', () => {
  it('translates every vscode.l10n.t string into zh-cn', () => {
    const keys = new Set<string>();
    for (const f of sourceFiles(path.join(repoRoot, 'src'))) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!/l10n\.t\(\s*[`"]/.test(text), `${f}: use a single-quoted literal so the key can be checked`);
      // the key is the literal's value: decode its escapes (\n, \') as JavaScript does
      for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(JSON.parse(`"${m[1].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
    }
    assert.ok(keys.size > 30, `only ${keys.size} keys found: is the pattern still right?`);
    const zh = readJson('l10n/bundle.l10n.zh-cn.json');
    const missing = [...keys].filter((k) => !zh[k]);
    assert.deepEqual(missing, []);
    const unused = Object.keys(zh).filter((k) => !keys.has(k));
    assert.deepEqual(unused, []);
  });

  it('translates every %key% of package.json and uses no key that is not defined', () => {
    const pkg = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const used = new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(
      [...used].filter((k) => !en[k]),
      [],
    );
    assert.deepEqual(
      Object.keys(en).filter((k) => !zh[k]),
      [],
    );
    assert.deepEqual(
      Object.keys(zh).filter((k) => !en[k]),
      [],
    );
  });
});
