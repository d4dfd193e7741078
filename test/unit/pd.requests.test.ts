// PD requests as data: what plans show and the executor sends, with the exact ids PD sent.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionRequests } from '../../src/core/pd/api';
import { tidbAnsibleTlsFiles } from '../../src/core/pd/endpoints';
import { normalizeEndpoint } from '../../src/core/pd/http';
import {
  deleteStoreRequest,
  enablePlacementRulesRequest,
  removeTombstonesRequest,
  setStoreStateRequest,
  storeLimitRequest,
  storeLimitsRequest,
  storesRequest,
} from '../../src/core/pd/requests';
import { parseStoreId, type StoreId } from '../../src/core/pd/types';
import { capabilitiesOf, pdVersion } from '../../src/core/pd/version';

const id = (text: string): StoreId => parseStoreId(text)!;

describe('PD requests', () => {
  it('builds each write with the exact id', () => {
    assert.deepEqual(deleteStoreRequest(id('18446744073709551615')), { method: 'DELETE', path: '/pd/api/v1/store/18446744073709551615' });
    assert.deepEqual(setStoreStateRequest(id('61'), 'Up'), { method: 'POST', path: '/pd/api/v1/store/61/state?state=Up' });
    assert.deepEqual(setStoreStateRequest(id('61'), 'Tombstone'), { method: 'POST', path: '/pd/api/v1/store/61/state?state=Tombstone' });
    assert.deepEqual(removeTombstonesRequest(), { method: 'DELETE', path: '/pd/api/v1/stores/remove-tombstone' });
    assert.deepEqual(enablePlacementRulesRequest(), { method: 'POST', path: '/pd/api/v1/config/replicate', body: '{"enable-placement-rules":"true"}' });
    assert.deepEqual(storeLimitRequest(id('61'), 'remove-peer', 100), {
      method: 'POST',
      path: '/pd/api/v1/store/61/limit',
      body: '{"rate":100,"type":"remove-peer"}',
    });
    assert.deepEqual(storesRequest(), { method: 'GET', path: '/pd/api/v1/stores?state=0&state=1&state=2' });
    assert.deepEqual(storeLimitsRequest('region-remove'), { method: 'GET', path: '/pd/api/v1/stores/limit?type=region-remove' });
  });

  it("lists the writes of each action, by the version's names", () => {
    assert.deepEqual(actionRequests({ kind: 'cancel-scale-in', storeId: id('61'), restoreRemovePeer: 15 }), [
      { method: 'POST', path: '/pd/api/v1/store/61/state?state=Up' },
      { method: 'POST', path: '/pd/api/v1/store/61/limit', body: '{"rate":15,"type":"remove-peer"}' },
    ]);
    assert.deepEqual(actionRequests({ kind: 'delete-store', storeId: id('9007199254740993') }), [
      { method: 'DELETE', path: '/pd/api/v1/store/9007199254740993' },
    ]);
    const raise = { kind: 'set-store-limit', storeId: id('61'), type: 'remove', rate: 200 } as const;
    assert.equal(actionRequests(raise, capabilitiesOf(pdVersion('v3.1.2')))[0].body, '{"rate":200,"type":"region-remove"}');
    assert.equal(actionRequests(raise, capabilitiesOf(pdVersion('v4.0.16')))[0].body, '{"rate":200,"type":"remove-peer"}');
    assert.deepEqual(actionRequests(raise, capabilitiesOf(pdVersion('v2.1.0'))), [], 'no limit write where the names are unknown');
  });

  it('accepts PD endpoints as host:port or an http(s) URL, and nothing else', () => {
    assert.equal(normalizeEndpoint('192.168.0.1:2379'), 'http://192.168.0.1:2379');
    assert.equal(normalizeEndpoint('192.168.0.1:2379', true), 'https://192.168.0.1:2379');
    assert.equal(normalizeEndpoint(' https://pd.example:2379/ '), 'https://pd.example:2379');
    assert.equal(normalizeEndpoint('http://[::1]:2379'), 'http://[::1]:2379');
    for (const spelled of ['http://127.0.0.1:2379/pd/', 'http://127.0.0.1:2379/pd//?', 'http://127.0.0.1:2379/pd?//']) {
      assert.equal(normalizeEndpoint(spelled), 'http://127.0.0.1:2379/pd', `${spelled}: a path prefix is kept, one spelling per endpoint`);
    }
    for (const bad of ['', 'ftp://a:1', 'http://user:pw@a:1', 'http://a:1/?x=1', 'http://a:1/#x', 'file:///etc/passwd', 'http://a:99999']) {
      assert.equal(normalizeEndpoint(bad), undefined, bad);
    }
  });

  it("finds tidb-ansible's certificates beside the inventory", () => {
    assert.deepEqual(tidbAnsibleTlsFiles('/home/tidb/tidb-ansible/'), {
      ca: '/home/tidb/tidb-ansible/conf/ssl/ca.pem',
      cert: '/home/tidb/tidb-ansible/conf/ssl/client.pem',
      key: '/home/tidb/tidb-ansible/conf/ssl/client-key.pem',
    });
    assert.equal(tidbAnsibleTlsFiles('/home/tidb/tidb-ansible//').ca, '/home/tidb/tidb-ansible/conf/ssl/ca.pem');
  });
});
