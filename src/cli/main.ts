#!/usr/bin/env node
// tiflash-ansible: the extension's core for shell scripts and CI pipelines of an ops repo. Everything it
// says is rendered in one language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG).

import { parseArgs } from 'node:util';
import { ansibleListJson } from '../core/inventory/ansibleList';
import { msg } from '../core/l10n/message';
import { CliError, isCliError, quietOnClosedPipe, readInventory, setLang, text } from './io';
import { journal } from './journal';
import { lint, locate } from './lint';

const OPTIONS = {
  inventory: { type: 'string', short: 'i' },
  hosts: { type: 'string' },
  pd: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  tidb: { type: 'string' },
  run: { type: 'string' },
  cacert: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** node:util's parse errors, as catalog messages (its own text is English only). */
function usageError(e: unknown): CliError {
  const { code, message } = e as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? '')?.[1]?.split(/[ ,]/)[0] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new CliError(msg('cli.unknownOption', { option }), 2, true);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new CliError(msg(/argument missing/.test(message ?? '') ? 'cli.missingValue' : 'cli.noValue', { option }), 2, true);
  }
  throw e;
}

/** `--lang` as written on the command line, read before the rest so that errors in the rest are in that language. */
function langFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice('--lang='.length) : argv[i + 1];
}

/** `inventory list`: what ansible-inventory --list prints; nothing (exit 1, the reasons on stderr) for a file Ansible rejects. */
function listInventory(file: string | undefined): number {
  const { path, inv } = readInventory(file);
  const errors = inv.problems.filter((p) => p.rule === 'syntax');
  if (!errors.length) {
    process.stdout.write(`${ansibleListJson(inv)}\n`);
    return 0;
  }
  process.stderr.write(`${text(msg('cli.rejected', { file: path }))}\n`);
  for (const p of errors) process.stderr.write(`${locate(path, p)} ${text(p.message)}\n`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  setLang(langFlag(argv));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e);
  }
  const { values, positionals } = parsed;
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(text(msg('cli.help')));
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'inventory':
      if (sub !== 'list') throw new CliError(msg('cli.unknownInventoryCommand', { sub: sub ?? '' }));
      return listInventory(values.inventory);
    case 'lint':
      return lint(values);
    case 'journal':
      return journal(values);
    // the PD commands load undici: only pay for it when they run (a file of its own in the bundle)
    case 'stores':
      return (await import('./pd.js')).stores(values);
    case 'plan':
      return (await import('./pd.js')).plan(sub, positionals[2], values);
    default:
      throw new CliError(msg('cli.unknownCommand', { command }), 2, true);
  }
}

if (require.main === module) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      if (!isCliError(e)) {
        process.stderr.write(`tiflash-ansible: ${(e as Error).stack}\n`);
        process.exitCode = 3;
        return;
      }
      process.stderr.write(`tiflash-ansible: ${text(e.reason)}\n${e.usage ? `\n${text(msg('cli.help'))}` : ''}`);
      process.exitCode = e.code;
    },
  );
}
