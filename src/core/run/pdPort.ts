// The PD port of the run engine over the PD client: exact requests, the complete store list, 4.0's store limits.

import { msg } from '../l10n/message';
import type { PdClient, PdError } from '../pd/client';
import type { StoreId } from '../pd/types';
import type { PdPort, PortResult } from './pdStep';

const error = <T>(e: PdError): PortResult<T> => ({ ok: false, error: msg('bridge.text', { reason: e.message }) });

export function pdPort(client: PdClient): PdPort {
  return {
    async send(request) {
      const r = await client.exchange(request);
      return r.ok ? r : error(r.error);
    },
    async stores() {
      const r = await client.stores();
      return r.ok ? r : error(r.error);
    },
    async removePeerLimit(id: StoreId) {
      const r = await client.exchange({ method: 'GET', path: '/pd/api/v1/stores/limit' });
      if (!r.ok) return error(r.error);
      if (r.value.status !== 200) return { ok: true, value: undefined };
      try {
        const limits = JSON.parse(r.value.body) as Record<string, { 'remove-peer'?: unknown }>;
        const v = limits[id]?.['remove-peer'];
        return { ok: true, value: typeof v === 'number' ? v : undefined };
      } catch {
        return { ok: true, value: undefined };
      }
    },
    async placementEnabled() {
      const r = await client.exchange({ method: 'GET', path: '/pd/api/v1/config/replicate' });
      if (!r.ok) return error(r.error);
      try {
        const cfg = JSON.parse(r.value.body) as Record<string, unknown>;
        const v = cfg['enable-placement-rules'];
        return { ok: true, value: v === true || v === 'true' };
      } catch {
        return { ok: false, error: msg('bridge.text', { reason: r.value.body.slice(0, 200) }) };
      }
    },
  };
}
