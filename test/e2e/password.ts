// End to end, with real keystrokes: create_users.yml -k waits for the SSH password in its terminal. When the
// prompt appears the keyboard focus is in that terminal; keys typed after clicking into inventory.ini stay neither
// on screen nor on disk; the password then typed reaches Ansible. Prints `N passed, N failed`.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startPdSim } from '../../tools/pd-sim/server';
import { Cleanup } from '../harness/cleanup';
import { codeServerPkg, launchBrowser, newPage, startServer } from '../harness/codeServer';
import { copyWorkspace, playbookCalls } from '../harness/workspace';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';
import { startFromPreview } from './ui.shots';
import { goToLine, lensLink, openWorkbench, until } from './workbench';

const shots = path.join(repoRoot, 'test-results', 'screenshots');
const results: string[] = [];
let failed = 0;

function check(name: string, ok: boolean, detail = ''): void {
  results.push(`  ${ok ? '✔' : '✘'} ${name}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed++;
}

/** The pid of the ansible-playbook running `playbook` in `cwd` (not the preflight's --list-hosts). */
function playbookProcess(playbook: string, cwd: string): number | undefined {
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const ours = cmd.some((a) => a.endsWith('ansible-playbook')) && cmd.includes(playbook) && !cmd.includes('--list-hosts');
      if (ours && fs.readlinkSync(`/proc/${entry}/cwd`) === cwd) return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return undefined;
}

async function main(cleanup: Cleanup): Promise<number> {
  fs.mkdirSync(shots, { recursive: true });
  const extensionsDir = path.join(cleanup.tempDir('tiflash-e2e-password-'), 'extensions');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'pipe' });
  const vsix = path.join(repoRoot, 'out', 'tiflash-ansible.vsix');
  execFileSync(process.execPath, [path.join(codeServerPkg, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: 'pipe',
  });
  const sim = await startPdSim({ cluster: demoCluster(), tickMs: 500 });
  cleanup.add('stop the PD simulator', () => sim.close());
  // the DOM renderer: the terminal's text is in the page, so the test can wait for Ansible's prompt
  const settings = { 'tiflash.pdEndpoints': [sim.url], 'tiflash.pollIntervalActiveMs': 500, 'terminal.integrated.gpuAcceleration': 'off' };
  const workspace = copyWorkspace(cleanup, { '.vscode/settings.json': JSON.stringify(settings, null, 2) });
  const server = await startServer(cleanup, { extensionsDir, testDriver: false });
  const browser = await launchBrowser(cleanup);
  const page = await newPage(browser);
  cleanup.add('close the page', () => page.context().close());
  const inventory = path.join(workspace, 'inventory.ini');
  const readInventory = () => fs.readFileSync(inventory, 'utf8');
  const focusInTerminal = async () => (await page.evaluate('!!document.activeElement?.closest(".terminal-wrapper, .xterm, .terminal")')) === true;
  try {
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('inventory.ini');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'inventory.ini' }).first().click();
    // 192.168.0.13 is in [tiflash_servers] but not in PD: its CodeLens offers Scale out
    await goToLine(page, readInventory().split('\n').indexOf('192.168.0.13') + 1);
    await lensLink(page, 'not in PD', 'Scale out').click({ timeout: 30_000 });
    // the plan preview of 192.168.0.13: Start runs exactly what it shows
    await page.locator('.tab.active').filter({ hasText: '192.168.0.13' }).waitFor({ timeout: 30_000 });
    await page.locator('.codelens-decoration a:has(.codicon-play)').waitFor({ timeout: 10_000 });
    await startFromPreview(page);

    await until(
      'create_users.yml to ask for the password',
      () => Promise.resolve(playbookProcess('create_users.yml', workspace)),
      (p) => p !== undefined,
      90_000,
    );
    // Ansible reads the password with the terminal flushed: keys typed before its prompt are lost
    await page
      .locator('.xterm-rows')
      .filter({ hasText: /SSH password:/i })
      .first()
      .waitFor({ timeout: 30_000 });
    const before = readInventory();
    const inTerminal = await until('the keyboard focus in the prompting terminal', focusInTerminal, (yes) => yes, 10_000).then(
      () => true,
      () => false,
    );
    check('the prompting terminal has the keyboard focus', inTerminal, `focus is on ${String(await page.evaluate('document.activeElement?.className'))}`);
    await page.screenshot({ path: path.join(shots, 'password-prompt.png') });

    // the operator clicks into inventory.ini and types the password there
    await page.locator('.monaco-editor .view-line').filter({ hasText: '[tiflash_servers]' }).click();
    await page.keyboard.type('hunter2');
    const typed = page.locator('.monaco-editor .view-line').filter({ hasText: 'hunter2' });
    const onScreen = await until(
      'the typed keys gone from the editor',
      () => typed.count(),
      (n) => n === 0,
      10_000,
    ).catch(() => -1);
    check('keys typed into inventory.ini while the prompt waits do not stay on screen', onScreen === 0, 'a line still shows them after 10 s');
    check('nor on disk', readInventory() === before, 'inventory.ini changed');
    await page.screenshot({ path: path.join(shots, 'password-after-typing-in-editor.png') });

    // the guard gave the terminal the keyboard again: the password typed next reaches Ansible
    await page.keyboard.type('secret');
    await page.keyboard.press('Enter');
    const ran = await until(
      'create_users.yml to run',
      () => Promise.resolve(playbookCalls(workspace)),
      (c) => c.some((x) => x.playbook === 'create_users'),
      60_000,
    ).then(
      () => true,
      () => false,
    );
    check('the password typed next reaches Ansible', ran);
    check('inventory.ini is still as the run left it', readInventory() === before);
  } catch (e) {
    check('the scenario ran', false, (e as Error).message.split('\n')[0]);
    await page.screenshot({ path: path.join(shots, 'password-failed.png') });
  }
  process.stdout.write(`${results.join('\n')}\n${results.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

const cleanup = new Cleanup();
cleanup.exitAfter(() => main(cleanup));
