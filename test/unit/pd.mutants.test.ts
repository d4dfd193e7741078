// PD behaviour the mutation run showed no test pinned down: where PD is asked (endpoints from the inventory).

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { pdEndpointsFromInventory, tidbAnsibleTlsFiles, tlsEnabled } from '../../src/core/pd/endpoints';

describe('PD endpoints from the inventory', () => {
  it('every [pd_servers] host at its pd_client_port (2379 by default), http without TLS', () => {
    const inv = parseInventory('[pd_servers]\npd1 ansible_host=10.0.0.1\n10.0.0.2 pd_client_port=12379\n[tidb_servers]\n10.0.0.9\n');
    assert.deepEqual(pdEndpointsFromInventory(inv), ['http://10.0.0.1:2379', 'http://10.0.0.2:12379']);
  });

  it('https when [all:vars] enable_tls = True, and only then', () => {
    const pd = '[pd_servers]\n10.0.0.1\n[all:vars]\n';
    assert.deepEqual(pdEndpointsFromInventory(parseInventory(`${pd}enable_tls = True\n`)), ['https://10.0.0.1:2379']);
    assert.equal(tlsEnabled(parseInventory(`${pd}enable_tls = True\n`)), true);
    for (const off of ['enable_tls = False\n', '', 'enable_tls = 1\n']) {
      assert.equal(tlsEnabled(parseInventory(pd + off)), false, off);
      assert.deepEqual(pdEndpointsFromInventory(parseInventory(pd + off)), ['http://10.0.0.1:2379'], off);
    }
  });

  it('an IPv6 PD address in brackets; no [pd_servers] means no endpoint', () => {
    assert.deepEqual(pdEndpointsFromInventory(parseInventory('[pd_servers]\npd1 ansible_host=fd00::1\n')), ['http://[fd00::1]:2379']);
    assert.deepEqual(pdEndpointsFromInventory(parseInventory('[tikv_servers]\n10.0.0.1\n')), []);
  });

  it('the TLS files tidb-ansible generated, under conf/ssl of the folder (a trailing slash or several make no difference)', () => {
    const files = { ca: '/home/tidb/tidb-ansible/conf/ssl/ca.pem', cert: '/home/tidb/tidb-ansible/conf/ssl/client.pem', key: '/home/tidb/tidb-ansible/conf/ssl/client-key.pem' };
    assert.deepEqual(tidbAnsibleTlsFiles('/home/tidb/tidb-ansible'), files);
    assert.deepEqual(tidbAnsibleTlsFiles('/home/tidb/tidb-ansible//'), files);
  });
});
