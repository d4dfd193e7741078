// The TiFlash docs support only IP addresses in [tiflash_servers].

import { finding, isIp, setHostVar } from '../helpers';
import type { Rule } from '../types';

export const tiflashHostNotIp: Rule = {
  id: 'tiflash-host-not-ip',
  check(ctx) {
    return ctx.tiflash
      .filter((h) => h.line && !isIp(h.address))
      .map((h) => {
        const via = h.address === h.name ? `'${h.name}'` : `ansible_host '${h.address}' of ${h.name}`;
        const ip = ctx.resolvedNames?.get(h.address);
        // keep the name as an alias (playbooks' -l still names it) and point ansible_host at the IP
        const fixes = ip && isIp(ip) ? [{ title: `Set ansible_host=${ip} (${h.address} resolves to it)`, edits: [{ file: 'inventory' as const, edit: setHostVar(h.line!, 'ansible_host', ip) }] }] : undefined;
        return finding('inventory', 'tiflash-host-not-ip', 'error', h.line!, `TiFlash hosts must be IP addresses, not domain names: ${via}. Write the IP, or keep the alias and set ansible_host=<IP>.`, fixes);
      });
  },
};
