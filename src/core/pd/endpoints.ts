// Where PD and TiDB's status port answer: the setting wins, else every [pd_servers] host at
// pd_client_port (2379) and every [tidb_servers] host at tidb_status_port (10080), https when
// `enable_tls = True`, with the certificates tidb-ansible generated in `<tidb-ansible>/conf/ssl/`.

import { addressOf, resolveHostVars } from '../inventory/resolve';
import type { Inventory } from '../inventory/types';
import { intOr } from '../inventory/values';

export const tlsEnabled = (inv: Inventory): boolean => inv.groups.get('all')?.vars.enable_tls === true;

function serviceUrls(inv: Inventory, group: string, portVar: string, defaultPort: number): string[] {
  const scheme = tlsEnabled(inv) ? 'https' : 'http';
  return (inv.groups.get(group)?.hosts ?? []).map((h) => {
    const address = addressOf(inv, h);
    return `${scheme}://${address.includes(':') ? `[${address}]` : address}:${intOr(resolveHostVars(inv, h)[portVar], defaultPort)}`;
  });
}

export const pdEndpointsFromInventory = (inv: Inventory): string[] => serviceUrls(inv, 'pd_servers', 'pd_client_port', 2379);

export const tidbStatusEndpointsFromInventory = (inv: Inventory): string[] => serviceUrls(inv, 'tidb_servers', 'tidb_status_port', 10080);

/** The files tidb-ansible's make-ssl.sh writes on the control machine (`cert_dir: "{{ playbook_dir }}/conf/ssl"`). */
export function tidbAnsibleTlsFiles(tidbAnsibleDir: string): { ca: string; cert: string; key: string } {
  const dir = `${tidbAnsibleDir.replace(/\/+$/, '')}/conf/ssl`;
  return { ca: `${dir}/ca.pem`, cert: `${dir}/client.pem`, key: `${dir}/client-key.pem` };
}
