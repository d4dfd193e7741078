import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { decodeStores } from '../../src/core/pd/decode';
import { matchStores, stateLabel } from '../../src/core/pd/match';
import { parseStoreId, type Store, type StoreState } from '../../src/core/pd/types';
import { readPdFixture } from '../support/pdFixtures';
import { demoDir, SKIP_WITHOUT_SHARED } from '../support/paths';

const hosts = () => tiflashHosts(parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8')));
const STATES: StoreState[] = ['Up', 'Offline', 'Tombstone'];
const store = (id: number, address: string, state: 0 | 1 | 2, tiflash = true): Store => ({
  id: parseStoreId(String(id))!, address, state: STATES[state], stateName: STATES[state], labels: tiflash ? { engine: 'tiflash' } : {}, regionCount: 0, leaderCount: 0,
});

describe('store matching', () => {
  it('matches the shared stores.json by flash_service_port, never by another port', { skip: SKIP_WITHOUT_SHARED }, () => {
    const d = decodeStores(readPdFixture('stores.json'));
    assert.ok(d.ok);
    const m = matchStores(hosts(), d.value);
    assert.deepEqual(m.map((x) => [x.host?.name, x.store?.id, stateLabel(x)]), [
      ['192.168.0.11', '53', 'Up'],
      ['TiFlash12-1', '54', 'Offline'],
      ['TiFlash12-2', undefined, 'NotInPd'],
      ['192.168.0.13', undefined, 'NotInPd'],
    ]);
  });

  it('prefers the live record over an old Tombstone, else the largest id', () => {
    const [h] = hosts();
    assert.equal(matchStores([h], [store(3, '192.168.0.11:3930', 2), store(9, '192.168.0.11:3930', 0), store(12, '192.168.0.11:3930', 2)])[0].store?.id, '9');
    assert.equal(matchStores([h], [store(3, '192.168.0.11:3930', 2), store(12, '192.168.0.11:3930', 2)])[0].store?.id, '12');
  });

  it('never matches a TiKV store on the same address, and lists TiFlash stores the inventory lacks', () => {
    const [h] = hosts();
    const m = matchStores([h], [store(1, '192.168.0.11:3930', 0, false), store(70, '10.9.9.9:3930', 1)]);
    assert.equal(m[0].store, undefined);
    assert.deepEqual(m.slice(1).map((x) => [x.host, x.store?.id]), [[undefined, '70']]);
  });
});
