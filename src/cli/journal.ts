// `tiflash-ansible journal -i inventory.ini [--run ID] [--format text|json]`: the operations recorded in the
// tidb-ansible folder's journal (log/tiflash-operations.jsonl), newest first, or one run step by step.
// JSON keeps each message's stable id and adds it rendered in the CLI's language.

import * as path from 'node:path';
import { isMsg, langFromEnv, msg, render, type Lang } from '../core/l10n/message';
import { journalPath, readJournal, summarizeRuns } from '../core/run/journal';
import { entriesOfRun, historyText, runText } from '../core/run/journalText';
import { CliError, format, readInventory } from './io';

export interface JournalOptions {
  inventory?: string;
  run?: string;
  format?: string;
  lang?: string;
}

export async function journal(opts: JournalOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const fmt = format(opts.format);
  const lang = langFromEnv(opts.lang, process.env) ?? 'en';
  const dir = path.dirname(readInventory(opts.inventory).path);
  const entries = await readJournal(dir);
  const file = journalPath(dir);
  const json = (value: unknown) => write(JSON.stringify(withMessages(value, lang), null, 2) + '\n');
  if (opts.run === undefined) {
    const runs = summarizeRuns(entries);
    if (fmt === 'json') json(runs);
    else write(historyText(runs, file, lang));
    return 0;
  }
  const mine = entriesOfRun(entries, opts.run);
  const text = runText(mine, lang);
  if (text === undefined) throw new CliError(msg('journal.unknownRun', { id: opts.run, file }));
  if (fmt === 'json') json(mine);
  else write(text);
  return 0;
}

/** Every message inside `value` also carries its text in `lang`, beside its id and arguments. */
function withMessages(value: unknown, lang: Lang): unknown {
  if (isMsg(value)) return { ...value, message: render(value, lang) };
  if (Array.isArray(value)) return value.map((v) => withMessages(v, lang));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMessages(v, lang)]));
  return value;
}
