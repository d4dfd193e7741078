import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { resolveHostVarsWithOrigin } from '../../src/core/inventory/resolve';
import { tiflashDirsToWipe, tiflashHosts } from '../../src/core/inventory/tiflash';
import { demoDir } from '../support/paths';

const withTiflash = () => parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8'));

describe('inventory positions', () => {
  it('keeps the line and columns of sections, hosts and variables', () => {
    const inv = parseInventory('# c\n[tiflash_servers]\n  10.0.0.1 tcp_port=9001 labels="a=b"\n[all:vars]\ndeploy_dir = /d\n');
    assert.deepEqual(
      inv.sections.map((s) => [s.group, s.kind, s.line, s.lastLine]),
      [
        ['tiflash_servers', 'hosts', 1, 2],
        ['all', 'vars', 3, 5],
      ],
    );
    const h = inv.hostLines[0];
    assert.deepEqual([h.line, h.start, h.end, h.pattern], [2, 2, 10, '10.0.0.1']);
    assert.deepEqual(
      h.vars.map((v) => [v.key, v.value, v.keySpan.start, v.valueSpan.start, v.valueSpan.end]),
      [
        ['tcp_port', 9001, 11, 20, 24],
        ['labels', 'a=b', 25, 32, 37],
      ],
    );
    const gv = inv.groupVarLines[0];
    assert.deepEqual([gv.entry.key, gv.entry.value, gv.entry.valueSpan.start, gv.entry.valueSpan.end], ['deploy_dir', '/d', 13, 15]);
  });

  it('records CRLF, BOM and never counts the BOM as text', () => {
    const inv = parseInventory('\ufeff[a]\r\n10.0.0.1\r\n');
    assert.equal(inv.eol, '\r\n');
    assert.equal(inv.bom, true);
    assert.deepEqual(inv.lines, ['[a]', '10.0.0.1', '']);
    assert.deepEqual(inv.groups.get('a')!.hosts, ['10.0.0.1']);
  });

  it('reports each broken line and keeps parsing the rest', () => {
    const inv = parseInventory('[a\n10.0.0.1\n[b]\n10.0.0.2 novalue\n10.0.0.3\n');
    assert.deepEqual(
      inv.problems.map((p) => [p.line, p.rule]),
      [
        [0, 'syntax'],
        [3, 'syntax'],
      ],
    );
    assert.deepEqual(inv.groups.get('b')!.hosts, ['10.0.0.3']);
  });

  it('says where each variable comes from', () => {
    const inv = parseInventory('[g]\nh x=1\n[g:vars]\nx = 2\ny = 3\n[all:vars]\ny = 4\nz = 5\n');
    const vars = resolveHostVarsWithOrigin(inv, 'h');
    assert.deepEqual([...vars].map(([k, v]) => [k, v.value, v.from]).sort(), [
      ['x', 1, 'host'],
      ['y', 3, 'g'],
      ['z', 5, 'all'],
    ]);
  });
});

describe('TiFlash hosts', () => {
  it('resolves the demo inventory: defaults, aliases, data dirs, siblings and other services', () => {
    const hosts = tiflashHosts(withTiflash());
    assert.deepEqual(
      hosts.map((h) => [h.name, h.address, h.ports.flash_service_port, h.deployDir]),
      [
        ['192.168.0.11', '192.168.0.11', 3930, '/home/tidb/deploy'],
        ['TiFlash12-1', '192.168.0.12', 3930, '/data1/deploy'],
        ['TiFlash12-2', '192.168.0.12', 3931, '/data2/deploy'],
        ['192.168.0.13', '192.168.0.13', 3930, '/home/tidb/deploy'],
      ],
    );
    assert.deepEqual(hosts[0].dataDirs, ['/data1/tiflash/data', '/data2/tiflash/data']);
    assert.deepEqual(hosts[1].dataDirs, ['/data1/deploy/tiflash/data/db']);
    assert.deepEqual(hosts[0].otherGroups, ['monitored_servers']);
    assert.deepEqual(hosts[1].siblings, ['TiFlash12-2']);
    assert.deepEqual(hosts[0].line?.line, 54);
    assert.deepEqual(tiflashDirsToWipe(hosts[0]), ['/data1/tiflash/data', '/data2/tiflash/data', '/data1/tiflash/data/flash', '/data1/tiflash/data/tmp']);
  });

  it('sees other services on a TiFlash address', () => {
    const inv = parseInventory('[tikv_servers]\n10.0.0.1\n[tiflash_servers]\n10.0.0.1\n');
    assert.deepEqual(tiflashHosts(inv)[0].otherGroups, ['tikv_servers']);
  });
});
