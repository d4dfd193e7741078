// Where PD answers: the setting wins, else every [pd_servers] host at pd_client_port (default 2379).

import { groupDepths, resolveHostVars } from '../inventory/resolve';
import { hostAddress } from '../inventory/tiflash';
import type { Inventory } from '../inventory/types';

export function pdEndpointsFromInventory(inv: Inventory): string[] {
  const depths = groupDepths(inv);
  const tls = inv.groups.get('all')?.vars.enable_tls === true;
  return (inv.groups.get('pd_servers')?.hosts ?? []).map((h) => {
    const vars = resolveHostVars(inv, h, depths);
    const port = Number(vars.pd_client_port ?? 2379);
    const address = hostAddress(vars, h);
    return `${tls ? 'https' : 'http'}://${address.includes(':') ? `[${address}]` : address}:${Number.isInteger(port) ? port : 2379}`;
  });
}
