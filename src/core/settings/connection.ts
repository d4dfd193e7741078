// How the extension reaches one cluster's PD, from the settings and the inventory: the endpoints (the
// setting, else [pd_servers] at pd_client_port), the timeout, the size cap, and the TLS files (each
// setting, else tidb-ansible's conf/ssl) when the cluster uses TLS. A change of any of it restarts that
// cluster's PD module, and nothing else does.

import * as path from 'node:path';
import type { Inventory } from '../inventory/types';
import { pdEndpointsFromInventory, tidbAnsibleTlsFiles, tlsEnabled } from '../pd/endpoints';
import type { SettingValues } from './schema';

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

export interface Connection {
  endpoints: string[];
  timeoutMs: number;
  maxBodyBytes: number;
  /** PEM files to read; absent for a plain-HTTP cluster. */
  tls?: TlsFiles;
}

/** A TLS file setting: absolute, or relative to the tidb-ansible folder; empty for tidb-ansible's own. */
const fileOr = (value: string, dir: string, fallback: string) => (value.trim() ? path.resolve(dir, value.trim()) : fallback);

export function connectionOf(s: SettingValues, inventory: Inventory, dir: string): Connection {
  const endpoints = s.pdEndpoints.length ? [...s.pdEndpoints] : pdEndpointsFromInventory(inventory);
  const configuredTls = !!(s['tls.caFile'].trim() || s['tls.certFile'].trim() || s['tls.keyFile'].trim());
  const useTls = tlsEnabled(inventory) || configuredTls || endpoints.some((e) => /^https:/i.test(e.trim()));
  const own = tidbAnsibleTlsFiles(dir);
  return {
    endpoints,
    timeoutMs: s.requestTimeoutMs,
    maxBodyBytes: Math.round(s.maxResponseMiB * 1024 * 1024),
    ...(useTls
      ? { tls: { ca: fileOr(s['tls.caFile'], dir, own.ca), cert: fileOr(s['tls.certFile'], dir, own.cert), key: fileOr(s['tls.keyFile'], dir, own.key) } }
      : {}),
  };
}

/** Two connections are the same PD module when this is equal. */
export const connectionKey = (c: Connection): string => JSON.stringify(c);
