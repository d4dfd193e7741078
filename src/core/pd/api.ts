// The one PD module the extension and the CLI use for every PD read and write. Reads decode exactly
// (ids as PD wrote them, lists only when complete); writes are the pure requests of ./requests, checked
// first (never a TiKV store, never from the wrong state) and read back after PD's 200, because PD 4.0
// answers 200 to errors it swallows. Every failure is a value with a catalog message.

import { msg } from '../l10n/message';
import {
  decodeReplicate,
  decodeRules,
  decodeSchedule,
  decodeStore,
  decodeStoreLimits,
  decodeStoreList,
  decodeVersionText,
  type ReplicateConfig,
  type ScheduleConfig,
  type StoreLimits,
} from './decode';
import { decodeAnswer, failure, HttpTransport, httpFailure, type HttpOptions, type PdError, type PdResult } from './http';
import type { JsonValue } from './json';
import {
  deleteStoreRequest,
  enablePlacementRulesRequest,
  removeTombstonesRequest,
  replicateConfigRequest,
  scheduleConfigRequest,
  setStoreStateRequest,
  storeLimitRequest,
  storeLimitsRequest,
  storeRequest,
  storesRequest,
  tiflashRulesRequest,
  versionRequest,
  type PdRequest,
} from './requests';
import { compareStoreIds, isTiFlash, type Decoded, lifecycleOf, tombstoneReached, type PlacementRule, type Store, type StoreId, type StoreList } from './types';
import { capabilitiesOf, pdVersion, type PdCapabilities, type PdVersion } from './version';

export type PdApiOptions = Omit<HttpOptions, 'service'>;

/** TiFlash placement rules, or PD's 412: placement rules are disabled (a fact, not an error). */
export type TiflashRules = { enabled: false } | { enabled: true; rules: PlacementRule[] };

export interface StoreLimitsByType {
  add: StoreLimits;
  remove: StoreLimits;
}

export interface DeleteOutcome {
  /** The store as read back: Offline or Tombstone. */
  store: Store;
  /** Its remove-peer limit before the delete (PD 4.0 raises it to 100000000), for a cancel to restore. */
  removePeerBefore?: number;
  /** Why that limit could not be read (the delete went ahead: a cancel then cannot restore it). */
  limitNotRecorded?: PdError;
}

export interface CancelOutcome {
  /** The store as read back: Up again. */
  store: Store;
  /** Restoring the recorded remove-peer limit, when one was given. */
  limitRestore?: PdResult<void>;
}

export interface RemoveTombstonesOutcome {
  /** Tombstone records PD kept (4.0 skips those that still hold Regions); undefined when the read-back failed. */
  remaining?: StoreId[];
}

/** A write as data: what plans carry in their `pd` steps and the executor performs. */
export type PdAction =
  | { kind: 'delete-store'; storeId: StoreId }
  | { kind: 'cancel-scale-in'; storeId: StoreId; restoreRemovePeer?: number }
  | { kind: 'force-tombstone'; storeId: StoreId }
  | { kind: 'remove-tombstones' }
  | { kind: 'enable-placement-rules' }
  | { kind: 'set-store-limit'; storeId: StoreId; type: 'add' | 'remove'; rate: number };

export type ActionOutcome<A extends PdAction> = A extends { kind: 'delete-store' }
  ? DeleteOutcome
  : A extends { kind: 'cancel-scale-in' }
    ? CancelOutcome
    : A extends { kind: 'force-tombstone' }
      ? Store
      : A extends { kind: 'remove-tombstones' }
        ? RemoveTombstonesOutcome
        : A extends { kind: 'enable-placement-rules' }
          ? ReplicateConfig
          : void;

/** The writes an action sends, in order (reads before and after are not listed): what the operator is shown. */
export function actionRequests(a: PdAction, caps?: PdCapabilities): PdRequest[] {
  switch (a.kind) {
    case 'delete-store':
      return [deleteStoreRequest(a.storeId)];
    case 'cancel-scale-in':
      return [
        setStoreStateRequest(a.storeId, 'Up'),
        ...(a.restoreRemovePeer !== undefined ? [storeLimitRequest(a.storeId, 'remove-peer', a.restoreRemovePeer)] : []),
      ];
    case 'force-tombstone':
      return [setStoreStateRequest(a.storeId, 'Tombstone')];
    case 'remove-tombstones':
      return [removeTombstonesRequest()];
    case 'enable-placement-rules':
      return [enablePlacementRulesRequest()];
    case 'set-store-limit':
      return caps?.storeLimit ? [storeLimitRequest(a.storeId, caps.storeLimit[a.type], a.rate)] : [];
  }
}

/** PD 4.0 refuses a rate of 0 or less; nothing sane is above a billion per minute. */
const validRate = (rate: number) => Number.isFinite(rate) && rate > 0 && rate <= 1e9;

export class PdApi {
  private readonly http: HttpTransport;
  private versionRead?: PdVersion;

  constructor(opts: PdApiOptions) {
    this.http = new HttpTransport({ ...opts, service: 'PD' });
  }

  /** The endpoint that answered last. */
  get endpoint(): string | undefined {
    return this.http.endpoint;
  }

  get endpoints(): readonly string[] {
    return this.http.endpoints;
  }

  /** `GET /version`, read once (a failed read is tried again next time). */
  async version(): Promise<PdResult<PdVersion>> {
    if (this.versionRead) return { ok: true, value: this.versionRead };
    const r = await this.get(versionRequest(), decodeVersionText);
    if (r.ok) this.versionRead = pdVersion(r.value);
    return r.ok ? { ok: true, value: this.versionRead! } : r;
  }

  async capabilities(): Promise<PdResult<{ version: PdVersion; caps: PdCapabilities }>> {
    const v = await this.version();
    return v.ok ? { ok: true, value: { version: v.value, caps: capabilitiesOf(v.value) } } : v;
  }

  /** Every store, Tombstone included: the only list that can prove a store absent. */
  stores(): Promise<PdResult<StoreList>> {
    return this.get(storesRequest(), (v) => decodeStoreList(v, true));
  }

  store(id: StoreId): Promise<PdResult<Store>> {
    return this.get(storeRequest(id), decodeStore);
  }

  replicateConfig(): Promise<PdResult<ReplicateConfig>> {
    return this.get(replicateConfigRequest(), decodeReplicate);
  }

  scheduleConfig(): Promise<PdResult<ScheduleConfig>> {
    return this.get(scheduleConfigRequest(), decodeSchedule);
  }

  /** PD answers 412 on every rules route while placement rules are off. */
  async tiflashRules(): Promise<PdResult<TiflashRules>> {
    const r = await this.http.send(tiflashRulesRequest());
    if (!r.ok) return r;
    if (r.value.status === 412) return { ok: true, value: { enabled: false } };
    const rules = decodeAnswer(r.value, decodeRules);
    return rules.ok ? { ok: true, value: { enabled: true, rules: rules.value } } : rules;
  }

  /** Add and remove limits per store, by the version's names (4.0: one request; 3.1: one per type). */
  async storeLimits(): Promise<PdResult<StoreLimitsByType>> {
    const c = await this.capabilities();
    if (!c.ok) return c;
    const { caps, version } = c.value;
    if (!caps.storeLimit) return failure('refused', msg('pd.refuse.limitUnsupported', { version: version.text }));
    const pair = (add: Decoded<StoreLimits>, remove: Decoded<StoreLimits>): Decoded<StoreLimitsByType> =>
      !add.ok ? add : !remove.ok ? remove : { ok: true, value: { add: add.value, remove: remove.value } };
    if (caps.storeLimit.add === 'add-peer') {
      return this.get(storeLimitsRequest(), (v) => pair(decodeStoreLimits(v, 'add-peer'), decodeStoreLimits(v, 'remove-peer')));
    }
    const [add, remove] = await Promise.all([
      this.get(storeLimitsRequest('region-add'), (v) => decodeStoreLimits(v, 'rate')),
      this.get(storeLimitsRequest('region-remove'), (v) => decodeStoreLimits(v, 'rate')),
    ]);
    return !add.ok ? add : !remove.ok ? remove : { ok: true, value: { add: add.value, remove: remove.value } };
  }

  /**
   * pd-ctl `store delete` for a TiFlash store that is not Tombstone. Counts only when the store then
   * reads Offline or Tombstone. On 4.0 the store's remove-peer limit is read first (the delete raises it).
   */
  async deleteStore(id: StoreId): Promise<PdResult<DeleteOutcome>> {
    const before = await this.tiflashStore(id);
    if (!before.ok) return before;
    const recorded: Pick<DeleteOutcome, 'removePeerBefore' | 'limitNotRecorded'> = {};
    if (lifecycleOf(before.value.state) === 'Up') {
      const c = await this.capabilities();
      const limits = c.ok && c.value.caps.deleteRaisesRemovePeerLimit ? await this.storeLimits() : undefined;
      if (!c.ok) recorded.limitNotRecorded = c.error;
      else if (limits && !limits.ok) recorded.limitNotRecorded = limits.error;
      else if (limits?.value.remove.has(id)) recorded.removePeerBefore = limits.value.remove.get(id);
    }
    const sent = await this.write(deleteStoreRequest(id));
    if (!sent.ok) return sent;
    const after = await this.readBack(id);
    if (!after.ok) return after;
    if (lifecycleOf(after.value.state) === 'Up' && !tombstoneReached(after.value)) {
      return failure('not-applied', msg('pd.notApplied.delete', { id, state: after.value.stateName }));
    }
    return { ok: true, value: { store: after.value, ...recorded } };
  }

  /** Cancels a scale-in: Offline -> Up (never from Up, Tombstone or an unknown store), then restores the recorded remove-peer limit. */
  async cancelScaleIn(id: StoreId, restoreRemovePeer?: number): Promise<PdResult<CancelOutcome>> {
    const before = await this.tiflashStore(id);
    if (!before.ok) return before;
    if (before.value.state !== 'Offline' || before.value.physicallyDestroyed) {
      return failure('refused', msg('pd.refuse.cancelState', { id, state: before.value.stateName }));
    }
    if (restoreRemovePeer !== undefined && !validRate(restoreRemovePeer))
      return failure('refused', msg('pd.refuse.badRate', { rate: String(restoreRemovePeer) }));
    const sent = await this.write(setStoreStateRequest(id, 'Up'));
    if (!sent.ok) return sent;
    const after = await this.readBack(id);
    if (!after.ok) return after;
    if (lifecycleOf(after.value.state) !== 'Up') return failure('not-applied', msg('pd.notApplied.state', { id, wanted: 'Up', state: after.value.stateName }));
    if (restoreRemovePeer === undefined) return { ok: true, value: { store: after.value } };
    const limitRestore = await this.write(storeLimitRequest(id, 'remove-peer', restoreRemovePeer));
    return { ok: true, value: { store: after.value, limitRestore } };
  }

  /** The forced offline of PD 3.1/4.0 (drops the store's replicas at once): TiFlash only, where the version accepts it. */
  async forceTombstone(id: StoreId): Promise<PdResult<Store>> {
    const c = await this.capabilities();
    if (!c.ok) return c;
    if (!c.value.caps.forceTombstone) return failure('refused', msg('pd.refuse.forceUnsupported', { version: c.value.version.text }));
    const before = await this.tiflashStore(id);
    if (!before.ok) return before;
    const sent = await this.write(setStoreStateRequest(id, 'Tombstone'));
    if (!sent.ok) return sent;
    const after = await this.readBack(id);
    if (!after.ok) return after;
    return tombstoneReached(after.value)
      ? after
      : failure('not-applied', msg('pd.notApplied.state', { id, wanted: 'Tombstone', state: after.value.stateName }));
  }

  /** pd-ctl `store remove-tombstone`, then which Tombstone records PD kept. */
  async removeTombstones(): Promise<PdResult<RemoveTombstonesOutcome>> {
    const sent = await this.write(removeTombstonesRequest());
    if (!sent.ok) return sent;
    const list = await this.stores();
    const remaining = list.ok
      ? list.value.stores
          .filter((s) => s.state === 'Tombstone')
          .map((s) => s.id)
          .sort(compareStoreIds)
      : undefined;
    return { ok: true, value: { remaining } };
  }

  /** pd-ctl `config placement-rules enable`, confirmed by reading `/config/replicate` back. */
  async enablePlacementRules(): Promise<PdResult<ReplicateConfig>> {
    const sent = await this.write(enablePlacementRulesRequest());
    if (!sent.ok) return sent;
    const after = await this.replicateConfig();
    if (!after.ok) return failure('not-applied', msg('pd.notConfirmed', { reason: after.error.message }));
    return after.value.enablePlacementRules ? after : failure('not-applied', msg('pd.notApplied.placementRules'));
  }

  async setStoreLimit(id: StoreId, type: 'add' | 'remove', rate: number): Promise<PdResult<void>> {
    const c = await this.capabilities();
    if (!c.ok) return c;
    const names = c.value.caps.storeLimit;
    if (!names) return failure('refused', msg('pd.refuse.limitUnsupported', { version: c.value.version.text }));
    if (!validRate(rate)) return failure('refused', msg('pd.refuse.badRate', { rate: String(rate) }));
    return this.write(storeLimitRequest(id, names[type], rate));
  }

  /** Performs a plan's `pd` step: exactly the requests `actionRequests` lists, with their checks and read-backs. */
  perform<A extends PdAction>(a: A): Promise<PdResult<ActionOutcome<A>>>;
  perform(a: PdAction): Promise<PdResult<unknown>> {
    switch (a.kind) {
      case 'delete-store':
        return this.deleteStore(a.storeId);
      case 'cancel-scale-in':
        return this.cancelScaleIn(a.storeId, a.restoreRemovePeer);
      case 'force-tombstone':
        return this.forceTombstone(a.storeId);
      case 'remove-tombstones':
        return this.removeTombstones();
      case 'enable-placement-rules':
        return this.enablePlacementRules();
      case 'set-store-limit':
        return this.setStoreLimit(a.storeId, a.type, a.rate);
    }
  }

  dispose(): void {
    this.http.dispose();
  }

  /** A store the writes may touch: known to PD, labelled engine=tiflash, not yet Tombstone. */
  private async tiflashStore(id: StoreId): Promise<PdResult<Store>> {
    const s = await this.store(id);
    if (!s.ok) return s;
    if (!isTiFlash(s.value)) return failure('refused', msg('pd.refuse.notTiflash', { id }));
    if (tombstoneReached(s.value)) return failure('refused', msg('pd.refuse.tombstone', { id }));
    return s;
  }

  /** The store after a write PD answered 200; a failed read leaves the write unconfirmed. */
  private async readBack(id: StoreId): Promise<PdResult<Store>> {
    const s = await this.store(id);
    return s.ok ? s : failure('not-applied', msg('pd.notConfirmed', { reason: s.error.message }));
  }

  private async get<T>(req: PdRequest, decode: (v: JsonValue) => Decoded<T>): Promise<PdResult<T>> {
    const r = await this.http.send(req);
    return r.ok ? decodeAnswer(r.value, decode) : r;
  }

  private async write(req: PdRequest): Promise<PdResult<void>> {
    const r = await this.http.send(req);
    if (!r.ok) return r;
    return r.value.status === 200 ? { ok: true, value: undefined } : httpFailure(r.value);
  }
}
