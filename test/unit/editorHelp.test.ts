import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../src/core/inventory/complete';
import { describeHost, hostLineAt } from '../../src/core/inventory/describe';
import { isSecretKey, redactSecrets, SECRET_MASK, shownValue } from '../../src/core/inventory/secrets';
import { applyEdits } from '../../src/core/inventory/edit';
import { parseInventory } from '../../src/core/inventory/parse';
import { validate } from '../../src/core/validation';
import { render } from '../../src/core/l10n/message';

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

  it('describes each item in the display language, and offers group names from a model a keystroke old', () => {
    const port = completionsAt(inv, 1, 23).find((c) => c.label === 'http_port')!;
    assert.equal(render(port.detail!, 'en'), 'port, default 8123');
    assert.equal(render(port.detail!, 'zh-cn'), '端口，默认 8123');
    // the header being typed is not in the model yet: its text comes from the editor
    assert.ok(completionsAt(inv, 0, 2, '[t').some((c) => c.label === 'tiflash_servers'));
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
    assert.equal(hostLineAt(inv, 0), undefined);
    const rows = describeHost(inv, '10.0.0.5');
    assert.deepEqual(rows[0], { key: 'tcp_port', value: 9001, from: 'host' });
    assert.ok(rows.some((r) => r.key === 'deploy_dir' && r.from === 'all'));
    assert.ok(rows.some((r) => r.key === 'http_port' && r.value === 8123 && r.from === 'default'));
    assert.ok(rows.some((r) => r.key === 'data_dir' && r.value === '/d/tiflash/data/db'));
  });

  it("puts a TiFlash instance's own values first (six ports, directories, address), then the rest, own lines first", () => {
    const inv = parseInventory(
      '[tiflash_servers]\ntf1 ansible_host=10.0.0.5 zone=a http_port=8124\n[all:vars]\naaa = 1\ngrafana_admin_password = "admin"\ndeploy_dir = /d\n',
    );
    assert.deepEqual(
      describeHost(inv, 'tf1').map((r) => r.key),
      [
        'tcp_port',
        'http_port',
        'flash_service_port',
        'flash_proxy_port',
        'flash_proxy_status_port',
        'metrics_port',
        'deploy_dir',
        'data_dir',
        'ansible_host',
        'zone',
        'aaa',
        'grafana_admin_password',
      ],
    );
    const other = parseInventory('[tikv_servers]\nkv1 ansible_host=10.0.0.6 zone=b\n[all:vars]\naaa = 1\n');
    assert.deepEqual(
      describeHost(other, 'kv1').map((r) => r.key),
      ['ansible_host', 'zone', 'aaa'],
    );
  });
});

describe('secrets', () => {
  it('knows secret-looking keys and leaves paths and ordinary keys alone', () => {
    const secret = [
      'grafana_admin_password',
      'ansible_ssh_pass',
      'ansible_become_pass',
      'ansible_password',
      'mysql_passwd',
      'db_pwd',
      'api_token',
      'aws_secret_access_key',
      'vault_secret',
      'private_key',
      'ssl_passphrase',
      'GITHUB_TOKEN',
    ];
    const plain = [
      'deploy_dir',
      'ansible_ssh_private_key_file',
      'token_file',
      'bypass_cache',
      'compass',
      'passenger',
      'tcp_port',
      'ansible_user',
      'password_dir',
    ];
    assert.deepEqual(
      secret.filter((k) => !isSecretKey(k)),
      [],
    );
    assert.deepEqual(
      plain.filter((k) => isSecretKey(k)),
      [],
    );
  });

  it('masks values for the hover, a log line, a JSON answer and a private key', () => {
    assert.equal(shownValue('grafana_admin_password', 'admin'), SECRET_MASK);
    assert.equal(shownValue('grafana_admin_password', ''), '""', 'an unset secret shows that it is unset');
    assert.equal(shownValue('deploy_dir', '/d'), '"/d"');
    assert.equal(shownValue('big', 9007199254740993n), '9007199254740993');
    assert.equal(
      redactSecrets('ansible-playbook -e ansible_become_pass=hunter2 -e user=tidb grafana_admin_password = "a b" {"token": "t0k", "id": 5}'),
      `ansible-playbook -e ansible_become_pass=${SECRET_MASK} -e user=tidb grafana_admin_password = "${SECRET_MASK}" {"token": "${SECRET_MASK}", "id": 5}`,
    );
    assert.equal(redactSecrets('key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nok'), `key:\n${SECRET_MASK}\nok`);
  });

  it('never lets a grafana password of the inventory reach the hover', () => {
    const inv = parseInventory('[tiflash_servers]\n10.0.0.5\n[all:vars]\ngrafana_admin_password = "s3cret"\n');
    const row = describeHost(inv, '10.0.0.5').find((r) => r.key === 'grafana_admin_password')!;
    assert.equal(shownValue(row.key, row.value), SECRET_MASK);
  });
});

describe('tiflash-host-not-ip fix', () => {
  it('sets ansible_host to the resolved IP and keeps the name as an alias', () => {
    const inv = parseInventory(TEXT);
    const f = validate(inv, undefined, new Map([['tf.example.com', '10.0.0.9']])).find((x) => x.rule === 'tiflash-host-not-ip')!;
    const text = applyEdits(
      TEXT,
      f.fixes![0].edits.map((e) => e.edit),
    );
    assert.match(text, /^tf\.example\.com ansible_host=10\.0\.0\.9$/m);
    assert.equal(
      validate(parseInventory(text)).some((x) => x.rule === 'tiflash-host-not-ip'),
      false,
    );
    assert.equal(validate(inv).find((x) => x.rule === 'tiflash-host-not-ip')!.fixes, undefined, 'no fix without a resolved address');
  });
});
