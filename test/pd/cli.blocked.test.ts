// `tiflash-ansible plan` refusing as a process: the reasons in the CLI's language (zh_CN locale: Chinese and no
// English sentence; C locale: no Chinese), and TiDB's table names turned into the exact statements.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import { startTidbSim, type TidbSim } from '../../tools/pd-sim/tidb';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const HAN = /\p{Script=Han}/u;

async function run(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A sentence of English words (three in a row), outside commands, SQL and ids. */
const englishSentence = (text: string) =>
  text
    .replace(/ALTER TABLE[^;]*;/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/[A-Za-z_.-]+\.(ini|yml|log)\b/g, '')
    .match(/\b[A-Za-z]{2,}(?:[ ,'][A-Za-z]{2,}){2,}\b/);

describe('tiflash-ansible plan when it refuses', () => {
  let sim: PdSim;
  let tidb: TidbSim;
  let dir: string;
  before(async () => {
    sim = await startPdSim({ cluster: { ...demoCluster(), rules: [{ group_id: 'tiflash', id: 'table-45-r', role: 'learner', count: 3 }] }, tickMs: 3_600_000 });
    tidb = await startTidbSim({ tables: demoCluster().tables ?? [] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-blocked-'));
    fs.cpSync(path.join(repoRoot, 'demo', 'tidb-ansible'), dir, { recursive: true });
  });
  after(async () => {
    await Promise.all([sim.close(), tidb.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const plan = (env: Record<string, string>, ...extra: string[]) =>
    run(env, 'plan', 'scale-in', '192.168.0.11', '-i', path.join(dir, 'inventory.ini'), '--pd', sim.url, '--tidb', tidb.url, ...extra);

  it('names the table of the rule that blocks, with the exact statement (exit 1, JSON "blocked")', async () => {
    const r = await plan({ LANG: 'C' }, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const [b] = (JSON.parse(r.stdout) as { blocked: { check: string; message: string }[] }).blocked;
    assert.equal(b.check, 'placement-rules');
    assert.match(b.message, /ALTER TABLE `sales`\.`orders` SET TIFLASH REPLICA 2;/);
    assert.ok(
      tidb.requests.some((q) => q.path === '/db-table/45'),
      'TiDB was asked for table 45',
    );
  });

  it('says every blocked reason in Chinese under zh_CN and in English under C', async () => {
    for (const format of ['json', 'text']) {
      const zh = await plan({ LANG: 'zh_CN.UTF-8' }, '--format', format);
      assert.equal(zh.code, 1);
      const zhText = format === 'json' ? (JSON.parse(zh.stdout) as { blocked: { message: string }[] }).blocked.map((b) => b.message).join('\n') : zh.stdout;
      assert.ok(HAN.test(zhText), zhText);
      assert.equal(englishSentence(zhText), null, zhText);
      const en = await plan({ LANG: 'C' }, '--format', format);
      assert.ok(!HAN.test(en.stdout), en.stdout);
    }
    const flag = await plan({ LANG: 'C' }, '--lang', 'zh-cn', '--format', 'text');
    assert.ok(HAN.test(flag.stdout), '--lang wins over the locale');
  });

  it("refuses without --pd, in the CLI's language", async () => {
    const r = await run({ LANG: 'zh_CN.UTF-8' }, 'plan', 'scale-in', '192.168.0.11', '-i', path.join(dir, 'inventory.ini'));
    assert.equal(r.code, 2);
    assert.ok(HAN.test(r.stderr), r.stderr);
  });
});
