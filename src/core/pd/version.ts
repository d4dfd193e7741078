// What a PD version is (`GET /version`, read once per cluster) and what it supports. tidb-ansible deploys
// PD 3.1 and 4.0; the two differ in store-limit names and in what DELETE /store does (see PD-API facts).

import { msg, type Msg } from '../l10n/message';

export type PdSeries = '3.1' | '4.0' | 'newer' | 'older' | 'unknown';

export interface PdVersion {
  /** As PD sent it (`v4.0.16`). */
  text: string;
  series: PdSeries;
}

export interface StoreLimitTypes {
  add: 'region-add' | 'add-peer';
  remove: 'region-remove' | 'remove-peer';
}

export interface PdCapabilities {
  /** `POST /store/{id}/state?state=Tombstone` is accepted (PD before 5.0; 5.0 answers "invalid state"). */
  forceTombstone: boolean;
  /** Store-limit type names (3.1 `region-*`, 4.0 and newer `*-peer`); undefined where unknown. */
  storeLimit?: StoreLimitTypes;
  /** `DELETE /store/{id}` sets the store's remove-peer limit to 100000000 (4.0): record it first, restore it on cancel. */
  deleteRaisesRemovePeerLimit: boolean;
  /** A version tidb-ansible deploys with TiFlash (3.1, 4.0). */
  tidbAnsible: boolean;
}

export function pdVersion(text: string): PdVersion {
  const m = /^v?([0-9]{1,4})\.([0-9]{1,4})\.[0-9]{1,6}(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!m) return { text, series: 'unknown' };
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const series: PdSeries =
    major === 3 && minor === 1 ? '3.1' : major === 4 && minor === 0 ? '4.0' : major > 4 || (major === 4 && minor > 0) ? 'newer' : 'older';
  return { text, series };
}

const CAPABILITIES: Record<PdSeries, PdCapabilities> = {
  '3.1': { forceTombstone: true, storeLimit: { add: 'region-add', remove: 'region-remove' }, deleteRaisesRemovePeerLimit: false, tidbAnsible: true },
  '4.0': { forceTombstone: true, storeLimit: { add: 'add-peer', remove: 'remove-peer' }, deleteRaisesRemovePeerLimit: true, tidbAnsible: true },
  // recording and restoring the limit is harmless where a delete does not raise it
  newer: { forceTombstone: false, storeLimit: { add: 'add-peer', remove: 'remove-peer' }, deleteRaisesRemovePeerLimit: true, tidbAnsible: false },
  older: { forceTombstone: false, deleteRaisesRemovePeerLimit: false, tidbAnsible: false },
  unknown: { forceTombstone: false, deleteRaisesRemovePeerLimit: false, tidbAnsible: false },
};

export const capabilitiesOf = (v: PdVersion): PdCapabilities => CAPABILITIES[v.series];

/** What to tell the operator about a version outside 3.1/4.0 (nothing for those two). */
export function versionNote(v: PdVersion): Msg | undefined {
  switch (v.series) {
    case 'newer':
      return msg('pd.version.newer', { version: v.text });
    case 'older':
      return msg('pd.version.older', { version: v.text });
    case 'unknown':
      return msg('pd.version.unknown', { version: v.text });
    default:
      return undefined;
  }
}
