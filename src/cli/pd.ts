// `tiflash-ansible stores` and `plan` (bundled apart from the rest of the CLI: they load undici).

import { tiflashHosts } from '../core/inventory/tiflash';
import { msg } from '../core/l10n/message';
import { matchStores, stateLabel, stateMsg, storeAddress, type HostState } from '../core/pd/match';
import { format, printJson, readInventory, setLang, text } from './io';
import { pdFailed, withApi, type PdOptions } from './pdConnect';

/** One row per host (and per TiFlash store the inventory lacks); `match` says how sure the answer is. */
function row(s: HostState) {
  const store = s.store;
  return {
    host: s.host?.name ?? null,
    address: s.host ? s.host.address : store!.address,
    match: s.kind,
    storeId: store?.id ?? null,
    stateName: store ? stateLabel(s) : null,
    regionCount: store?.regionCount ?? null,
    ...(s.kind === 'ambiguous' ? { storeIds: s.stores.map((x) => x.id) } : {}),
    ...(s.kind === 'unknown' || s.kind === 'ambiguous' ? { reason: text(s.reason) } : {}),
  };
}

export async function stores(opts: PdOptions): Promise<number> {
  // bundled apart (dist/pd.js) with its own copy of the CLI's language: set it here too
  setLang(opts.lang);
  const fmt = format(opts.format);
  const { inv, path: file } = readInventory(opts.inventory);
  const r = await withApi(opts, inv, file, (api) => api.stores());
  if (!r.ok) throw pdFailed(r.error);
  const states = matchStores(tiflashHosts(inv), r);
  if (fmt === 'json') printJson(states.map(row));
  else {
    for (const s of states) {
      const state = text(s.kind === 'unknown' || s.kind === 'ambiguous' ? msg('pd.match.unknownBecause', { reason: s.reason }) : stateMsg(stateLabel(s)));
      process.stdout.write(
        `${s.host?.name ?? '-'}\t${s.host ? storeAddress(s.host) : s.store.address}\t${s.store?.id ?? '-'}\t${state}\t${s.store?.regionCount ?? ''}\n`,
      );
    }
  }
  return 0;
}

export { plan } from './plan';
