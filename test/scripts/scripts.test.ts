// Every short script the README names, run from a fresh clone of this repository's HEAD (issue 16): an npm
// script pointing at a missing file, a package step that needs a folder it did not create, a demo that
// ignores its ports or leaves processes behind when stopped, all fail here. node_modules and .harness are
// linked from this checkout rather than installed again; ../shared is linked beside the clone as in CI.
// Not run here: `npm test` (this test is part of it), `npm run bench` (minutes), `npm run lint` (a stage of `npm test` of its own).

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { Cleanup } from '../harness/cleanup';
import { launchBrowser, newPage } from '../harness/codeServer';
import { descendants, groupGone, processAlive, processesGone, startGroup, stopGroup, waitForOutput, type Started } from '../harness/processes';
import { repoRoot } from '../support/paths';

const cleanup = new Cleanup();
const ci = process.env.CI === 'true';
const isGitCheckout = fs.existsSync(path.join(repoRoot, '.git'));
const skip = isGitCheckout ? false : 'not a git checkout: nothing to clone';
let clone = '';
/** The simulator's first line (tools/pd-sim/main.ts). */
const SIM_LISTENING = /PD [\d.]+ simulator .*listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** This process's environment without node:test's marker, which makes a nested `node --test` run no file. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** Runs `npm <args>` in the clone as its own process group; fails with the end of its output. */
async function npm(args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const p = startGroup('npm', args, { cwd: clone, env: cleanEnv(env) });
  cleanup.add(`stop npm ${args.join(' ')}`, () => stopGroup(p));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopGroup(p);
  }, timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  assert.equal(code, 0, `npm ${args.join(' ')} ${timedOut ? `took over ${timeoutMs} ms` : `exited with ${code}`}:\n${p.output().slice(-3000)}`);
  return p.output();
}

async function httpOk(url: string): Promise<string> {
  const r = await fetch(url);
  assert.equal(r.status, 200, `${url} answered ${r.status}`);
  return r.text();
}

before(() => {
  if (skip) {
    if (ci) throw new Error(`CI=true: ${skip}`);
    return;
  }
  const head = execFileSync('git', ['-C', repoRoot, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
  if (dirty) process.stdout.write(`# the clone has HEAD ${head.slice(0, 12)}: uncommitted changes are not part of this test\n`);
  const root = cleanup.tempDir('tiflash-clone-');
  clone = path.join(root, 'repo');
  execFileSync('git', ['clone', '--quiet', '--no-checkout', repoRoot, clone]);
  execFileSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', head]);
  for (const shared of ['node_modules', '.harness']) fs.symlinkSync(fs.realpathSync(path.join(repoRoot, shared)), path.join(clone, shared));
  const sharedFixtures = path.resolve(repoRoot, '..', 'shared');
  if (fs.existsSync(sharedFixtures)) fs.symlinkSync(sharedFixtures, path.join(root, 'shared'));
});

after(() => cleanup.run());

test('npm run compile builds out/ with tsc', { skip }, async () => {
  await npm(['run', 'compile'], 120_000);
  for (const f of ['out/src/extension.js', 'out/tools/pd-sim/main.js', 'out/test/harness/runIntegration.js']) {
    assert.ok(fs.existsSync(path.join(clone, f)), `${f} missing`);
  }
});

test('npm run package writes the VSIX', { skip }, async () => {
  fs.rmSync(path.join(clone, 'out'), { recursive: true, force: true });
  await npm(['run', 'package'], 120_000);
  const vsix = fs.readFileSync(path.join(clone, 'out', 'tiflash-ansible.vsix'));
  assert.ok(vsix.length > 10_000 && vsix.subarray(0, 2).toString() === 'PK', 'out/tiflash-ansible.vsix is no zip archive');
});

test('npm run pd-sim -- --port 0 prints its URL and answers as PD until stopped', { skip }, async () => {
  const sim = startGroup('npm', ['run', 'pd-sim', '--', '--port', '0'], { cwd: clone, env: cleanEnv() });
  cleanup.add('stop npm run pd-sim', () => stopGroup(sim));
  const [, url] = await waitForOutput(sim, SIM_LISTENING, 120_000);
  assert.match(await httpOk(`${url}/pd/api/v1/version`), /"version": "v\d+\.\d+\.\d+"/);
  await stopGroup(sim);
  await assert.rejects(fetch(`${url}/pd/api/v1/version`), 'still answering after it was stopped');
});

// The whole unit suite, not a subset: the script's job is to find and run every unit test file on
// Node 20 (it once ran none), and npm appends extra arguments after the folder, where node --test takes
// them for file names, so a subset would test another command than the README's.
test('npm run test:unit runs the unit tests and they pass', { skip }, async () => {
  const out = await npm(['run', 'test:unit'], 300_000);
  const count = (name: string) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);
  assert.ok(count('tests') > 0, `no unit test ran:\n${out.slice(-2000)}`);
  assert.equal(count('fail'), 0);
});

test('bash scripts/demo.sh serves VS Code and the simulator on the ports it is given, and stops all it started on SIGTERM', { skip }, async () => {
  const demo: Started = startGroup('bash', ['scripts/demo.sh'], { cwd: clone, env: cleanEnv({ PD_PORT: '0', VSCODE_PORT: '0' }) });
  cleanup.add('stop the demo', () => stopGroup(demo));
  const [, pdUrl] = await waitForOutput(demo, SIM_LISTENING, 240_000);
  const [, codeUrl] = await waitForOutput(demo, /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
  await httpOk(`${codeUrl}/healthz`);
  await httpOk(`${pdUrl}/pd/api/v1/version`);
  const settings = JSON.parse(fs.readFileSync(path.join(clone, 'out', 'demo', 'tidb-ansible', '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(settings['tiflash.pdEndpoints'], [pdUrl], 'the demo workspace points at the simulator the demo started');
  // a browser on the workbench makes code-server start an extension host, which must stop with the rest
  const browser = await launchBrowser(cleanup);
  const page = await newPage(browser);
  await page.goto(codeUrl);
  // the status bar item is the extension's own: once it shows, the extension host runs
  await page.locator('.statusbar-item', { hasText: 'TiFlash' }).first().waitFor({ timeout: 120_000 });
  // the browser goes first (a closed tab): code-server keeps that session's extension host for a reconnect
  await browser.close();
  const started = descendants(demo.pid);
  process.kill(demo.pid, 'SIGTERM'); // the script alone: it must stop its children itself
  assert.equal(await demo.exited, 143);
  await processesGone(started, 15_000);
  const left = started.filter(processAlive);
  assert.deepEqual(
    left,
    [],
    `processes left after the demo stopped:\n${left.length ? execFileSync('ps', ['-o', 'pid,args', '-p', left.join(',')], { encoding: 'utf8' }) : ''}`,
  );
  assert.ok(await groupGone(demo.pid, 1_000), "the demo script's own process group is gone");
});
