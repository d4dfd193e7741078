// PD's configuration and placement-rule endpoints (server/api/config.go, rule.go, server.go and
// schedule/placement at v3.1.2 / v4.0.16). Placement rules are off unless the cluster file turns them
// on; while off, every rule route answers 412.

import { type Answer, type JsonObject, errcode, parseUint64, pdJson, readJsonObject } from './answers';
import { type Cluster, type ReplicateConfig, type SimRule, isTiFlashStore, ruleText } from './cluster';
import type { GoValue } from './goJson';
import { goDuration, parseGoDuration } from './goFormat';
import { PROFILE_FACTS } from './profile';
import { renderRule, renderRules } from './render';
import { type Request, type Route, route } from './router';

const P = '/pd/api/v1';
const ROLES = ['voter', 'leader', 'follower', 'learner'];
const OPS = ['in', 'notIn', 'exists', 'notExists'];

const BOOL_KEYS = ['strictly-match-label', 'enable-placement-rules'] as const;

/** json.Unmarshal of a `,string` bool: only the strings "true" and "false". */
function stringBool(v: unknown): { ok: true; value: 'true' | 'false' } | { ok: false; error: string } {
  if (v === 'true' || v === 'false') return { ok: true, value: v };
  return {
    ok: false,
    error:
      typeof v === 'string'
        ? `json: invalid use of ,string struct tag, trying to unmarshal "${v}" into bool`
        : `json: invalid use of ,string struct tag, trying to unmarshal unquoted value into bool`,
  };
}

/** 4.0's buildRuleList: the first key range no rule covers (3.1 does not check). */
function uncovered(rules: SimRule[]): string | undefined {
  if (!rules.length) return 'no rule left';
  const points = rules
    .flatMap((r) => {
      const start = ruleText(r.start_key).toUpperCase();
      const end = ruleText(r.end_key).toUpperCase();
      return end
        ? [
            { key: start, delta: 1 },
            { key: end, delta: -1 },
          ]
        : [{ key: start, delta: 1 }];
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let active = 0;
  for (let i = 0; i < points.length; i++) {
    active += points[i].delta;
    const last = i === points.length - 1;
    if ((last || points[i + 1].key !== points[i].key) && active === 0) return `no rule for range {${points[i].key}, ${last ? '' : points[i + 1].key}}`;
  }
  return undefined;
}

const RULE_FIELDS: Record<string, 'string' | 'number' | 'boolean' | 'object'> = {
  group_id: 'string',
  id: 'string',
  index: 'number',
  override: 'boolean',
  start_key: 'string',
  end_key: 'string',
  role: 'string',
  count: 'number',
  label_constraints: 'object',
  location_labels: 'object',
};

/** encoding/json's complaint when a rule field has the wrong JSON type (PD answers 400 errcode "input"). */
function ruleTypeError(o: JsonObject): string | undefined {
  for (const [field, want] of Object.entries(RULE_FIELDS)) {
    const v = o[field];
    if (v === undefined || v === null || typeof v === want) continue;
    const kind = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
    const goType = want === 'number' ? 'int' : want === 'boolean' ? 'bool' : want === 'object' ? 'slice' : want;
    return `json: cannot unmarshal ${kind} into Go struct field Rule.${field} of type ${goType}`;
  }
  return undefined;
}

/** hex.DecodeString's complaint about a key, wrapped as checkRule does. */
function hexKeyError(key: string, what: string): string | undefined {
  if (key.length % 2) return `${what}: encoding/hex: odd length hex string`;
  const bad = /[^0-9a-fA-F]/.exec(key);
  return bad ? `${what}: encoding/hex: invalid byte: U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${bad[0]}'` : undefined;
}

/** codec.DecodeBytes: PD's key type "table" wants keys in memcomparable groups of 8 bytes and a marker. */
function memcomparableError(hexKey: string, which: 'start' | 'end'): string | undefined {
  const bytes = Buffer.from(hexKey, 'hex');
  for (let at = 0; at < bytes.length; at += 9) {
    const group = bytes.subarray(at, at + 9);
    const why =
      group.length < 9
        ? 'insufficient bytes to decode value'
        : 0xff - group[8] > 8
          ? 'invalid marker byte'
          : group.subarray(8 - (0xff - group[8]), 8).some((b) => b !== 0)
            ? 'invalid padding byte'
            : undefined;
    if (why) return `${which} key should be encoded in table mode: ${why}`;
    if (group[8] !== 0xff) return undefined; // the last group: what follows is not part of the key
  }
  return undefined;
}

export function configRoutes(c: Cluster): Route[] {
  const v40 = c.profile === '4.0';
  const facts = PROFILE_FACTS[c.profile];
  const extraSchedule: Record<string, GoValue> = {};
  const placementError = (kind: 'ErrBuildRuleList' | 'ErrRuleContent', detail: string) =>
    v40 ? `[PD:placement:${kind}]${kind === 'ErrBuildRuleList' ? 'build rule list failed' : 'invalid rule content'}, ${detail}` : detail;

  const schedule = (): GoValue => ({
    'max-snapshot-count': 3,
    'max-pending-peer-count': 16,
    'max-merge-region-size': 20,
    'max-merge-region-keys': 200000,
    'split-merge-interval': '1h0m0s',
    'enable-one-way-merge': 'false',
    'enable-cross-table-merge': 'false',
    'patrol-region-interval': '100ms',
    'max-store-down-time': goDuration(BigInt(c.maxStoreDownMs) * 1_000_000n),
    'leader-schedule-limit': 4,
    'leader-schedule-policy': 'count',
    'region-schedule-limit': 2048,
    'replica-schedule-limit': 64,
    'merge-schedule-limit': 8,
    'hot-region-schedule-limit': 4,
    'hot-region-cache-hits-threshold': 3,
    // 3.1 keeps one store-balance-rate; 4.0 moved it into per-store limits (and omits the zeroed old key)
    'store-balance-rate': v40 ? undefined : facts.defaultRate.tikv,
    'store-limit': v40
      ? Object.fromEntries(
          c.limits
            .ids()
            .sort()
            .map((id) => [id, { 'add-peer': c.limits.rate(id, 'add'), 'remove-peer': c.limits.rate(id, 'remove') }]),
        )
      : undefined,
    'tolerant-size-ratio': 0,
    'low-space-ratio': c.lowSpaceRatio,
    'high-space-ratio': c.highSpaceRatio,
    'scheduler-max-waiting-operator': facts.schedulerMaxWaitingOperator,
    'enable-remove-down-replica': 'true',
    'enable-replace-offline-replica': 'true',
    'enable-make-up-replica': 'true',
    'enable-remove-extra-replica': 'true',
    'enable-location-replacement': 'true',
    'enable-debug-metrics': 'false',
    'schedulers-v2': ['balance-region', 'balance-leader', 'hot-region', 'label'].map((type) => ({ type, args: null, disable: false, 'args-payload': '' })),
    'schedulers-payload': v40 ? null : undefined,
    'store-limit-mode': 'manual',
    ...extraSchedule,
  });

  const setSchedule = (req: Request): Answer => {
    const body = readJsonObject(req.body);
    if (!body.ok) return body.answer;
    for (const [key, v] of Object.entries(body.value)) {
      if (key === 'max-store-down-time') {
        const ns = typeof v === 'string' ? parseGoDuration(v) : undefined;
        if (ns === undefined) return errcode('input', `time: invalid duration ${JSON.stringify(String(v))}`, {});
        c.maxStoreDownMs = Number(ns / 1_000_000n);
      } else if (key === 'low-space-ratio' || key === 'high-space-ratio') {
        if (typeof v !== 'number') return errcode('input', `json: cannot unmarshal ${typeof v} into Go struct field ScheduleConfig.${key} of type float64`, {});
        if (key === 'low-space-ratio') c.lowSpaceRatio = v;
        else c.highSpaceRatio = v;
      } else extraSchedule[key] = v as GoValue;
    }
    return pdJson(200, null);
  };

  /** SetReplication: Go decodes into the current config (unknown keys ignored), then applies the change. */
  const setReplicate = (req: Request): Answer => {
    const body = readJsonObject(req.body);
    if (!body.ok) return body.answer;
    const next: ReplicateConfig = { ...c.replicate };
    for (const [key, v] of Object.entries(body.value)) {
      if (key === 'max-replicas') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
          return errcode(
            'input',
            `json: cannot unmarshal ${typeof v === 'number' ? 'number ' + v : typeof v} into Go struct field ReplicationConfig.max-replicas of type uint64`,
            {},
          );
        next['max-replicas'] = v;
      } else if (key === 'location-labels') {
        if (typeof v !== 'string') return errcode('internal', 'invalid syntax', {});
        next['location-labels'] = v;
      } else if ((BOOL_KEYS as readonly string[]).includes(key)) {
        const b = stringBool(v);
        if (!b.ok) return errcode('input', b.error, {});
        next[key as (typeof BOOL_KEYS)[number]] = b.value;
      }
    }
    const turningOn = next['enable-placement-rules'] === 'true' && !c.placementRules;
    const turningOff = next['enable-placement-rules'] === 'false' && c.placementRules;
    if (turningOff && c.stores.some((s) => s.state !== 2 && isTiFlashStore(s))) return pdJson(500, 'cannot disable placement rules with TiFlash nodes');
    if (turningOn && !c.rulesInitialized) {
      // the rule manager's first start: with no rule saved, the default voter rule
      if (!c.rules.length) {
        const labels = next['location-labels'] ? next['location-labels'].split(',') : [];
        c.rules.push({ group_id: 'pd', id: 'default', start_key: '', end_key: '', role: 'voter', count: next['max-replicas'], location_labels: labels });
      }
      c.rulesInitialized = true;
    }
    c.replicate = next;
    return pdJson(200, null);
  };

  /** Every rule route checks first that placement rules are on. */
  const rules =
    (handle: Route['handle']): Route['handle'] =>
    (req, params) =>
      c.placementRules ? handle(req, params) : pdJson(412, 'placement rules feature is disabled');

  /** The handler's checkRule (400), then the rule manager's adjustRule (500). */
  const ruleContent = (o: JsonObject): { ok: true; rule: SimRule } | { ok: false; answer: Answer } => {
    const start = typeof o.start_key === 'string' ? o.start_key : '';
    const end = typeof o.end_key === 'string' ? o.end_key : '';
    const keyError = hexKeyError(start, 'start key is not in hex format') ?? hexKeyError(end, 'end key is not hex format');
    if (keyError) return { ok: false, answer: pdJson(400, keyError) };
    // 3.1 compares whenever the start key is set, so an open end after a start is refused there
    const compare = v40 ? end !== '' : start !== '';
    if (compare && end.toUpperCase() <= start.toUpperCase()) return { ok: false, answer: pdJson(400, 'endKey should be greater than startKey') };
    const encoding = memcomparableError(start, 'start') ?? memcomparableError(end, 'end');
    if (encoding) return { ok: false, answer: pdJson(400, encoding) };
    const typeError = ruleTypeError(o);
    if (typeError) return { ok: false, answer: errcode('input', typeError, {}) };
    const rule: SimRule = {
      ...o,
      group_id: ruleText(o.group_id),
      id: ruleText(o.id),
      role: ruleText(o.role),
      count: Number(o.count ?? 0),
      start_key: start,
      end_key: end,
    };
    const constraints: { op?: unknown }[] = Array.isArray(rule.label_constraints) ? (rule.label_constraints as { op?: unknown }[]) : [];
    const content = !rule.group_id
      ? 'group ID should not be empty'
      : !rule.id
        ? 'ID should not be empty'
        : !ROLES.includes(rule.role)
          ? `invalid role ${rule.role}`
          : !(rule.count > 0)
            ? `invalid count ${rule.count}`
            : constraints.map((lc) => (OPS.includes(String(lc.op)) ? '' : `invalid op ${String(lc.op)}`)).find(Boolean);
    return content ? { ok: false, answer: pdJson(500, placementError('ErrRuleContent', content)) } : { ok: true, rule };
  };

  /** Saves the rule set unless 4.0 finds a key range without a rule. */
  const commitRules = (next: SimRule[], done: string): Answer => {
    const gap = v40 ? uncovered(next) : undefined;
    if (gap) return pdJson(500, placementError('ErrBuildRuleList', gap));
    c.rules = next;
    return pdJson(200, v40 ? done : null);
  };

  const same = (r: SimRule, group: string, id: string) => r.group_id === group && r.id === id;

  return [
    route('GET', `${P}/config/schedule`, () => pdJson(200, schedule())),
    route('POST', `${P}/config/schedule`, setSchedule),
    route('GET', `${P}/config/replicate`, () => pdJson(200, { ...c.replicate })),
    route('POST', `${P}/config/replicate`, setReplicate),
    route(
      'GET',
      `${P}/config/rules`,
      rules(() => pdJson(200, renderRules(c.rules) ?? [])),
    ),
    route(
      'GET',
      `${P}/config/rules/group/{group}`,
      rules((_, [group]) => pdJson(200, renderRules(c.rules.filter((r) => r.group_id === group)))),
    ),
    route(
      'GET',
      `${P}/config/rules/region/{region}`,
      rules((_, [region]) => {
        const id = parseUint64(region);
        // the simulator keeps no regions by id
        return id.ok ? pdJson(404, `region ${id.value} not found`) : pdJson(400, 'invalid region id');
      }),
    ),
    route(
      'GET',
      `${P}/config/rules/key/{key}`,
      rules((_, [key]) => {
        if (key.length % 2 || /[^0-9a-fA-F]/.test(key)) return pdJson(400, 'key should be in hex format');
        const k = key.toUpperCase();
        return pdJson(
          200,
          renderRules(c.rules.filter((r) => ruleText(r.start_key).toUpperCase() <= k && (!r.end_key || k < ruleText(r.end_key).toUpperCase()))),
        );
      }),
    ),
    route(
      'GET',
      `${P}/config/rule/{group}/{id}`,
      rules((_, [group, id]) => {
        const rule = c.rules.find((r) => same(r, group, id));
        return rule ? pdJson(200, renderRule(rule)) : pdJson(404, null);
      }),
    ),
    route(
      'POST',
      `${P}/config/rule`,
      rules((req) => {
        const body = readJsonObject(req.body);
        if (!body.ok) return body.answer;
        const content = ruleContent(body.value);
        if (!content.ok) return content.answer;
        const r = content.rule;
        return commitRules([...c.rules.filter((x) => !same(x, r.group_id, r.id)), r], 'Update rule successfully.');
      }),
    ),
    route(
      'DELETE',
      `${P}/config/rule/{group}/{id}`,
      rules((_, [group, id]) =>
        c.rules.some((r) => same(r, group, id))
          ? commitRules(
              c.rules.filter((r) => !same(r, group, id)),
              'Delete rule successfully.',
            )
          : pdJson(200, v40 ? 'Delete rule successfully.' : null),
      ),
    ),
  ];
}
