// Whether a draining (Offline) TiFlash store is stuck, and why: its region count has not fallen for a
// while (default 2 minutes), and what was checked live says what holds it: placement rules needing more
// TiFlash stores than remain Up, the remaining stores short of space under PD's low-space-ratio, or a
// store limit of 0. Pure: the caller reads PD (api.ts) and passes the answers in.

import { msg, type Msg } from '../l10n/message';
import type { DrainSample } from '../poll/drain';
import type { StoreLimitsByType, TiflashRules } from './api';
import type { ScheduleConfig } from './decode';
import { compareStoreIds, isTiFlash, type Store } from './types';
import type { StoreLimitTypes } from './version';

export const DEFAULT_STUCK_AFTER_MS = 2 * 60_000;

export interface DrainCheckInput {
  /** The draining store, as last read. */
  store: Store;
  /** Its region counts over time (src/core/poll/drain.ts). */
  samples: readonly DrainSample[];
  now: number;
  stuckAfterMs?: number;
  /** PD's store list. */
  stores: readonly Store[];
  /** Undefined where a read failed: the finding says it was not checked. */
  rules?: TiflashRules;
  schedule?: ScheduleConfig;
  limits?: StoreLimitsByType;
  limitTypes?: StoreLimitTypes;
}

export interface DrainFinding {
  check: 'rules' | 'space' | 'limits' | 'none';
  /** This alone keeps the drain from finishing. */
  blocking: boolean;
  message: Msg;
}

export type DrainVerdict = { stuck: false } | { stuck: true; stalledMs: number; regions: number; summary: Msg; findings: DrainFinding[] };

/** How long the count has not fallen: back from the newest sample while no earlier one was higher. */
export function stalledFor(samples: readonly DrainSample[], now: number): number {
  if (!samples.length) return 0;
  let since = samples[samples.length - 1].at;
  for (let i = samples.length - 1; i > 0 && samples[i - 1].regions <= samples[i].regions; i--) since = samples[i - 1].at;
  return Math.max(0, now - since);
}

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
const pct = (x: number) => Math.round(x * 100);

export function checkDrain(input: DrainCheckInput): DrainVerdict {
  const last = input.samples[input.samples.length - 1];
  const stalledMs = stalledFor(input.samples, input.now);
  // at 0 Regions PD's background job buries the store within seconds: waiting, not stuck
  if (!last || last.regions === 0 || stalledMs < (input.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS)) return { stuck: false };
  const remaining = input.stores.filter((s) => isTiFlash(s) && s.state === 'Up' && s.id !== input.store.id).sort((a, b) => compareStoreIds(a.id, b.id));
  const rules = rulesFinding(input.rules, remaining.length);
  const findings = [rules.finding, ...spaceFindings(input.schedule, remaining, Math.max(1, rules.need)), ...limitFindings(input, remaining)];
  if (!findings.some((f) => f.blocking)) findings.push({ check: 'none', blocking: false, message: msg('drain.noCause') });
  return {
    stuck: true,
    stalledMs,
    regions: last.regions,
    findings,
    summary: msg('drain.stuck', { id: input.store.id, regions: last.regions, minutes: minutes(stalledMs) }),
  };
}

function rulesFinding(rules: TiflashRules | undefined, up: number): { need: number; finding: DrainFinding } {
  if (!rules) return { need: 0, finding: { check: 'rules', blocking: false, message: msg('drain.rules.unread') } };
  if (!rules.enabled) return { need: 0, finding: { check: 'rules', blocking: false, message: msg('drain.rules.disabled') } };
  const need = rules.rules.reduce((m, r) => Math.max(m, r.count), 0);
  if (need <= up) return { need, finding: { check: 'rules', blocking: false, message: msg('drain.rules.ok', { need, up }) } };
  const short = rules.rules.filter((r) => r.count > up).sort((a, b) => b.count - a.count);
  return {
    need,
    finding: { check: 'rules', blocking: true, message: msg('drain.rules.short', { need, up, rules: short.slice(0, 5).map((r) => `${r.id} (${r.count})`) }) },
  };
}

/** PD moves no Region to a store whose free share is below 1 - low-space-ratio. */
function spaceFindings(schedule: ScheduleConfig | undefined, remaining: readonly Store[], need: number): DrainFinding[] {
  const ratio = schedule?.lowSpaceRatio;
  if (ratio === undefined) return [{ check: 'space', blocking: false, message: msg('drain.space.unread') }];
  const low = remaining.filter((s) => s.capacityBytes && s.availableBytes !== undefined && s.availableBytes / s.capacityBytes < 1 - ratio);
  const unknown = remaining.filter((s) => !s.capacityBytes || s.availableBytes === undefined);
  const roomy = remaining.length - low.length - unknown.length;
  if (!low.length) return [{ check: 'space', blocking: false, message: msg('drain.space.ok', { count: roomy, ratio: pct(ratio) }) }];
  // blocking when too few stores with room remain to hold the replicas (the unknown ones may have room)
  const blocking = roomy + unknown.length < need;
  return low.map((s) => ({
    check: 'space' as const,
    blocking,
    message: msg('drain.space.low', { id: s.id, available: s.available ?? '?', capacity: s.capacity ?? '?', ratio: pct(ratio) }),
  }));
}

function limitFindings(input: DrainCheckInput, remaining: readonly Store[]): DrainFinding[] {
  const { limits, limitTypes } = input;
  if (!limits || !limitTypes) return [{ check: 'limits', blocking: false, message: msg('drain.limits.unread') }];
  const out: DrainFinding[] = [];
  const remove = limits.remove.get(input.store.id);
  if (remove !== undefined) {
    out.push({
      check: 'limits',
      blocking: remove <= 0,
      message:
        remove <= 0
          ? msg('drain.limit.zero', { id: input.store.id, type: limitTypes.remove })
          : msg('drain.limit.value', { id: input.store.id, type: limitTypes.remove, rate: remove }),
    });
  }
  const adds = remaining.map((s) => limits.add.get(s.id));
  if (remaining.length && adds.every((r) => r !== undefined && r <= 0)) {
    out.push({ check: 'limits', blocking: true, message: msg('drain.limit.addZero', { type: limitTypes.add, ids: remaining.map((s) => s.id) }) });
  }
  return out;
}

/** A limit this high does not hold a drain (PD 4.0 sets 100000000 on delete). */
const RAISED_ENOUGH = 1000;

export interface LimitRaise {
  storeId: Store['id'];
  /** The draining store's remove limit now, per minute. */
  from: number;
  /** What the operator is offered for the drain (set back to `from` when it ends). */
  to: number;
}

/**
 * A drain that only the draining store's own remove limit holds (0, or low): raising it for the drain helps.
 * Undefined when it is not stuck, when placement rules or space hold it (a higher limit would not move a Region),
 * or when the limit is unknown or already high.
 */
export function limitRaise(verdict: DrainVerdict, storeId: Store['id'], limits: StoreLimitsByType | undefined): LimitRaise | undefined {
  if (!verdict.stuck || verdict.findings.some((f) => f.blocking && f.check !== 'limits')) return undefined;
  const from = limits?.remove.get(storeId);
  if (from === undefined || from >= RAISED_ENOUGH) return undefined;
  return { storeId, from, to: Math.max(from * 4, 60) };
}
