import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../src/core/inventory/complete';
import { describeHost, hostLineAt } from '../../src/core/inventory/describe';
import { applyEdits } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';
import { validate } from '../../src/core/validation';

const TEXT = '[tiflash_servers]\n10.0.0.5 tcp_port=9001 \ntf.example.com\n[all:vars]\ndeploy_dir = /d\n\n[tikv_servers]\n10.0.0.6 \n[\n';

describe('completion', () => {
  const inv = parseInventory(TEXT);
  const labels = (line: number, ch: number) => completionsAt(inv, line, ch).map((c) => c.label);

  it('offers TiFlash variables after the host name, without those already on the line', () => {
    const l = labels(1, 23);
    assert.ok(l.includes('flash_service_port') && l.includes('data_dir') && l.includes('ansible_host'));
    assert.ok(!l.includes('tcp_port'));
    assert.equal(completionsAt(inv, 1, 23).find((c) => c.label === 'http_port')?.insertText, 'http_port=');
    assert.deepEqual(labels(1, 4), [], 'not inside the host name');
  });

  it('offers the component ports of other groups, group names in headers, and [all:vars] keys', () => {
    assert.ok(labels(7, 9).includes('tikv_port') && !labels(7, 9).includes('data_dir'));
    assert.ok(labels(8, 1).includes('tiflash_servers') && labels(8, 1).includes('monitored_servers'));
    const vars = labels(5, 0);
    assert.ok(vars.includes('timezone') && !vars.includes('deploy_dir'));
  });
});

describe('hover description', () => {
  it('lists resolved variables with their origin and TiFlash defaults', () => {
    const inv = parseInventory(TEXT);
    assert.equal(hostLineAt(inv, 1)?.names[0], '10.0.0.5');
    const rows = describeHost(inv, '10.0.0.5');
    assert.deepEqual(rows[0], { key: 'tcp_port', value: 9001, from: 'host' });
    assert.ok(rows.some((r) => r.key === 'deploy_dir' && r.from === 'all'));
    assert.ok(rows.some((r) => r.key === 'http_port' && r.value === 8123 && r.from === 'default'));
    assert.ok(rows.some((r) => r.key === 'data_dir' && r.value === '/d/tiflash/data/db'));
  });
});

describe('tiflash-host-not-ip fix', () => {
  it('sets ansible_host to the resolved IP and keeps the name as an alias', () => {
    const inv = parseInventory(TEXT);
    const f = validate(inv, undefined, new Map([['tf.example.com', '10.0.0.9']])).find((x) => x.rule === 'tiflash-host-not-ip')!;
    const text = applyEdits(TEXT, f.fixes![0].edits.map((e) => e.edit));
    assert.match(text, /^tf\.example\.com ansible_host=10\.0\.0\.9$/m);
    assert.equal(validate(parseInventory(text)).some((x) => x.rule === 'tiflash-host-not-ip'), false);
    assert.equal(validate(inv).find((x) => x.rule === 'tiflash-host-not-ip')!.fixes, undefined, 'no fix without a resolved address');
  });
});
