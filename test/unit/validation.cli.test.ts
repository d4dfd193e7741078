// The CLI's inventory commands as processes (the compiled sources, not a bundle built elsewhere): the language
// of everything they print, exit codes, a rejected inventory, a pipe closed early.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DOMAINS } from '../../src/core/l10n/catalog';
import type { Entry } from '../../src/core/l10n/catalog/types';
import { repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'out', 'src', 'cli', 'main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-lang-'));
const file = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

/** Trips every rule and several kinds of syntax error. */
const INVENTORY = file(
  'inventory.ini',
  [
    '[tidb_servers]',
    '[tikv_servers]',
    '10.0.0.2',
    '[pd_servers]',
    '10.0.0.3',
    '[monitoring_servers]',
    '10.0.0.4',
    '[monitored_servers]',
    '10.0.0.2',
    '[tiflash_servers]',
    '10.0.0.5 tcp_port=0 data_dir=/d1',
    '10.0.0.5 http_port=8124 data_dir=/d1',
    'tf.example.com',
    'tf2 ansible_host=tf2.example.com',
    'tf3 ansible_host=10.0.0.2 tcp_port=20160',
    'tf4 ansible_host=10.0.0.5 data_dir=/d1',
    'tcp_port=9001',
    '10.0.0.[1:3',
    '[broken',
    '[all:vars]',
    'ansible_user = root',
    'tidb_version = v3.0.1',
    '',
  ].join('\n'),
);
const HOSTS = file('hosts.ini', '[servers]\n10.0.0.2\n[all:vars]\nusername = tidb\n');
const REJECTED = file('rejected.ini', '[tiflash_servers\n10.0.0.1\n[g]\n10.0.0.[1:3\n');
const REJECTS_ALL = 'Ansible rejects the whole inventory, so every playbook would match no host.';
const LARGE = file('large.ini', `[tiflash_servers]\n${Array.from({ length: 20_000 }, (_, i) => `10.1.${i >> 8}.${i & 255} tcp_port=0`).join('\n')}\n`);

after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const HAN = /\p{Script=Han}/u;
/** Names that stay as written in a Chinese sentence: products, files, playbooks, variables, groups, values. */
const KEPT =
  /`[^`]*`|\[[^\]]*\]|<[^>]*>|\b(?:Ansible|TiDB|TiFlash|TiDB-Ansible|PD|Prometheus|Grafana|Python|IP|SSH|NTP|JSON|YAML|Unicode|Region|Placement|Rules|True|False|None)\b|\S*[_./=:\d\\-]\S*/g;
/** Three English words in a row, once the names that stay English are taken out. */
const englishSentence = (text: string) => /[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.exec(text.replace(KEPT, '·'))?.[0];

describe("tiflash-ansible in the user's language", () => {
  it('with LANG=zh_CN.UTF-8 every lint finding is Chinese, with no English sentence; with LANG=C none has Chinese', async () => {
    const zh = await run({ LANG: 'zh_CN.UTF-8' }, 'lint', '-i', INVENTORY, '--hosts', HOSTS, '--format', 'json');
    assert.equal(zh.code, 1);
    const found = JSON.parse(zh.stdout) as { rule: string; message: string; severity: string; line: number }[];
    const rules = new Set(found.map((f) => f.rule));
    for (const rule of [
      'syntax',
      'duplicate-host',
      'port-conflict',
      'data-dir-conflict',
      'invalid-port',
      'tiflash-host-not-ip',
      'required-group-empty',
      'ansible-user-root',
      'timezone-missing',
      'missing-in-hosts-ini',
      'not-monitored',
      'tiflash-version',
    ]) {
      assert.ok(rules.has(rule), `no ${rule} finding to check`);
    }
    for (const f of found) {
      assert.match(f.message, HAN, `[${f.rule}] has no Chinese: ${f.message}`);
      assert.equal(englishSentence(f.message), undefined, `[${f.rule}] holds an English sentence: ${f.message}`);
    }
    const text = await run({ LANG: 'zh_CN.UTF-8' }, 'lint', '-i', INVENTORY, '--hosts', HOSTS);
    for (const line of text.stdout.trimEnd().split('\n')) assert.match(line, /^\S+:\d+: (?:错误|警告|提示) \[[a-z-]+\] .*\p{Script=Han}/u);
    const en = await run({ LANG: 'C' }, 'lint', '-i', INVENTORY, '--hosts', HOSTS, '--format', 'json');
    const english = JSON.parse(en.stdout) as { rule: string; message: string }[];
    assert.deepEqual(
      english.map((f) => f.rule),
      found.map((f) => f.rule),
      'the same rule ids in any language',
    );
    for (const f of english) assert.doesNotMatch(f.message, HAN, `[${f.rule}] has Chinese under LANG=C`);
  });

  it('takes --lang over the locale, LC_ALL over LANG, and refuses an unknown --lang', async () => {
    const forced = await run({ LANG: 'C' }, '--lang', 'zh-cn', 'lint', '-i', REJECTED);
    assert.match(forced.stdout, /组标题 `\[tiflash_servers` 缺少右方括号/);
    const all = await run({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'lint', '-i', REJECTED);
    assert.match(all.stdout, /Group header `\[tiflash_servers` is missing its closing `\]`/);
    const bad = await run({ LANG: 'zh_CN.UTF-8' }, '--lang=fr', 'lint', '-i', REJECTED);
    assert.deepEqual([bad.code, bad.stdout], [2, '']);
    assert.equal(bad.stderr, 'tiflash-ansible: --lang 只能是 en 或 zh-cn，实际为 fr\n');
  });

  it('says every error in the chosen language, help after a usage error', async () => {
    const missing = await run({ LANG: 'zh_CN.UTF-8' }, 'lint', '-i', path.join(dir, 'none.ini'));
    assert.deepEqual([missing.code, missing.stdout], [2, '']);
    assert.equal(missing.stderr, `tiflash-ansible: 无法读取 inventory 文件 ${path.join(dir, 'none.ini')}：文件不存在\n`);
    const option = await run({ LANG: 'zh_CN.UTF-8' }, 'lint', '--bogus');
    assert.equal(option.code, 2);
    assert.match(option.stderr, /^tiflash-ansible: 未知选项 --bogus\n\n用法：tiflash-ansible/);
    const value = await run({ LANG: 'C' }, 'lint', '-i');
    assert.match(value.stderr, /^tiflash-ansible: option -i needs a value\n\nUsage:/);
    assert.match((await run({ LANG: 'C' }, 'frobnicate')).stderr, /^tiflash-ansible: unknown command `frobnicate`/);
    assert.match((await run({ LANG: 'zh_CN.UTF-8' }, 'inventory', 'show')).stderr, /未知的 inventory 子命令 `show`/);
    assert.match((await run({ LANG: 'zh_CN.UTF-8' }, '--help')).stdout, /^用法：tiflash-ansible <命令> \[选项\]/);
  });

  it('inventory list exits 1 and lists nothing for a file Ansible rejects, the reasons on stderr', async () => {
    const r = await run({ LANG: 'C' }, 'inventory', 'list', '-i', REJECTED);
    assert.deepEqual([r.code, r.stdout], [1, '']);
    assert.equal(
      r.stderr,
      [
        `Ansible rejects ${REJECTED}, so nothing is listed (every playbook would match no host):`,
        `${REJECTED}:1: Group header \`[tiflash_servers\` is missing its closing \`]\`: ${REJECTS_ALL}`,
        `${REJECTED}:4: Host range in \`10.0.0.[1:3\` is missing its closing \`]\`: ${REJECTS_ALL}`,
        '',
      ].join('\n'),
    );
    const ok = await run({ LANG: 'C' }, 'inventory', 'list', '-i', HOSTS);
    assert.equal(ok.code, 0);
    assert.deepEqual((JSON.parse(ok.stdout) as Record<string, unknown>).servers, { hosts: ['10.0.0.2'] });
  });

  it('prints integers past 2^53 and an overflowing float as Ansible does', async () => {
    const r = await run({ LANG: 'C' }, 'inventory', 'list', '-i', file('values.ini', '[g]\nh big=9007199254740993 inf=1e400 small=1.5e-7\n'));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /"big": 9007199254740993,\n\s+"inf": Infinity,\n\s+"small": 1\.5e-07\n/);
  });

  it('ends quietly when the reader closes the pipe early (| head), for every command that prints', async () => {
    for (const args of [['inventory', 'list', '-i', LARGE], ['lint', '-i', LARGE], ['lint', '-i', LARGE, '--format', 'json'], ['--help']]) {
      const r = await promisify(execFile)('sh', ['-c', `"${process.execPath}" "${cli}" ${args.join(' ')} | head -c 1 >/dev/null`]).catch(
        (e: { stderr: string }) => e,
      );
      assert.equal(r.stderr, '', `${args.join(' ')}: ${r.stderr}`);
    }
  });
});

describe('the inventory, validation and CLI catalogs', () => {
  it('hold no English sentence in their Chinese texts (usage lines of the help excepted)', () => {
    const english: string[] = [];
    for (const domain of [DOMAINS.inventory, DOMAINS.validation, DOMAINS.cli]) {
      for (const [id, entry] of Object.entries<Entry>(domain)) {
        const zh: string = entry.zh;
        const text =
          id === 'cli.help'
            ? zh
                .split('\n')
                .filter((l: string) => !/^ {2}\S/.test(l))
                .join('\n')
            : zh;
        const found = englishSentence(text.replace(/\{\w+\}/g, '·'));
        if (found) english.push(`${id}: ${found}`);
      }
    }
    assert.deepEqual(english, []);
  });
});
