#!/usr/bin/env node
// tiflash-ansible: the extension's core for shell scripts and CI pipelines of an ops repo.

import { parseArgs } from 'node:util';
import { toAnsibleList } from '../core/inventory/ansibleList';
import { CliError, isCliError, printJson, readInventory } from './io';
import { lint } from './lint';

const HELP = `Usage: tiflash-ansible <command> [options]

Commands:
  inventory list -i FILE                 print the inventory as ansible-inventory --list does (JSON)
  lint -i FILE [--hosts FILE] [--format text|json]
                                         check inventory.ini (and hosts.ini); exit 1 on an error
  stores --pd URL[,URL...] -i FILE [--format text|json] [--cacert FILE --cert FILE --key FILE]
                                         TiFlash hosts with their PD store (or why PD cannot tell), and TiFlash
                                         stores the inventory lacks
  plan scale-out HOST -i FILE [--hosts FILE] [--pd URL] [--format text|json]
  plan scale-in HOST -i FILE [--hosts FILE] --pd URL [--format text|json]
                                         the steps of a scale-out / scale-in; exit 1 with {"blocked":[...]} when a check fails

Options:
  -i, --inventory FILE   inventory.ini of a tidb-ansible folder
      --hosts FILE       hosts.ini of the same folder
      --pd URLS          PD endpoints, comma-separated
      --format FORMAT    text (default) or json
      --cacert FILE      CA of PD's certificate (https); with enable_tls = True the default is
                         conf/ssl/ca.pem beside the inventory, as tidb-ansible generates it
      --cert FILE, --key FILE
                         client certificate and key for PD (default conf/ssl/client.pem, client-key.pem)
  -h, --help             show this help
`;

const OPTIONS = {
  inventory: { type: 'string', short: 'i' },
  hosts: { type: 'string' },
  pd: { type: 'string' },
  format: { type: 'string' },
  cacert: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'inventory':
      if (sub !== 'list') throw new CliError(`unknown inventory command '${sub ?? ''}' (expected: inventory list)`);
      printJson(toAnsibleList(readInventory(values.inventory).inv));
      return 0;
    case 'lint':
      return lint(values);
    // the PD commands load undici: only pay for it when they run (a file of its own in the bundle)
    case 'stores':
      return (await import('./pd.js')).stores(values);
    case 'plan':
      return (await import('./pd.js')).plan(sub, positionals[2], values);
    default:
      throw new CliError(`unknown command '${command}'\n\n${HELP}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`tiflash-ansible: ${isCliError(e) ? e.message : (e as Error).stack}\n`);
      process.exitCode = isCliError(e) ? e.code : 3;
    },
  );
}
