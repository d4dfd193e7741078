// `tiflash-ansible lint`: the editor's validation rules for scripts and CI pipelines. JSON keeps the stable
// rule ids and carries each message rendered in the CLI's language.

import type { Problem } from '../core/inventory/types';
import { msg } from '../core/l10n/message';
import { validate } from '../core/validation';
import { format, printJson, readInventory, text } from './io';

export interface LintOptions {
  inventory?: string;
  hosts?: string;
  format?: string;
}

const SEVERITY = { error: msg('cli.severity.error'), warning: msg('cli.severity.warning'), info: msg('cli.severity.info') } as const;

/** `file:line:` as compilers print it (1-based). */
export const locate = (file: string, p: Pick<Problem, 'line'>) => `${file}:${p.line + 1}:`;

export function lint(opts: LintOptions): number {
  const fmt = format(opts.format);
  const inventory = readInventory(opts.inventory);
  const hosts = opts.hosts ? readInventory(opts.hosts, 'hosts') : undefined;
  const findings = validate(inventory.inv, hosts?.inv).map((f) => ({
    file: f.file === 'hosts' ? hosts!.path : inventory.path,
    line: f.line + 1,
    column: f.start + 1,
    rule: f.rule,
    severity: f.severity,
    message: text(f.message),
  }));
  if (fmt === 'json') printJson(findings);
  else for (const f of findings) process.stdout.write(`${f.file}:${f.line}: ${text(SEVERITY[f.severity])} [${f.rule}] ${f.message}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
