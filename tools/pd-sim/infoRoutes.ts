// PD's informational endpoints: version, status, health, members, regions of a store, labels.

import { atoi, pdJson } from './answers';
import { type GoValue, u64 } from './goJson';
import { PROFILE_FACTS } from './profile';
import { renderRegionsOf, renderStores } from './render';
import { type Route, route } from './router';
import type { PdContext } from './storeRoutes';

export interface Member {
  name: string;
  /** uint64 beyond 2^53, as real member ids are. */
  memberId: string;
  clusterId: string;
  /** Unix seconds the server started. */
  startTimestamp: number;
  url: () => string;
}

const P = '/pd/api/v1';

export function infoRoutes(ctx: PdContext, me: Member): Route[] {
  const c = ctx.cluster;
  const v40 = c.profile === '4.0';
  const facts = PROFILE_FACTS[c.profile];
  const member = (): GoValue => ({
    name: me.name,
    member_id: u64(me.memberId),
    peer_urls: [me.url().replace(/:\d+$/, ':2380')],
    client_urls: [me.url()],
    deploy_path: v40 ? '/home/tidb/deploy/bin' : undefined,
    binary_version: v40 ? `v${c.version}` : undefined,
    git_hash: v40 ? facts.gitHash : undefined,
  });

  return [
    route('GET', `${P}/version`, () => pdJson(200, { version: `v${c.version}` })),
    route('GET', `${P}/status`, () =>
      pdJson(200, { build_ts: facts.buildTs, version: `v${c.version}`, git_hash: facts.gitHash, start_timestamp: me.startTimestamp }),
    ),
    route('GET', `${P}/health`, () => pdJson(200, [{ name: me.name, member_id: u64(me.memberId), client_urls: [me.url()], health: true }])),
    route('GET', `${P}/members`, () =>
      pdJson(200, { header: { cluster_id: u64(me.clusterId) }, members: [member()], leader: member(), etcd_leader: member() }),
    ),
    route('GET', `${P}/regions/store/{id}`, (_, [raw]) => {
      const n = atoi(raw);
      if (!n.ok) return pdJson(400, n.error); // ids beyond 2^63 do not fit Atoi: PD answers 400
      const s = c.find(BigInt.asUintN(64, n.value).toString());
      return pdJson(200, renderRegionsOf(c, s ? [s] : []));
    }),
    route('GET', `${P}/regions/check/offline-peer`, () =>
      pdJson(
        200,
        renderRegionsOf(
          c,
          c.stores.filter((s) => s.state === 1),
        ),
      ),
    ),
    route('GET', `${P}/labels`, () => {
      const seen = new Map<string, GoValue>();
      for (const s of ctx.order(c.stores))
        for (const l of s.labels) if (!seen.has((l.key + l.value).toLowerCase())) seen.set((l.key + l.value).toLowerCase(), { key: l.key, value: l.value });
      return pdJson(200, seen.size ? [...seen.values()] : null);
    }),
    // case-insensitive, unanchored patterns, and no state filter: Tombstone stores are listed too
    route('GET', `${P}/labels/stores`, (req) => {
      let key: RegExp;
      let value: RegExp;
      try {
        key = new RegExp(req.url.searchParams.get('name') ?? '', 'i');
        value = new RegExp(req.url.searchParams.get('value') ?? '', 'i');
      } catch (e) {
        return pdJson(500, `error parsing regexp: ${(e as Error).message}`);
      }
      const matching = c.stores.filter((s) => s.labels.some((l) => key.test(l.key) && value.test(l.value)));
      return pdJson(200, renderStores(c, ctx.order(matching), ctx.tzMinutes));
    }),
  ];
}
