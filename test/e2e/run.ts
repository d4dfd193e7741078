// End to end in the real workbench: the packaged VSIX installed into the VS Code server, the demo
// workspace, the PD simulator; checks what a person sees and saves a screenshot of each stage.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startPdSim } from '../../tools/pd-sim/server';
import { copyWorkspace } from '../harness/workspace';
import { codeServerPkg, launchBrowser, newPage, startServer } from '../harness/codeServer';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';

const shots = path.join(repoRoot, 'test-results', 'screenshots');
let passed = 0;
let failed = 0;

async function check(page: Page, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
    passed++;
    process.stdout.write(`  ✔ ${name}\n`);
  } catch (e) {
    failed++;
    process.stdout.write(`  ✘ ${name}: ${(e as Error).message.split('\n')[0]}\n`);
  }
  await page.screenshot({ path: path.join(shots, `${String(passed + failed).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) });
}

async function main(): Promise<number> {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const vsix = path.join(repoRoot, 'out', 'tiflash-ansible.vsix');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'ignore' });
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiflash-ext-'));
  execFileSync(process.execPath, [path.join(codeServerPkg, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'ignore' });
  const sim = await startPdSim({ cluster: { ...demoCluster(), regionsPerTick: 300 }, tickMs: 500 });
  const workspaceRoot = copyWorkspace();
  const workspace = path.join(workspaceRoot, 'tidb-ansible');
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'tiflash.pdEndpoints': [sim.url], 'tiflash.pollIntervalActiveMs': 500 }));
  const server = await startServer({ extensionsDir, testDriver: false });
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(1500);

    await check(page, 'TiFlash Hosts view lists hosts with PD states', async () => {
      await page.click('.activitybar [aria-label*="TiFlash"]');
      await page.waitForSelector('.monaco-workbench :text-matches("TiFlash Hosts", "i")', { timeout: 15_000 });
      await page.waitForSelector('.monaco-list-row:has-text("TiFlash12-1"):has-text("Up")', { timeout: 15_000 });
      await page.waitForSelector('.monaco-list-row:has-text("192.168.0.13"):has-text("not in PD")', { timeout: 15_000 });
      await page.waitForSelector('.monaco-list-row:has-text("store 61")', { timeout: 15_000 });
    });

    await check(page, 'CodeLens on host lines of inventory.ini', async () => {
      // clicking a host opens inventory.ini at its line
      await page.click('.monaco-list-row:has-text("192.168.0.11")');
      await page.waitForSelector('.codelens-decoration >> text=/Scale in/', { timeout: 20_000 });
      await page.waitForSelector('.codelens-decoration >> text=/Scale out/', { timeout: 20_000 });
    });

    await check(page, 'hover shows resolved variables and the live store', async () => {
      // put the cursor on the host name and ask for the hover, as with the keyboard
      const box = (await page.locator('.view-line:has-text("TiFlash12-2 ansible_host")').boundingBox())!;
      await page.mouse.click(box.x + 30, box.y + box.height / 2);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.waitForSelector('.monaco-hover:has-text("tcp_port"):has-text("PD store 55")', { timeout: 15_000 });
    });

    await check(page, 'status bar shows the TiFlash summary', async () => {
      await page.mouse.move(1300, 20);
      await page.waitForSelector('.statusbar-item:has-text("TiFlash 3 Up")', { timeout: 15_000 });
    });

    await check(page, 'Problems panel shows inventory diagnostics', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel .monaco-list-row:has-text("hosts.ini")', { timeout: 15_000 });
    });

    await check(page, 'scale-in of 192.168.0.11 drains the store to Tombstone', async () => {
      // the CodeLens above 192.168.0.11 (store 53)
      await page.click('.codelens-decoration:has-text("store 53") a:has-text("Scale in")');
      await page.waitForSelector('.monaco-dialog-box', { timeout: 10_000 });
      await page.screenshot({ path: path.join(shots, '05a-scale-in-confirmation.png') });
      await page.click('.monaco-dialog-box .monaco-button:has-text("Start")');
      await page.waitForSelector('.statusbar-item >> text=/TiFlash store 53/', { timeout: 15_000 });
      await page.screenshot({ path: path.join(shots, '05b-draining.png') });
      const deadline = Date.now() + 30_000;
      while (sim.cluster.find(53)!.state !== 2 && Date.now() < deadline) await page.waitForTimeout(250);
      if (sim.cluster.find(53)!.state !== 2) throw new Error('store 53 did not become Tombstone');
      await page.waitForSelector('.monaco-list-row:has-text("192.168.0.11"):has-text("Tombstone")', { timeout: 20_000 });
    });

    await check(page, 'TiFlash Operation view shows the steps of the scale-in', async () => {
      await page.click('.pane-header:has-text("TiFlash Operation")');
      await page.waitForSelector('.monaco-list-row:has-text("Stop TiFlash on 192.168.0.11")', { timeout: 15_000 });
      await page.waitForSelector('.monaco-list-row:has-text("Wait until store 53 is Tombstone")', { timeout: 5_000 });
    });
  } finally {
    await browser.close();
    await server.stop();
    await sim.close();
    fs.rmSync(workspaceRoot, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
  process.stdout.write(`screenshots: ${shots}\n${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`${(e as Error).stack}\n0 passed, 1 failed\n`);
  process.exit(1);
});
