// Reading what a playbook really did: the recap from Ansible's log (one process's lines), list-hosts output,
// and where ansible.cfg says the log is.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { render } from '../../src/core/l10n/message';
import { readAnsibleSettings, runLogPath } from '../../src/core/run/ansibleConfig';
import { linesOfProcess, logSize, readProcessLog } from '../../src/core/run/ansibleLog';
import { parseListHosts } from '../../src/core/run/listHosts';
import { judgeRecap, parseRecap } from '../../src/core/run/recap';

const LOG = [
  '2026-11-27 08:58:42,945 p=13284 u=root n=ansible | PLAY [all] *********************************************************************',
  '2026-11-27 08:58:42,956 p=999 u=root n=ansible | PLAY RECAP *********************************************************************',
  '2026-11-27 08:58:42,957 p=999 u=root n=ansible | other                      : ' +
    'ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ',
  '2026-11-27 08:58:42,971 p=13284 u=root n=ansible | ok: [h1] => {',
  '    "msg": "hi"',
  '}',
  '2026-11-27 08:58:42,979 p=13284 u=root n=ansible | PLAY RECAP *********************************************************************',
  '2026-11-27 08:58:42,979 p=13284 u=root n=ansible | h1                         : ' +
    'ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ',
  '',
].join('\n');

const judge = (text: string, expect: string[], exact = true) => {
  const v = judgeRecap(parseRecap(text), expect, exact);
  return v.ok ? 'ok' : render(v.reason, 'en');
};

describe('recap', () => {
  it("reads one process's lines of a shared log, continuation lines included", () => {
    const mine = linesOfProcess(LOG, 13284);
    assert.match(mine, /"msg": "hi"/);
    assert.doesNotMatch(mine, /other/);
    assert.equal(judge(mine, ['h1']), 'ok');
    assert.match(judge(linesOfProcess(LOG, 999), ['h1']), /h1 is not in the PLAY RECAP/);
  });

  it('fails a step that matched no host, an unparsed inventory, an unreachable, failed or all-skipped host, and other hosts', () => {
    assert.match(judge('PLAY [all]\nskipping: no hosts matched\n\nPLAY RECAP ****\n', ['h1']), /No host matched/);
    assert.match(judge('[WARNING]: Unable to parse /x/inventory.ini as an inventory source\nPLAY RECAP ***\n', ['h1']), /could not parse the inventory/);
    assert.match(judge('PLAY RECAP ***\nh1 : ok=0 changed=0 unreachable=1 failed=0 skipped=0 rescued=0 ignored=0\n', ['h1']), /unreachable/);
    assert.match(judge('PLAY RECAP ***\nh1 : ok=3 changed=1 unreachable=0 failed=2 skipped=0 rescued=0 ignored=0\n', ['h1']), /2 task\(s\) failed/);
    assert.match(judge('PLAY RECAP ***\nh1 : ok=0 changed=0 unreachable=0 failed=0 skipped=7 rescued=0 ignored=0\n', ['h1']), /skipped/);
    assert.match(
      judge('PLAY RECAP ***\nh1 : ok=1 changed=0 unreachable=0 failed=0 skipped=0\nh2 : ok=1 changed=0 unreachable=0 failed=0 skipped=0\n', ['h1']),
      /also acted on h2/,
    );
    assert.equal(
      judge('PLAY RECAP ***\nh1 : ok=1 changed=0 unreachable=0 failed=0 skipped=0\nh2 : ok=1 changed=0 unreachable=0 failed=0 skipped=0\n', ['h1'], false),
      'ok',
    );
    assert.match(judge('nothing at all', ['h1']), /no PLAY RECAP/);
  });

  it('reads a log from an offset, and from the start when it was rotated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-'));
    const file = path.join(dir, 'ansible.log');
    try {
      assert.equal(await logSize(file), 0);
      fs.writeFileSync(file, LOG);
      const size = await logSize(file);
      fs.appendFileSync(file, LOG.replace(/13284/g, '777'));
      assert.match(await readProcessLog(file, size, 777), /PLAY RECAP/);
      assert.equal(await readProcessLog(file, size, 13284), '', "lines before the offset are not this run's");
      fs.writeFileSync(file, LOG.replace(/13284/g, '888'));
      assert.match(await readProcessLog(file, size * 2, 888), /PLAY RECAP/, 'a shorter log was rotated');
      assert.equal(await readProcessLog(path.join(dir, 'none'), 0, 1), '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('list-hosts output', () => {
  it("reads every play's hosts", () => {
    const out = [
      'playbook: stop.yml',
      '',
      '  play #1 (monitored_servers): stop node_exporter\tTAGS: []',
      "    pattern: ['monitored_servers']",
      '    hosts (2):',
      '      192.168.0.11',
      '      TiFlash12-1',
      '',
      '  play #2 (tiflash_servers): stop tiflash\tTAGS: [tiflash]',
      "    pattern: ['tiflash_servers']",
      '    hosts (0):',
      '',
    ].join('\n');
    assert.deepEqual(parseListHosts(out), [
      { name: 'monitored_servers', hosts: ['192.168.0.11', 'TiFlash12-1'] },
      { name: 'tiflash_servers', hosts: [] },
    ]);
  });
});

describe('ansible.cfg', () => {
  it('finds log_path and inventory relative to the config file, and honours ANSIBLE_LOG_PATH / ANSIBLE_CONFIG', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'ansible.cfg'), '[defaults]\ninventory = inventory.ini\nlog_path = log/ansible.log\nstdout_callback = skippy\n');
      const s = readAnsibleSettings(dir, {}, undefined);
      assert.deepEqual([s.logPath, s.inventory, s.stdoutCallback], [path.join(dir, 'log/ansible.log'), path.join(dir, 'inventory.ini'), 'skippy']);
      assert.deepEqual(runLogPath(dir, s), { path: path.join(dir, 'log/ansible.log'), setByUs: false });
      assert.equal(readAnsibleSettings(dir, { ANSIBLE_LOG_PATH: '/tmp/x.log' }, undefined).logPath, '/tmp/x.log');
      const other = path.join(dir, 'other');
      fs.mkdirSync(other);
      fs.writeFileSync(path.join(other, 'my.cfg'), '[defaults]\nlog_path = l.log\n');
      assert.equal(readAnsibleSettings(dir, { ANSIBLE_CONFIG: path.join(other, 'my.cfg') }, undefined).logPath, path.join(other, 'l.log'));
      const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-none-'));
      try {
        const none = readAnsibleSettings(bare, {}, bare);
        assert.equal(none.logPath, undefined);
        assert.deepEqual(runLogPath(bare, none), { path: path.join(bare, 'log', 'ansible.log'), setByUs: true });
      } finally {
        fs.rmSync(bare, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
