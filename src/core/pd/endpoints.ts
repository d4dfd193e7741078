// Where PD answers: the setting wins, else every [pd_servers] host at pd_client_port (default 2379).

import { addressOf, resolveHostVars } from '../inventory/resolve';
import type { Inventory } from '../inventory/types';
import { intOr } from '../inventory/values';

export function pdEndpointsFromInventory(inv: Inventory): string[] {
  const tls = inv.groups.get('all')?.vars.enable_tls === true;
  return (inv.groups.get('pd_servers')?.hosts ?? []).map((h) => {
    const address = addressOf(inv, h);
    return `${tls ? 'https' : 'http'}://${address.includes(':') ? `[${address}]` : address}:${intOr(resolveHostVars(inv, h).pd_client_port, 2379)}`;
  });
}
