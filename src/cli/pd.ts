// `tiflash-ansible stores` and `plan` (bundled apart from the rest of the CLI: they load undici).

import { tiflashHosts } from '../core/inventory/tiflash';
import { PdClient } from '../core/pd/client';
import { matchStores, stateLabel } from '../core/pd/match';
import { CliError, format, printJson, readInventory } from './io';

export interface PdOptions {
  inventory?: string;
  hosts?: string;
  pd?: string;
  format?: string;
}

async function withClient<T>(pd: string | undefined, fn: (c: PdClient) => Promise<T>): Promise<T> {
  if (!pd) throw new CliError('missing --pd URL[,URL...]');
  const client = new PdClient({ endpoints: pd.split(',') });
  try {
    return await fn(client);
  } finally {
    client.dispose();
  }
}

export async function stores(opts: PdOptions): Promise<number> {
  const fmt = format(opts.format);
  const { inv } = readInventory(opts.inventory);
  const r = await withClient(opts.pd, (c) => c.stores());
  if (!r.ok) throw new CliError(r.error.message);
  const rows = matchStores(tiflashHosts(inv), r.value).map((s) => ({
    host: s.host?.name ?? null,
    address: s.host?.address ?? s.store!.address,
    storeId: s.store?.id ?? null,
    stateName: s.store ? stateLabel(s) : null,
    regionCount: s.store?.regionCount ?? null,
  }));
  if (fmt === 'json') printJson(rows);
  else for (const x of rows) process.stdout.write(`${x.host ?? '-'}\t${x.address}\t${x.storeId ?? '-'}\t${x.stateName ?? 'not in PD'}\t${x.regionCount ?? ''}\n`);
  return 0;
}

export { plan } from './plan';
