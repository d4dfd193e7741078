// How the CLI's PD commands reach PD: the endpoints of --pd, TLS from the flags or tidb-ansible's conf/ssl,
// errors in the CLI's language.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Inventory } from '../core/inventory/types';
import { msg } from '../core/l10n/message';
import { PdApi } from '../core/pd/api';
import { tidbAnsibleTlsFiles, tlsEnabled } from '../core/pd/endpoints';
import type { PdError, TlsPem } from '../core/pd/http';
import { CliError } from './io';

export interface PdOptions {
  lang?: string;
  /** TiDB status URLs (for table names); the [tidb_servers] hosts at tidb_status_port by default. */
  tidb?: string;
  inventory?: string;
  hosts?: string;
  pd?: string;
  format?: string;
  cacert?: string;
  cert?: string;
  key?: string;
}

/** PD's own reason, in the CLI's language. */
export const pdFailed = (e: PdError) => new CliError(e.message);

type PemRole = 'ca' | 'cert' | 'key';

function readPem(file: string, role: PemRole): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(msg('cli.cannotReadPem', { what: msg(`cli.pem.${role}`), file, code: (e as NodeJS.ErrnoException).code ?? 'EIO' }));
  }
}

/**
 * `--cacert/--cert/--key`, else on a TLS cluster (`enable_tls = True`) the files tidb-ansible generated
 * beside the inventory (`conf/ssl/ca.pem`, `client.pem`, `client-key.pem`); none on a plain one.
 */
export function tlsOptions(opts: PdOptions, inv: Inventory, inventoryPath: string): TlsPem | undefined {
  if (!opts.cacert && (opts.cert || opts.key)) throw new CliError(msg('cli.certNeedsCa'));
  if (!opts.cert !== !opts.key) throw new CliError(msg('cli.certAndKey'));
  if (opts.cacert)
    return { ca: readPem(opts.cacert, 'ca'), ...(opts.cert && opts.key ? { cert: readPem(opts.cert, 'cert'), key: readPem(opts.key, 'key') } : {}) };
  if (!tlsEnabled(inv)) return undefined;
  const files = tidbAnsibleTlsFiles(path.dirname(path.resolve(inventoryPath)));
  return { ca: readPem(files.ca, 'ca'), cert: readPem(files.cert, 'cert'), key: readPem(files.key, 'key') };
}

export async function withApi<T>(opts: PdOptions, inv: Inventory, inventoryPath: string, fn: (api: PdApi) => Promise<T>): Promise<T> {
  if (!opts.pd) throw new CliError(msg('cli.missingPd'));
  const api = new PdApi({ endpoints: opts.pd.split(','), tls: tlsOptions(opts, inv, inventoryPath) });
  try {
    return await fn(api);
  } finally {
    api.dispose();
  }
}
