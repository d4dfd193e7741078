// PD requests as data: plans embed them in their steps (the operator sees method, path and body before Start)
// and the executor sends exactly these.

import type { StoreId } from './types';

export interface PdRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, e.g. `/pd/api/v1/store/61/state?state=Up`. */
  path: string;
  /** JSON text of the body, when there is one. */
  body?: string;
}

/** pd-ctl `store delete`: Up → Offline. */
export const deleteStoreRequest = (id: StoreId): PdRequest => ({ method: 'DELETE', path: `/pd/api/v1/store/${id}` });

/** `Up` cancels a scale-in (Offline → Up); `Tombstone` is the forced offline of PD < 5.0. */
export const setStoreStateRequest = (id: StoreId, state: 'Up' | 'Tombstone'): PdRequest => ({ method: 'POST', path: `/pd/api/v1/store/${id}/state?state=${state}` });

export const removeTombstonesRequest = (): PdRequest => ({ method: 'DELETE', path: '/pd/api/v1/stores/remove-tombstone' });

export const enablePlacementRulesRequest = (): PdRequest => ({ method: 'POST', path: '/pd/api/v1/config/replicate', body: '{"enable-placement-rules":"true"}' });

/** The per-minute limit of one store; types are `region-add`/`region-remove` in 3.1 and `add-peer`/`remove-peer` in 4.0. */
export const storeLimitRequest = (id: StoreId, type: string, rate: number): PdRequest => ({
  method: 'POST', path: `/pd/api/v1/store/${id}/limit`, body: JSON.stringify({ rate, type }),
});
