// The zh-cn language pack stand-in (test/fixtures/langpack): packaged at test time, installed next to
// the extension, and named in <user-data-dir>/languagepacks.json so that `--locale zh-cn` takes effect
// without downloading Microsoft's pack (../shared/HARNESS.md, "Chinese UI in code-server").

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtures, repoRoot } from '../support/paths';

const source = path.join(fixtures, 'langpack');
const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
  contributes: { localizations: { languageId: string; localizedLanguageName: string; translations: { id: string; path: string }[] }[] };
};
export const LANGPACK_ID = `${manifest.publisher}.${manifest.name}`;
export const LANGPACK_LOCALE = manifest.contributes.localizations[0].languageId;

/** Packages the stand-in as a VSIX in `dir` with vsce (offline) and returns its path. */
export function packageLangpack(dir: string): string {
  const vsix = path.join(dir, `${manifest.name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: source, stdio: 'pipe' });
  return vsix;
}

/** The languagepacks.json that names the stand-in as installed in `extensionsDir`. */
export function languagePacks(extensionsDir: string): Record<string, unknown> {
  const folder = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase() === `${LANGPACK_ID}-${manifest.version}`.toLowerCase());
  if (!folder) throw new Error(`the language pack ${LANGPACK_ID} is not installed in ${extensionsDir}`);
  const loc = manifest.contributes.localizations[0];
  const translations = Object.fromEntries(loc.translations.map((t) => [t.id, path.join(extensionsDir, folder, t.path)]));
  return {
    [loc.languageId]: {
      hash: `${LANGPACK_ID}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id: LANGPACK_ID }, version: manifest.version }],
      translations,
      label: loc.localizedLanguageName,
    },
  };
}
