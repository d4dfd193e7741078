// Prints the mutation score of `npm run mutate` per folder and in total, from Stryker's JSON report
// (mutation-testing-report schema). Killed and timed-out mutants count as detected; ignored ones (Stryker disable
// comments, each with its reason) and ones that do not compile are left out, as Stryker's own score does.
// Exit code 1 when the total is under the target.
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';

const TARGET = 85;
const file = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(fs.readFileSync(file, 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The folder a file is scored under: src/core/<area>, or the file itself for inventory's single files. */
const relative = (name) => path.relative(process.cwd(), path.resolve(name)).split(path.sep).join('/');
const folderOf = (name) => {
  const rel = relative(name);
  return rel.startsWith('src/core/inventory/') ? rel : rel.split('/').slice(0, 3).join('/');
};

// Stryker keeps the results of files that have left the `mutate` scope in its incremental file: only the files the
// configuration names now are counted (its globs use `**`, `*` and a leading `!`).
const config = JSON.parse(fs.readFileSync('stryker.config.json', 'utf8'));
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '\0')
      .replace(/\*/g, '[^/]*')
      .replace(/\0/g, '(?:.*/)?')}$`,
  );
const include = config.mutate.filter((g) => !g.startsWith('!')).map(globToRegExp);
const exclude = config.mutate.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
const inScope = (rel) => include.some((r) => r.test(rel)) && !exclude.some((r) => r.test(rel));

const rows = new Map();
const count = (key, status) => {
  const row = rows.get(key) ?? { detected: 0, undetected: 0, ignored: 0 };
  if (DETECTED.has(status)) row.detected++;
  else if (UNDETECTED.has(status)) row.undetected++;
  else if (status === 'Ignored') row.ignored++;
  rows.set(key, row);
};
for (const [name, result] of Object.entries(report.files)) {
  if (!inScope(relative(name))) continue;
  for (const m of result.mutants) {
    count(folderOf(name), m.status);
    count('total', m.status);
  }
}

const score = ({ detected, undetected }) => (detected + undetected ? (100 * detected) / (detected + undetected) : 100);
const pad = (n, width) => String(n).padStart(width);
const line = (key, row) =>
  `${key.padEnd(36)} ${pad(score(row).toFixed(2), 6)} %  ${pad(row.detected, 5)} killed  ${pad(row.undetected, 4)} survived  ${pad(row.ignored, 3)} ignored`;

const total = rows.get('total') ?? { detected: 0, undetected: 0, ignored: 0 };
rows.delete('total');
const say = (text) => process.stdout.write(`${text}\n`);
say('\nMutation score (killed or timed out / killed, timed out, survived or not covered):');
for (const key of [...rows.keys()].sort()) say(line(key, rows.get(key)));
say(line('total', total));
if (score(total) < TARGET) {
  process.stderr.write(`\nThe total is under the ${TARGET} % target: see the survivors in reports/mutation/mutation.html\n`);
  process.exitCode = 1;
}
