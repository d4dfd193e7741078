// End to end, with real keystrokes: create_users.yml -k waits for the SSH password in its terminal. When the
// prompt appears the keyboard focus is in that terminal; keys typed after clicking into inventory.ini do not stay
// in the file (on screen or on disk); the password then typed reaches Ansible. Prints `N passed, N failed`.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startPdSim } from '../../tools/pd-sim/server';
import { codeServerPkg, launchBrowser, newPage, startServer } from '../harness/codeServer';
import { copyWorkspace } from '../harness/workspace';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';

const shots = path.join(repoRoot, 'test-results', 'screenshots');
const results: string[] = [];
let failed = 0;

function check(name: string, ok: boolean, detail = ''): void {
  results.push(`  ${ok ? '✔' : '✘'} ${name}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed++;
}

/** The pid of a running ansible-playbook for `playbook` started in `cwd` (not the preflight's --list-hosts). */
function playbookProcess(playbook: string, cwd: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (
        cmd.some((a) => a.endsWith('ansible-playbook')) &&
        cmd.includes(playbook) &&
        !cmd.includes('--list-hosts') &&
        fs.readlinkSync(`/proc/${entry}/cwd`) === cwd
      )
        return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}

async function until<T>(what: string, probe: () => T | undefined, page: Page, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(250);
  }
}

async function main(): Promise<number> {
  fs.mkdirSync(shots, { recursive: true });
  const vsix = path.join(repoRoot, 'out', 'tiflash-ansible.vsix');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'ignore' });
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiflash-ext-'));
  execFileSync(process.execPath, [path.join(codeServerPkg, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: 'ignore',
  });
  const sim = await startPdSim({ cluster: demoCluster(), tickMs: 500 });
  const workspaceRoot = copyWorkspace();
  const workspace = path.join(workspaceRoot, 'tidb-ansible');
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'tiflash.pdEndpoints': [sim.url], 'tiflash.pollIntervalActiveMs': 500 }));
  const inventory = path.join(workspace, 'inventory.ini');
  const calls = path.join(workspace, 'playbook-calls.log');
  const server = await startServer({ extensionsDir, testDriver: false });
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('inventory.ini');
    await page.click('.quick-input-list .monaco-list-row:has-text("inventory.ini")', { timeout: 15_000 });
    // 192.168.0.13 is in [tiflash_servers] but not in PD: its CodeLens offers Scale out
    await page.locator('.monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('58');
    await page.keyboard.press('Enter');
    const lens = page.locator('.codelens-decoration').filter({ hasText: 'not in PD' }).locator('a', { hasText: 'Scale out' });
    await lens.first().click({ timeout: 30_000 });
    // the plan's confirmation (its text may be taller than the window: the button is pressed, not scrolled to)
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Start' }).dispatchEvent('click', undefined, { timeout: 30_000 });

    const pid = await until('create_users.yml to ask for the password', () => playbookProcess('create_users.yml', workspace), page, 90_000);
    await page.waitForTimeout(2000);
    const before = fs.readFileSync(inventory, 'utf8');
    const inTerminal = await page.evaluate('!!document.activeElement?.closest(".terminal-wrapper, .xterm, .terminal")');
    check(
      'the prompting terminal has the keyboard focus',
      inTerminal === true,
      `focus is on ${String(await page.evaluate('document.activeElement?.className'))}`,
    );
    await page.screenshot({ path: path.join(shots, 'password-prompt.png') });

    // the operator clicks into inventory.ini and types the password there
    await page.locator('.monaco-editor .view-line').filter({ hasText: '[tiflash_servers]' }).click();
    await page.keyboard.type('hunter2');
    await page.waitForTimeout(1500);
    const onScreen = await page.locator('.monaco-editor .view-line').filter({ hasText: 'hunter2' }).count();
    check('keys typed into inventory.ini while the prompt waits do not stay on screen', onScreen === 0, `${onScreen} line(s) show it`);
    check('nor on disk', fs.readFileSync(inventory, 'utf8') === before, 'inventory.ini changed');
    await page.screenshot({ path: path.join(shots, 'password-after-typing-in-editor.png') });

    // back at the prompt (the guard gave the terminal the keyboard again): the password reaches Ansible
    await page.keyboard.type('secret');
    await page.keyboard.press('Enter');
    await until(
      'create_users.yml to run',
      () => (fs.existsSync(calls) && fs.readFileSync(calls, 'utf8').includes('create_users') ? true : undefined),
      page,
      60_000,
    ).then(
      () => check('the password typed next reaches Ansible', true),
      (e: Error) => check('the password typed next reaches Ansible', false, `${e.message} (process ${pid})`),
    );
    check('inventory.ini is still as the run left it', fs.readFileSync(inventory, 'utf8') === before);
  } catch (e) {
    check('the scenario ran', false, (e as Error).message.split('\n')[0]);
    await browser
      .contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: path.join(shots, 'password-failed.png') });
  } finally {
    await browser.close();
    await server.stop();
    await sim.close();
    fs.rmSync(workspaceRoot, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
  process.stdout.write(`${results.join('\n')}\n${results.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
