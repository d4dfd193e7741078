// When a scale-in is refused because placement rules need more TiFlash stores than would remain, TiDB's status
// port names the tables behind the rules, so the operator gets the exact ALTER TABLE statements. Asked only then.

import type { Inventory } from '../inventory/types';
import { tidbStatusEndpointsFromInventory } from '../pd/endpoints';
import type { TlsPem } from '../pd/http';
import { TidbStatus } from '../pd/tidb';
import type { PdFacts } from './facts';
import type { Plan } from './types';

/** The facts with the rules' table names added, when `plan` was refused for its placement rules; else the facts as they were. */
/** `endpoints`: TiDB status URLs (a setting, the CLI's --tidb); the [tidb_servers] hosts at tidb_status_port by default. */
export async function withTableNames(
  plan: Plan,
  inventory: Inventory,
  pd: PdFacts,
  opts: { endpoints?: readonly string[]; tls?: TlsPem; timeoutMs?: number } = {},
): Promise<PdFacts> {
  if (!plan.blocked.some((b) => b.check === 'placement-rules') || !pd.rules.ok || !pd.rules.value.enabled) return pd;
  const endpoints = opts.endpoints?.length ? opts.endpoints : tidbStatusEndpointsFromInventory(inventory);
  if (!endpoints.length) return pd;
  const tidb = new TidbStatus({ endpoints, tls: opts.tls, timeoutMs: opts.timeoutMs ?? 3000 });
  try {
    // the rules that need the most stores first: those are the ones that block
    const ids = [...pd.rules.value.rules].sort((a, b) => b.count - a.count).map((r) => r.id);
    return { ...pd, tableNames: await tidb.tableNames(ids) };
  } finally {
    tidb.dispose();
  }
}
