// CLI plumbing: errors with exit codes, reading inventories, printing results.

import * as fs from 'node:fs';
import { parseInventory } from '../core/inventory/parse';
import type { Inventory } from '../core/inventory/types';

export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(message: string, readonly code = 2) {
    super(message);
  }
}

/** Known by name: the PD commands are bundled apart (dist/pd.js), with their own copy of the class. */
export const isCliError = (e: unknown): e is CliError => e instanceof Error && e.name === 'CliError';

export function readInventory(file: string | undefined, what = 'inventory'): { path: string; text: string; inv: Inventory } {
  if (!file) throw new CliError(`missing -i <${what} file>`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`cannot read ${what} file ${file}: ${reason}`);
  }
  return { path: file, text, inv: parseInventory(text) };
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function format(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new CliError(`--format must be text or json, got ${value}`);
}
