// Reads what plans need from PD, the same way for the extension and the CLI: the complete store list,
// the TiFlash placement rules (412 = placement rules off) and the version series.

import { msg, type Msg } from '../l10n/message';
import type { PdClient, PdError } from '../pd/client';
import type { PdFacts, PdSeries } from './facts';

export function seriesOf(version: string): PdSeries {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return 'unknown';
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 3 && minor === 1) return '3.1';
  if (major === 4 && minor === 0) return '4.0';
  return major > 4 || (major === 4 && minor > 0) ? 'newer' : 'older';
}

const pdError = (e: PdError): Msg => msg('bridge.text', { reason: e.message });

export async function readPdFacts(client: PdClient): Promise<PdFacts> {
  const [stores, rules, version] = await Promise.all([client.stores(), client.tiflashRules(), client.version()]);
  const facts: PdFacts = {};
  if (stores.ok) facts.stores = stores.value;
  else facts.storesError = pdError(stores.error);
  if (rules.ok) facts.placement = { enabled: true, rules: rules.value };
  else if (rules.error.status === 412) facts.placement = { enabled: false };
  else facts.placementError = pdError(rules.error);
  if (version.ok) {
    facts.version = version.value;
    facts.series = seriesOf(version.value);
  }
  return facts;
}
