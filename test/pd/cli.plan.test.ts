// `tiflash-ansible plan --format text` is a preview a person can act on: its unified diffs apply with
// `git apply` and `patch` to the real files and give exactly the planned texts, and each command line, split
// by a POSIX shell, gives back exactly the JSON `argv`, even for a host name full of shell syntax.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parseInventory } from '../../src/core/inventory/parse';
import { PdApi } from '../../src/core/pd/api';
import { readPdFacts } from '../../src/core/plan/pdFacts';
import { preview } from '../../src/core/plan/preview';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import { planScaleOut } from '../../src/core/plan/scaleOut';
import type { Plan } from '../../src/core/plan/types';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import { demoCluster } from '../support/pdFixtures';
import { demoDir, repoRoot } from '../support/paths';

const exec = promisify(execFile);
const cli = path.join(repoRoot, 'dist', 'cli.js');
/** Shell syntax a careless quote would run: a command substitution, a command separator and a pipe. */
const NAME = 'TiFlash$(id);x|y';

interface JsonStep {
  id: string;
  kind: string;
  argv?: string[];
}

/** The diffs of the text output, each as a `git apply` input (hunk lengths tell where each one ends). */
function diffsOf(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('--- a/')) continue;
    const patch = [lines[i], lines[++i]];
    while (lines[i + 1]?.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(lines[++i])!;
      let [a, b] = [Number(m[1] ?? 1), Number(m[2] ?? 1)];
      patch.push(lines[i]);
      while (a > 0 || b > 0) {
        const l = lines[++i];
        patch.push(l);
        if (l[0] !== '+') a--;
        if (l[0] !== '-') b--;
      }
    }
    out.push(patch.join('\n') + '\n');
  }
  return out;
}

/** The line under each step header: where the text output puts a playbook's command. */
function commandLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((l, i) => (/^[ \d]\d\. /.test(l) ? [lines[i + 1]?.replace(/^ {4}/, '') ?? ''] : []));
}

/** What a POSIX shell makes of a command line: its words, split and unquoted, not run. */
async function shellWords(line: string): Promise<string[]> {
  const { stdout } = await exec('sh', ['-c', `printf '%s\\0' ${line}`]);
  return stdout.split('\0').slice(0, -1);
}

describe('tiflash-ansible plan --format text', () => {
  let sim: PdSim;
  let dir: string;
  before(async () => {
    sim = await startPdSim({ cluster: demoCluster(), tickMs: 3_600_000 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-plan-'));
    const inventory = fs
      .readFileSync(path.join(demoDir, 'inventory.ini'), 'utf8')
      .replace('TiFlash12-1 ', `${NAME} `)
      .replace('192.168.0.13\n', `192.168.0.13\n${NAME}-new ansible_host=192.168.0.20\n`);
    fs.writeFileSync(path.join(dir, 'inventory.ini'), inventory);
    fs.copyFileSync(path.join(demoDir, 'hosts.ini'), path.join(dir, 'hosts.ini'));
  });
  after(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const files = () => ({ inventory: fs.readFileSync(path.join(dir, 'inventory.ini'), 'utf8'), hosts: fs.readFileSync(path.join(dir, 'hosts.ini'), 'utf8') });
  const cliPlan = async (kind: string, host: string, format: string) =>
    (
      await exec(process.execPath, [cli, 'plan', kind, host, '-i', path.join(dir, 'inventory.ini'), '--pd', sim.url, '--format', format], {
        env: { ...process.env, LC_ALL: 'C' },
      })
    ).stdout;
  const corePlan = async (kind: string, host: string): Promise<Plan> => {
    const api = new PdApi({ endpoints: [sim.url] });
    try {
      const f = files();
      const input = { inventory: parseInventory(f.inventory), hosts: parseInventory(f.hosts), host, pd: await readPdFacts(api) };
      return kind === 'scale-out' ? planScaleOut(input) : planScaleIn(input);
    } finally {
      api.dispose();
    }
  };

  for (const [kind, host, edited] of [
    ['scale-in', NAME, ['inventory.ini']],
    ['scale-out', `${NAME}-new`, ['inventory.ini', 'hosts.ini']],
  ] as const) {
    it(`${kind} of ${host}: each diff applies with git apply and patch and gives the planned text`, async () => {
      const text = await cliPlan(kind, host, 'text');
      const diffs = diffsOf(text);
      assert.deepEqual(
        diffs.map((d) => /^--- a\/(\S+)/.exec(d)![1]),
        edited,
      );
      const expected = preview(await corePlan(kind, host), files()).files;
      for (const tool of ['git', 'patch'] as const) {
        const work = fs.mkdtempSync(path.join(os.tmpdir(), `cli-plan-${tool}-`));
        try {
          for (const f of ['inventory.ini', 'hosts.ini']) fs.copyFileSync(path.join(dir, f), path.join(work, f));
          for (const [i, d] of diffs.entries()) {
            fs.writeFileSync(path.join(work, `${i}.diff`), d);
            if (tool === 'git') await exec('git', ['apply', '--check', `${i}.diff`], { cwd: work });
            await (tool === 'git' ? exec('git', ['apply', `${i}.diff`], { cwd: work }) : exec('patch', ['-p1', '--quiet', '-i', `${i}.diff`], { cwd: work }));
          }
          for (const f of expected) assert.equal(fs.readFileSync(path.join(work, f.name), 'utf8'), f.after, `${tool}: ${f.name} as planned`);
        } finally {
          fs.rmSync(work, { recursive: true, force: true });
        }
      }
    });

    it(`${kind} of ${host}: a POSIX shell splits every command line back into exactly the JSON argv`, async () => {
      const text = await cliPlan(kind, host, 'text');
      const steps = (JSON.parse(await cliPlan(kind, host, 'json')) as { steps: JsonStep[] }).steps;
      const lines = commandLines(text);
      assert.equal(lines.length, steps.length, 'one header per step');
      const playbooks = steps.flatMap((s, i) => (s.argv ? [{ argv: s.argv, line: lines[i] }] : []));
      assert.ok(
        playbooks.some((p) => p.argv.includes(host)),
        'a limit names the host',
      );
      for (const p of playbooks) {
        assert.deepEqual(await shellWords(p.line), p.argv, p.line);
        if (p.argv.includes(host)) assert.ok(p.line.includes(`'${host}'`), `quoted: ${p.line}`);
      }
    });
  }
});
