// Why a drain the run waits for has stalled: once the store's Region count has not fallen for
// `tiflash.stuckDrainSeconds` (default 120), PD is asked (at most once a minute) for what can hold it: the
// placement rules, the remaining stores' space against low-space-ratio, the store limits. The wait shows it and
// the log keeps it (src/core/pd/stuckDrain.ts decides).

import type { StoreLimitsByType } from '../../core/pd/api';
import { checkDrain, limitRaise, stalledFor, type DrainVerdict, type LimitRaise } from '../../core/pd/stuckDrain';
import type { StoreId } from '../../core/pd/types';
import type { Ctx } from '../../context';
import type { Cluster } from '../../inventories';
import { show } from '../text';

const READ_EVERY_MS = 60_000;

export class DrainCheck {
  private verdict: DrainVerdict = { stuck: false };
  private limits?: StoreLimitsByType;
  private readAt = 0;
  private reading = false;
  private logged = '';

  constructor(
    private readonly ctx: Ctx,
    private readonly cluster: Cluster,
    private readonly storeId: StoreId,
  ) {}

  private get stuckAfterMs(): number {
    return this.ctx.settings.of(this.cluster.dir).stuckDrainSeconds * 1000;
  }

  /** Raising the draining store's own remove limit would help (it alone holds the drain), as last read. */
  offer(): LimitRaise | undefined {
    return limitRaise(this.verdict, this.storeId, this.limits);
  }

  /** What holds the drain, as last read; undefined while its Region count falls. */
  explain(now: number): string | undefined {
    const samples = this.ctx.stores.get(this.cluster)?.drains.get(this.storeId) ?? [];
    if (stalledFor(samples, now) < this.stuckAfterMs) {
      this.verdict = { stuck: false };
      return undefined;
    }
    if (!this.reading && now - this.readAt >= READ_EVERY_MS) void this.read(now);
    if (!this.verdict.stuck) return undefined;
    const v = this.verdict;
    const findings = v.findings.filter((f) => f.blocking || f.check === 'none');
    return [show(v.summary), ...(findings.length ? findings : v.findings).map((f) => show(f.message))].join('; ');
  }

  private async read(now: number): Promise<void> {
    const live = this.ctx.stores.get(this.cluster);
    const store = live?.stores?.stores.find((s) => s.id === this.storeId);
    if (!live?.stores || !store) return;
    this.reading = true;
    try {
      const [rules, schedule, limits, caps] = await Promise.all([
        live.api.tiflashRules(),
        live.api.scheduleConfig(),
        live.api.storeLimits(),
        live.api.capabilities(),
      ]);
      this.limits = limits.ok ? limits.value : undefined;
      this.verdict = checkDrain({
        store,
        samples: live.drains.get(this.storeId) ?? [],
        now,
        stuckAfterMs: this.stuckAfterMs,
        stores: live.stores.stores,
        rules: rules.ok ? rules.value : undefined,
        schedule: schedule.ok ? schedule.value : undefined,
        limits: limits.ok ? limits.value : undefined,
        limitTypes: caps.ok ? caps.value.caps.storeLimit : undefined,
      });
      this.readAt = now;
      const text = this.verdict.stuck ? this.verdict.findings.map((f) => show(f.message)).join('; ') : '';
      if (this.verdict.stuck && text !== this.logged) this.ctx.log.warn(`${show(this.verdict.summary)}: ${(this.logged = text)}`);
    } finally {
      this.reading = false;
    }
  }
}
