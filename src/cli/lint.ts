// `tiflash-ansible lint`: the editor's validation rules for scripts and CI pipelines.

import { validate } from '../core/validation';
import { format, printJson, readInventory } from './io';

export interface LintOptions {
  inventory?: string;
  hosts?: string;
  format?: string;
}

export function lint(opts: LintOptions): number {
  const fmt = format(opts.format);
  const inventory = readInventory(opts.inventory);
  const hosts = opts.hosts ? readInventory(opts.hosts, 'hosts') : undefined;
  const findings = validate(inventory.inv, hosts?.inv).map((f) => ({
    file: f.file === 'hosts' ? hosts!.path : inventory.path,
    line: f.line + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  }));
  if (fmt === 'json') printJson(findings);
  else for (const f of findings) process.stdout.write(`${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
