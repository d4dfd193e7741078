// The settings as the extension uses them: one typed list that matches package.json's contribution, defaults
// and limits taken from there, rejected values replaced, where a setting is opened, how VS Code titles them,
// and the PD connection derived from the settings and the inventory (endpoints, TLS, timeout, size cap).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseInventory } from '../../src/core/inventory/parse';
import { pdEndpointsFromInventory, tidbStatusEndpointsFromInventory } from '../../src/core/pd/endpoints';
import { connectionKey, connectionOf } from '../../src/core/settings/connection';
import { contributedProperties, readSettings, SETTING_KEYS, SETTINGS, whereToEdit, type SettingKey, type SettingValues } from '../../src/core/settings/schema';
import { repoRoot } from '../support/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { id: string; title: string; properties: Record<string, { type: string; items?: { type: string } }> }[] };
};
const contributed = contributedProperties(pkg);
const defaults = readSettings(contributed, () => undefined).values;
const withValues = (over: Partial<Record<SettingKey, unknown>>) => readSettings(contributed, (k) => over[k]);

describe('settings', () => {
  it('reads exactly the tiflash.* settings package.json declares, each with the type declared there', () => {
    assert.deepEqual(Object.keys(contributed).sort(), [...SETTING_KEYS].sort());
    const jsonType = { number: 'number', string: 'string', boolean: 'boolean', 'string[]': 'array' } as const;
    for (const key of SETTING_KEYS) {
      assert.equal(contributed[key].type, jsonType[SETTINGS[key]], key);
      if (SETTINGS[key] === 'string[]') assert.equal(contributed[key].items?.type, 'string', key);
    }
  });

  it('takes every default from package.json, declared once there', () => {
    for (const key of SETTING_KEYS) assert.deepEqual(defaults[key], contributed[key].default, key);
    assert.equal(defaults.stuckDrainSeconds, 120, 'the stuck-drain rule waits 2 minutes by default');
    assert.equal(defaults.maxResponseMiB, 64);
  });

  it('replaces a value its schema rejects by the default, and says which', () => {
    const { values, problems } = withValues({
      requestTimeoutMs: 'fast',
      pollIntervalActiveMs: 10,
      pollIntervalIdleMs: Number.NaN,
      pdEndpoints: ['http://127.0.0.1:2379', 7],
      maxResponseMiB: 1e6,
      confirmEachStep: 'yes',
      stuckDrainSeconds: 30,
      'tls.caFile': '/etc/pd/ca.pem',
    });
    assert.deepEqual(problems.map((p) => p.key).sort(), [
      'confirmEachStep',
      'maxResponseMiB',
      'pdEndpoints',
      'pollIntervalActiveMs',
      'pollIntervalIdleMs',
      'requestTimeoutMs',
    ]);
    for (const p of problems) assert.deepEqual(values[p.key], defaults[p.key], p.key);
    assert.equal(values.stuckDrainSeconds, 30);
    assert.equal(values['tls.caFile'], '/etc/pd/ca.pem');
  });

  it('refuses a package.json whose default breaks its own schema', () => {
    const broken = { ...contributed, requestTimeoutMs: { ...contributed.requestTimeoutMs, default: 10 } };
    assert.throws(() => readSettings(broken, () => undefined), /requestTimeoutMs/);
  });

  it('opens a setting where its value is set, else in the folder or workspace, never the user settings by default', () => {
    assert.equal(whereToEdit({}, false), 'workspace');
    assert.equal(whereToEdit({}, true), 'folder');
    assert.equal(whereToEdit({ workspaceValue: ['x'], workspaceFolderValue: ['x'] }, false), 'workspace');
    assert.equal(whereToEdit({ workspaceFolderValue: ['x'], workspaceValue: ['y'] }, true), 'folder');
    assert.equal(whereToEdit({ workspaceValue: ['y'], globalValue: ['z'] }, true), 'workspace');
    assert.equal(whereToEdit({ globalValue: ['z'] }, false), 'user');
  });

  it('groups the settings so that VS Code titles them without a "Tiflash:" prefix', () => {
    // VS Code (settingsTreeModels.ts settingKeyToDisplayFormat) titles a setting "<category>: <label>" from its key alone:
    // the label is the last segment split at capitals; the category is the rest, left out when it matches the id of the
    // settings group it is shown in. A property's `title` is not read (microsoft/vscode#191807).
    for (const node of pkg.contributes.configuration) {
      assert.match(node.id, /^tiflash(\.|$)/);
      assert.match(node.title, /^%config\.group\.\w+%$/);
      for (const key of Object.keys(node.properties)) {
        const category = key.slice(0, key.lastIndexOf('.'));
        assert.ok(category === 'tiflash' || category === node.id, `${key} would be titled "${category}: …" in group ${node.id}`);
      }
    }
  });

  it('is read through the settings module only', () => {
    const src = path.join(repoRoot, 'src');
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const readers = files(src)
      .filter((f) => f.endsWith('.ts') && /getConfiguration\(\s*['"]tiflash['"]/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(repoRoot, f));
    // scaling's playbook settings move to ctx.settings when the run glue is merged
    assert.deepEqual(
      readers.filter((f) => f !== path.join('src', 'features', 'scaling', 'scaling.ts')),
      [],
    );
  });
});

const inventory = (text: string) => parseInventory(text);
const plain = inventory(
  '[pd_servers]\n10.0.1.6\npd2 ansible_host=10.0.1.7 pd_client_port=12379\nfe80::1\n\n[pd_servers:vars]\n\n' +
    '[tidb_servers]\n10.0.1.2 tidb_status_port=20080\n10.0.1.3\n',
);
const tls = inventory('[pd_servers]\n10.0.1.6\n\n[all:vars]\nenable_tls = True\n');

describe('the PD connection', () => {
  it("derives PD endpoints from [pd_servers] at pd_client_port (ansible_host, IPv6 in brackets), and TiDB's status port", () => {
    assert.deepEqual(pdEndpointsFromInventory(plain), ['http://10.0.1.6:2379', 'http://10.0.1.7:12379', 'http://[fe80::1]:2379']);
    assert.deepEqual(tidbStatusEndpointsFromInventory(plain), ['http://10.0.1.2:20080', 'http://10.0.1.3:10080']);
    assert.deepEqual(pdEndpointsFromInventory(inventory('[pd_servers]\n10.0.1.6\n\n[pd_servers:vars]\npd_client_port = 3379\n')), ['http://10.0.1.6:3379']);
    assert.deepEqual(pdEndpointsFromInventory(inventory('[tidb_servers]\n10.0.1.2\n')), []);
  });

  it("uses https and tidb-ansible's conf/ssl files with enable_tls = True", () => {
    const c = connectionOf(defaults, tls, '/srv/tidb-ansible');
    assert.deepEqual(c.endpoints, ['https://10.0.1.6:2379']);
    assert.deepEqual(c.tls, {
      ca: '/srv/tidb-ansible/conf/ssl/ca.pem',
      cert: '/srv/tidb-ansible/conf/ssl/client.pem',
      key: '/srv/tidb-ansible/conf/ssl/client-key.pem',
    });
    assert.equal(connectionOf(defaults, plain, '/srv/tidb-ansible').tls, undefined, 'no TLS on a plain cluster');
    const bare = connectionOf(withValues({ pdEndpoints: ['10.0.1.6:2379'] }).values, tls, '/srv/tidb-ansible');
    assert.ok(bare.tls, 'an endpoint without a scheme on a TLS cluster is asked over TLS too');
  });

  it('lets the settings name the endpoints and each TLS file (relative to the tidb-ansible folder)', () => {
    const s = withValues({ pdEndpoints: ['https://pd.example:2379'], 'tls.caFile': 'certs/ca.pem', 'tls.keyFile': '/keys/client-key.pem' }).values;
    const c = connectionOf(s, plain, '/srv/tidb-ansible');
    assert.deepEqual(c.endpoints, ['https://pd.example:2379']);
    assert.deepEqual(c.tls, { ca: '/srv/tidb-ansible/certs/ca.pem', cert: '/srv/tidb-ansible/conf/ssl/client.pem', key: '/keys/client-key.pem' });
    assert.ok(connectionOf(withValues({ pdEndpoints: ['https://10.0.1.6:2379'] }).values, plain, '/d').tls, 'an https endpoint needs the CA');
  });

  it('takes the timeout and the size cap from the settings', () => {
    const c = connectionOf(withValues({ requestTimeoutMs: 800, maxResponseMiB: 2 }).values, plain, '/d');
    assert.deepEqual([c.timeoutMs, c.maxBodyBytes], [800, 2 * 1024 * 1024]);
  });

  it('is the same connection when only intervals or the stuck-drain duration change: those restart no PD module', () => {
    const key = (s: SettingValues) => connectionKey(connectionOf(s, plain, '/d'));
    const base = key(defaults);
    assert.equal(key(withValues({ pollIntervalActiveMs: 700, pollIntervalIdleMs: 9000, stuckDrainSeconds: 10, confirmEachStep: true }).values), base);
    for (const over of [{ pdEndpoints: ['http://10.0.1.9:2379'] }, { requestTimeoutMs: 900 }, { maxResponseMiB: 8 }, { 'tls.certFile': 'c.pem' }]) {
      assert.notEqual(key(withValues(over).values), base, JSON.stringify(over));
    }
  });
});
