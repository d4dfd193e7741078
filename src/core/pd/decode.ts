// PD's JSON (read by our own reader, numbers as PD wrote them) into the typed model. Unknown fields
// are ignored; anything a decision depends on (id, address, state, labels, region count, the list
// itself) must be exactly what PD sends, else the answer is an error value quoting it.

import { msg, type Msg } from '../l10n/message';
import { asCount, asNumber, asString, isArray, isObject, JsonNumber, preview, readJson, type JsonObject, type JsonValue } from './json';
import { parseStoreId, type Decoded, type PlacementRule, type Store, type StoreId, type StoreList, type StoreState } from './types';
import { parseByteSize, parseGoDuration } from './units';

const fail = (error: Msg): { ok: false; error: Msg } => ({ ok: false, error });

/** Control characters and runs of blanks out, and at most `max` characters: safe to show and to log. */
export function shorten(text: string, max = 200): string {
  const clean = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** A body as JSON, or why it is not. */
export function parseBody(text: string): Decoded<JsonValue> {
  const r = readJson(text);
  if (r.ok) return r;
  const answer = shorten(text);
  if (r.fault === 'depth') return fail(msg('pd.answer.tooDeep', { answer }));
  if (r.fault === 'duplicate-key') return fail(msg('pd.answer.duplicateKey', { offset: r.offset, answer }));
  return fail(msg('pd.answer.notJson', { offset: r.offset, answer }));
}

/** A store id from JSON: a number token or a quoted string, either way the exact digits of 1..2^64-1. */
export function decodeStoreId(v: JsonValue | undefined): StoreId | undefined {
  const text = v instanceof JsonNumber ? v.text : asString(v);
  return text === undefined ? undefined : parseStoreId(text);
}

// PD's state_name values (newer PD's node-state names map to the same lifecycle).
const NAMES: Record<string, StoreState> = {
  Up: 'Up',
  Disconnected: 'Disconnected',
  Down: 'Down',
  Offline: 'Offline',
  Tombstone: 'Tombstone',
  Preparing: 'Up',
  Serving: 'Up',
  Removing: 'Offline',
  Removed: 'Tombstone',
};
const CODES: Record<string, StoreState> = { '0': 'Up', '1': 'Offline', '2': 'Tombstone' };
const lifecycle = (s: StoreState) => (s === 'Disconnected' || s === 'Down' ? 'Up' : s);

/**
 * `state` (0 Up, omitted by PD for Up; 1 Offline; 2 Tombstone) and `state_name` together. PD never
 * sends them disagreeing, so a disagreement is an error, not a guess; when one is missing the other
 * decides (a Tombstone by name alone is a Tombstone).
 */
function decodeState(id: StoreId, s: JsonObject): Decoded<StoreState> {
  const rawCode = s.get('state');
  const rawName = s.get('state_name');
  const code = rawCode === undefined ? undefined : rawCode instanceof JsonNumber && Object.hasOwn(CODES, rawCode.text) ? CODES[rawCode.text] : null;
  const name = rawName === undefined ? undefined : typeof rawName === 'string' && Object.hasOwn(NAMES, rawName) ? NAMES[rawName] : null;
  const quote = (v: JsonValue | undefined) => (v === undefined ? '-' : preview(v, 40));
  if (code === null || name === null || (code === undefined && name === undefined) || (code && name && lifecycle(code) !== lifecycle(name))) {
    return fail(msg('pd.store.badState', { id, state: quote(rawCode), stateName: quote(rawName) }));
  }
  return { ok: true, value: name ?? code! };
}

function decodeLabels(id: StoreId, v: JsonValue | undefined): Decoded<Record<string, string>> {
  const labels = Object.create(null) as Record<string, string>;
  if (v === undefined) return { ok: true, value: labels };
  if (!isArray(v)) return fail(msg('pd.store.badLabels', { id, answer: preview(v) }));
  for (const l of v) {
    const key = isObject(l) ? asString(l.get('key')) : undefined;
    const value = isObject(l) ? asString(l.get('value')) : undefined;
    // a label given twice with two values (engine=tiflash and engine=tikv) says nothing certain
    if (key === undefined || value === undefined || (Object.hasOwn(labels, key) && labels[key] !== value)) {
      return fail(msg('pd.store.badLabels', { id, answer: preview(v) }));
    }
    labels[key] = value;
  }
  return { ok: true, value: labels };
}

/** One `{store, status}` entry of PD's answer. */
export function decodeStore(v: JsonValue): Decoded<Store> {
  const wrapper: JsonObject = isObject(v) ? v : new Map();
  const s = wrapper.get('store');
  if (!isObject(s)) return fail(msg('pd.store.noStore', { answer: preview(v) }));
  const id = decodeStoreId(s.get('id'));
  if (!id) return fail(msg('pd.store.badId', { answer: preview(s.get('id') ?? null) }));
  const address = asString(s.get('address'));
  if (address === undefined) return fail(msg('pd.store.noAddress', { id }));
  const state = decodeState(id, s);
  if (!state.ok) return state;
  const labels = decodeLabels(id, s.get('labels'));
  if (!labels.ok) return labels;
  const st = wrapper.get('status');
  if (st !== undefined && !isObject(st)) return fail(msg('pd.store.badStatus', { id, answer: preview(st) }));
  const status: JsonObject = st ?? new Map();
  const rawRegions = status.get('region_count');
  const regionCount = rawRegions === undefined ? 0 : asCount(rawRegions);
  if (regionCount === undefined) return fail(msg('pd.store.badRegionCount', { id, answer: preview(rawRegions!) }));
  const capacity = asString(status.get('capacity'));
  const available = asString(status.get('available'));
  const nodeState = asCount(s.get('node_state'));
  return {
    ok: true,
    value: {
      id,
      address,
      state: state.value,
      labels: labels.value,
      stateName: asString(s.get('state_name')) ?? state.value,
      version: asString(s.get('version')),
      peerAddress: asString(s.get('peer_address')),
      statusAddress: asString(s.get('status_address')),
      deployPath: asString(s.get('deploy_path')),
      ...(nodeState !== undefined ? { nodeState } : {}),
      ...(s.get('physically_destroyed') === true ? { physicallyDestroyed: true } : {}),
      regionCount,
      leaderCount: asCount(status.get('leader_count')) ?? 0,
      capacity,
      available,
      capacityBytes: capacity === undefined ? undefined : parseByteSize(capacity),
      availableBytes: available === undefined ? undefined : parseByteSize(available),
      usedSize: asString(status.get('used_size')),
      startTs: asString(status.get('start_ts')),
      lastHeartbeatTs: asString(status.get('last_heartbeat_ts')),
      uptime: asString(status.get('uptime')),
    },
  };
}

/**
 * `{"count": N, "stores": [...]}`. PD always sends both, the list never null and as long as the count.
 * `{}`, a null or missing list, a count that disagrees, one bad entry or a repeated id: the whole
 * answer is an error, so nothing is ever concluded from part of a list.
 */
export function decodeStoreList(v: JsonValue, includesTombstones: boolean): Decoded<StoreList> {
  if (!isObject(v)) return fail(msg('pd.stores.notObject', { answer: preview(v) }));
  const list = v.get('stores');
  if (list === undefined || list === null) return fail(msg('pd.stores.noList', { answer: preview(v) }));
  if (!isArray(list)) return fail(msg('pd.stores.notList', { answer: preview(list) }));
  const count = asCount(v.get('count'));
  if (count !== list.length) return fail(msg('pd.stores.badCount', { count: preview(v.get('count') ?? null, 40), length: list.length }));
  const stores: Store[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < list.length; k++) {
    const d = decodeStore(list[k]);
    if (!d.ok) return fail(msg('pd.stores.entry', { index: k + 1, problem: d.error }));
    if (seen.has(d.value.id)) return fail(msg('pd.stores.duplicateId', { id: d.value.id }));
    seen.add(d.value.id);
    stores.push(d.value);
  }
  return { ok: true, value: { stores, includesTombstones } };
}

/** `GET /config/rules/group/tiflash`: a list, or `null` when the group has no rule. */
export function decodeRules(v: JsonValue): Decoded<PlacementRule[]> {
  if (v === null) return { ok: true, value: [] };
  if (!isArray(v)) return fail(msg('pd.rules.notList', { answer: preview(v) }));
  const out: PlacementRule[] = [];
  for (const r of v) {
    const count = isObject(r) ? asCount(r.get('count')) : undefined;
    const id = isObject(r) ? asString(r.get('id')) : undefined;
    if (!isObject(r) || count === undefined || id === undefined) return fail(msg('pd.rules.badRule', { answer: preview(r) }));
    const constraints = r.get('label_constraints');
    out.push({
      groupId: asString(r.get('group_id')) ?? '',
      id,
      role: asString(r.get('role')) ?? '',
      count,
      labelConstraints: isArray(constraints)
        ? constraints.filter(isObject).map((c) => {
            const values = c.get('values');
            return {
              key: asString(c.get('key')) ?? '',
              op: asString(c.get('op')) ?? '',
              values: isArray(values) ? values.flatMap((x) => asString(x) ?? []) : [],
            };
          })
        : [],
    });
  }
  return { ok: true, value: out };
}

export interface ReplicateConfig {
  maxReplicas: number;
  locationLabels: string[];
  strictlyMatchLabel: boolean;
  enablePlacementRules: boolean;
}

/** PD 3.1/4.0 write these booleans as strings (`"false"`); a real boolean is read too, anything else is not. */
function stringBool(v: JsonValue | undefined): boolean | undefined {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return undefined;
}

/** `GET /config/replicate`: `{"max-replicas":3,"location-labels":"","strictly-match-label":"false","enable-placement-rules":"false"}`. */
export function decodeReplicate(v: JsonValue): Decoded<ReplicateConfig> {
  if (!isObject(v)) return fail(msg('pd.config.notObject', { answer: preview(v) }));
  const bad = (key: string) => fail(msg('pd.config.badKey', { key, answer: preview(v) }));
  const enablePlacementRules = stringBool(v.get('enable-placement-rules'));
  if (enablePlacementRules === undefined) return bad('enable-placement-rules');
  const maxReplicas = asCount(v.get('max-replicas'));
  if (maxReplicas === undefined) return bad('max-replicas');
  const labels = v.get('location-labels');
  const locationLabels =
    typeof labels === 'string' ? labels.split(',').filter(Boolean) : isArray(labels) ? labels.flatMap((x) => asString(x) ?? []) : undefined;
  if (locationLabels === undefined) return bad('location-labels');
  return { ok: true, value: { maxReplicas, locationLabels, strictlyMatchLabel: stringBool(v.get('strictly-match-label')) ?? false, enablePlacementRules } };
}

export interface ScheduleConfig {
  /** A store whose used share passes this takes no more Regions (0.8 by default). */
  lowSpaceRatio?: number;
  maxStoreDownTimeMs?: number;
}

/** The parts of `GET /config/schedule` the drain analysis reads; a field present with a wrong value is an error. */
export function decodeSchedule(v: JsonValue): Decoded<ScheduleConfig> {
  if (!isObject(v)) return fail(msg('pd.config.notObject', { answer: preview(v) }));
  const rawRatio = v.get('low-space-ratio');
  const lowSpaceRatio = asNumber(rawRatio);
  if (rawRatio !== undefined && (lowSpaceRatio === undefined || lowSpaceRatio <= 0 || lowSpaceRatio > 1)) {
    return fail(msg('pd.config.badKey', { key: 'low-space-ratio', answer: preview(rawRatio) }));
  }
  const rawDown = v.get('max-store-down-time');
  const maxStoreDownTimeMs = typeof rawDown === 'string' ? parseGoDuration(rawDown) : undefined;
  if (rawDown !== undefined && maxStoreDownTimeMs === undefined) return fail(msg('pd.config.badKey', { key: 'max-store-down-time', answer: preview(rawDown) }));
  return { ok: true, value: { lowSpaceRatio, maxStoreDownTimeMs } };
}

/** `GET /version`: `{"version":"v4.0.16"}`. */
export function decodeVersionText(v: JsonValue): Decoded<string> {
  const text = isObject(v) ? asString(v.get('version')) : undefined;
  return text !== undefined ? { ok: true, value: text } : fail(msg('pd.version.bad', { answer: preview(v) }));
}

/** Store limits per store, in operations per minute. */
export type StoreLimits = ReadonlyMap<StoreId, number>;

/**
 * `GET /stores/limit`: 4.0 `{"<id>":{"add-peer":15,"remove-peer":15}}`, 3.1 (one type per request)
 * `{"<id>":{"rate":15,"mode":"manual"}}`. `field` names the number to take.
 */
export function decodeStoreLimits(v: JsonValue, field: 'rate' | 'add-peer' | 'remove-peer'): Decoded<StoreLimits> {
  if (!isObject(v)) return fail(msg('pd.limits.bad', { answer: preview(v) }));
  const out = new Map<StoreId, number>();
  for (const [key, entry] of v) {
    const id = parseStoreId(key);
    const rate = isObject(entry) ? asNumber(entry.get(field)) : undefined;
    if (!id || rate === undefined || rate < 0) return fail(msg('pd.limits.bad', { answer: preview(v) }));
    out.set(id, rate);
  }
  return { ok: true, value: out };
}

/**
 * PD's reason for an HTTP error, whatever its version wrote: 4.0 a JSON string
 * (`"[PD:core:ErrStoreNotFound]store 99 not found"`), 3.1 an errcode object
 * (`{"code":"missing","msg":"store.remove: store 99 not found",...}`), `{}`, or plain text.
 */
export function errorText(body: string): string {
  const r = readJson(body);
  if (r.ok && typeof r.value === 'string') return shorten(r.value);
  if (r.ok && isObject(r.value)) {
    const m = asString(r.value.get('msg'));
    const code = asString(r.value.get('code'));
    if (m !== undefined) return shorten(code ? `${m} (${code})` : m);
  }
  return shorten(body) || '""';
}
