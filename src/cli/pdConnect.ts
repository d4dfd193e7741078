// How the CLI's PD commands reach PD: the endpoints of --pd, TLS from the flags or tidb-ansible's conf/ssl,
// errors in the CLI's language.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Inventory } from '../core/inventory/types';
import { langFromEnv, render, type Msg } from '../core/l10n/message';
import { PdApi } from '../core/pd/api';
import { tidbAnsibleTlsFiles, tlsEnabled } from '../core/pd/endpoints';
import type { PdError, TlsPem } from '../core/pd/http';
import { CliError } from './io';

export interface PdOptions {
  lang?: string;
  inventory?: string;
  hosts?: string;
  pd?: string;
  format?: string;
  cacert?: string;
  cert?: string;
  key?: string;
}

export const cliLang = (flag?: string) => langFromEnv(flag, process.env) ?? 'en';
export const text = (m: Msg, flag?: string) => render(m, cliLang(flag));
export const pdFailed = (e: PdError) => new CliError(text(e.message));

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * `--cacert/--cert/--key`, else on a TLS cluster (`enable_tls = True`) the files tidb-ansible generated
 * beside the inventory (`conf/ssl/ca.pem`, `client.pem`, `client-key.pem`); none on a plain one.
 */
export function tlsOptions(opts: PdOptions, inv: Inventory, inventoryPath: string): TlsPem | undefined {
  if (!opts.cacert && (opts.cert || opts.key)) throw new CliError('--cert and --key need --cacert (the CA that signed PD\'s certificate)');
  if (!opts.cert !== !opts.key) throw new CliError('--cert and --key go together');
  if (opts.cacert) return { ca: readPem(opts.cacert, 'CA certificate'), ...(opts.cert && opts.key ? { cert: readPem(opts.cert, 'client certificate'), key: readPem(opts.key, 'client key') } : {}) };
  if (!tlsEnabled(inv)) return undefined;
  const files = tidbAnsibleTlsFiles(path.dirname(path.resolve(inventoryPath)));
  return { ca: readPem(files.ca, 'CA certificate'), cert: readPem(files.cert, 'client certificate'), key: readPem(files.key, 'client key') };
}

export async function withApi<T>(opts: PdOptions, inv: Inventory, inventoryPath: string, fn: (api: PdApi) => Promise<T>): Promise<T> {
  if (!opts.pd) throw new CliError('missing --pd URL[,URL...]');
  const api = new PdApi({ endpoints: opts.pd.split(','), tls: tlsOptions(opts, inv, inventoryPath) });
  try {
    return await fn(api);
  } finally {
    api.dispose();
  }
}

