// The new instance as the scale-out spec describes it: its name and line with the spaces typed around them
// dropped, each field's own problems (port bounds, an alias that is another IP, a directory), what it shares with
// the instances already on its machine (trailing slashes and nesting counted), and the suggestion for a machine
// that already runs TiFlash.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import { render, type Msg } from '../../src/core/l10n/message';
import { specFieldProblems, specLine, specName, suggestSpec, tiflashCollisions, withSpec, type FieldProblem } from '../../src/core/plan/scaleOutSpec';
import { demoDir } from '../support/paths';

const inventory = parseInventory(fs.readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8'));
const both = (m: Msg) => [render(m, 'en'), render(m, 'zh-cn')];
const shown = (ps: FieldProblem[]) => ps.map((p) => [p.field, ...both(p.message)]);

describe('scale-out spec', () => {
  it('names and writes the instance without the spaces typed around address and alias', () => {
    assert.equal(specName({ address: ' 192.168.0.20 ' }), '192.168.0.20');
    assert.equal(specName({ address: ' 192.168.0.20 ', alias: ' TiFlash20 ' }), 'TiFlash20');
    assert.equal(specName({ address: '192.168.0.20', alias: '  ' }), '192.168.0.20');
    assert.equal(specLine({ address: ' 192.168.0.20 ' }), '192.168.0.20');
    assert.equal(specLine({ address: ' 192.168.0.20 ', alias: ' TiFlash20 ' }), 'TiFlash20 ansible_host=192.168.0.20');
  });

  it('finds nothing wrong with padded fields, a blank alias, or the ports 1 and 65535', () => {
    assert.deepEqual(specFieldProblems({ address: ' 192.168.0.20 ', alias: '   ' }), []);
    assert.deepEqual(specFieldProblems({ address: '192.168.0.20', alias: ' TiFlash20 ' }), []);
    assert.deepEqual(specFieldProblems({ address: '192.168.0.20', ports: { tcp_port: 1, metrics_port: 65535 } }), []);
  });

  it('reports a port out of range, an alias that is another IP and a data directory, with their values', () => {
    const ps = specFieldProblems({
      address: '192.168.0.20',
      alias: '192.168.0.21',
      dataDirs: ['/data1/ok', 'data2'],
      ports: { tcp_port: 0, metrics_port: 65536 },
    });
    assert.deepEqual(shown(ps), [
      ['alias', "The alias '192.168.0.21' is another IP address than 192.168.0.20.", '别名“192.168.0.21”是与 192.168.0.20 不同的 IP 地址。'],
      [
        'dataDirs',
        "'data2' is not an absolute directory of plain characters (letters, digits, . _ - + @ /).",
        '“data2”不是只含普通字符（字母、数字、. _ - + @ /）的绝对路径目录。',
      ],
      ['tcp_port', 'tcp_port = 0 is not a port (1-65535).', 'tcp_port = 0 不是有效端口（1-65535）。'],
      ['metrics_port', 'metrics_port = 65536 is not a port (1-65535).', 'metrics_port = 65536 不是有效端口（1-65535）。'],
    ]);
  });

  it('collides with a deploy_dir written with trailing slashes, an equal data_dir and a data_dir that holds another', () => {
    const spec = {
      ...suggestSpec(inventory, '192.168.0.12'),
      deployDir: '/data1/deploy//',
      dataDirs: ['/data2/deploy/tiflash/data/db', '/data1/deploy'],
    };
    const added = withSpec(inventory, spec);
    assert.ok(added);
    assert.deepEqual(shown(tiflashCollisions(added.host, tiflashHosts(added.inventory))), [
      [
        'deployDir',
        'deploy_dir /data1/deploy// is already the deploy_dir of TiFlash12-1 on this machine (line 56).',
        'deploy_dir /data1/deploy// 已是该机器上 TiFlash12-1 的 deploy_dir（第 56 行）。',
      ],
      [
        'dataDirs',
        'data_dir /data1/deploy overlaps /data1/deploy/tiflash/data/db of TiFlash12-1 on this machine (line 56).',
        'data_dir /data1/deploy 与该机器上 TiFlash12-1 的 /data1/deploy/tiflash/data/db 重叠（第 56 行）。',
      ],
      [
        'dataDirs',
        'data_dir /data2/deploy/tiflash/data/db overlaps /data2/deploy/tiflash/data/db of TiFlash12-2 on this machine (line 57).',
        'data_dir /data2/deploy/tiflash/data/db 与该机器上 TiFlash12-2 的 /data2/deploy/tiflash/data/db 重叠（第 57 行）。',
      ],
    ]);
  });

  it('collides with another instance of the same name on the machine', () => {
    const host = tiflashHosts(inventory).find((h) => h.name === 'TiFlash12-1')!;
    const again = { ...host };
    const ps = tiflashCollisions(host, [host, again]);
    assert.deepEqual(shown(ps)[0], [
      'alias',
      "'TiFlash12-1' is already in [tiflash_servers] (line 56).",
      '“TiFlash12-1”已在 [tiflash_servers] 中（第 56 行）。',
    ]);
    assert.deepEqual(
      ps.map((p) => p.field),
      ['alias', 'tcp_port', 'http_port', 'flash_service_port', 'flash_proxy_port', 'flash_proxy_status_port', 'metrics_port', 'deployDir', 'dataDirs'],
    );
  });

  it('suggests the next deploy_dir from the first one without its trailing slashes', () => {
    const inv = parseInventory('[tiflash_servers]\nTF1 ansible_host=10.0.0.1 deploy_dir=/data1/deploy//\n');
    const s = suggestSpec(inv, '10.0.0.1');
    assert.equal(s.deployDir, '/data1/deploy-2');
    assert.deepEqual(s.dataDirs, ['/data1/deploy-2/data']);
  });
});
