// The TiFlash docs support only IP addresses in [tiflash_servers].

import { msg } from '../../l10n/message';
import { finding, isIp, setHostVar } from '../helpers';
import type { Rule } from '../types';

export const tiflashHostNotIp: Rule = {
  check(ctx) {
    return ctx.tiflash
      .filter((h) => h.line && !isIp(h.address))
      .map((h) => {
        const ip = ctx.resolvedNames?.get(h.address);
        // keep the name as an alias (playbooks' -l still names it) and point ansible_host at the IP
        const fixes =
          ip && isIp(ip)
            ? [
                {
                  title: msg('validation.fix.setAnsibleHost', { ip, name: h.address }),
                  edits: [{ file: 'inventory' as const, edit: setHostVar(h.line!, 'ansible_host', ip) }],
                },
              ]
            : undefined;
        const message =
          h.address === h.name
            ? msg('validation.tiflashHostNotIp', { name: h.name })
            : msg('validation.tiflashAliasNotIp', { name: h.name, address: h.address });
        return finding('inventory', 'tiflash-host-not-ip', 'error', h.line!, message, fixes);
      });
  },
};
