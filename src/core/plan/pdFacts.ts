// Reads what plans need from PD through the PD module, the same way for the extension and the CLI: the
// complete store list, the TiFlash placement rules (412 = placement rules off) and the version.

import type { PdApi } from '../pd/api';
import type { PdFacts } from './facts';

export async function readPdFacts(api: PdApi): Promise<PdFacts> {
  const [stores, rules, version] = await Promise.all([api.stores(), api.tiflashRules(), api.version()]);
  return { stores, rules, ...(version.ok ? { version: version.value } : {}) };
}
