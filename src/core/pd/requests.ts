// Every PD request as data: plans show the method and path to the operator (and the CLI prints them),
// and the client sends exactly what these build. Ids are the exact digits PD sent.

import type { StoreId } from './types';
import type { StoreLimitTypes } from './version';

export interface PdRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: string;
}

const API = '/pd/api/v1';
/** Every state, Tombstone included: PD's default list (Up and Offline) cannot prove a store absent. */
export const ALL_STATES_QUERY = '?state=0&state=1&state=2';

export const storesRequest = (): PdRequest => ({ method: 'GET', path: `${API}/stores${ALL_STATES_QUERY}` });
export const storeRequest = (id: StoreId): PdRequest => ({ method: 'GET', path: `${API}/store/${id}` });
export const versionRequest = (): PdRequest => ({ method: 'GET', path: `${API}/version` });
export const replicateConfigRequest = (): PdRequest => ({ method: 'GET', path: `${API}/config/replicate` });
export const scheduleConfigRequest = (): PdRequest => ({ method: 'GET', path: `${API}/config/schedule` });
export const tiflashRulesRequest = (): PdRequest => ({ method: 'GET', path: `${API}/config/rules/group/tiflash` });

/** 4.0: one answer with both types; 3.1: one request per type (`?type=region-remove`). */
export const storeLimitsRequest = (type?: 'region-add' | 'region-remove'): PdRequest => ({
  method: 'GET',
  path: `${API}/stores/limit${type ? `?type=${type}` : ''}`,
});

/** pd-ctl `store delete`: Up -> Offline. */
export const deleteStoreRequest = (id: StoreId): PdRequest => ({ method: 'DELETE', path: `${API}/store/${id}` });

/** `Up` cancels a scale-in (only ever sent for an Offline store); `Tombstone` is the forced offline of 3.1/4.0. */
export const setStoreStateRequest = (id: StoreId, state: 'Up' | 'Tombstone'): PdRequest => ({
  method: 'POST',
  path: `${API}/store/${id}/state?state=${state}`,
});

export const removeTombstonesRequest = (): PdRequest => ({ method: 'DELETE', path: `${API}/stores/remove-tombstone` });

/** pd-ctl `config placement-rules enable`: PD 3.1/4.0 take the boolean as a string. */
export const enablePlacementRulesRequest = (): PdRequest => ({ method: 'POST', path: `${API}/config/replicate`, body: '{"enable-placement-rules":"true"}' });

/** A store's limit in operations per minute; `type` is the version's name (`remove-peer` / `region-remove`). */
export function storeLimitRequest(id: StoreId, type: StoreLimitTypes[keyof StoreLimitTypes], rate: number): PdRequest {
  return { method: 'POST', path: `${API}/store/${id}/limit`, body: JSON.stringify({ rate, type }) };
}
