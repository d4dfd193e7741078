// Plans refuse what Ansible would reject or misread: any syntax finding in inventory.ini or hosts.ini
// (Ansible then rejects the whole file and every playbook matches nothing), and an error on the host's own line.

import { msg, type Msg } from '../l10n/message';
import type { Inventory } from '../inventory/types';
import { validate } from '../validation';
import type { Blocked } from './types';

export function inventoryGate(inventory: Inventory, hosts: Inventory | undefined, hostLine?: number): Blocked[] {
  const out: Blocked[] = [];
  for (const f of validate(inventory, hosts)) {
    const file = f.file === 'hosts' ? 'hosts.ini' : 'inventory.ini';
    const message: Msg | string = f.message;
    if (f.rule === 'syntax') out.push({ check: 'inventory-syntax', message: msg('plan.blocked.syntax', { file, line: f.line + 1, message }) });
    else if (f.severity === 'error' && f.file === 'inventory' && f.line === hostLine) {
      out.push({ check: 'host-line-error', message: msg('plan.blocked.hostLine', { line: f.line + 1, message }) });
    }
  }
  return out;
}
