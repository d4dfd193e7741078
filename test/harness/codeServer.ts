// Starts the VS Code server bundled in the npm package code-server and drives it with Debian's
// Chromium through playwright-core (../shared/HARNESS.md has the facts behind every flag).

import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../support/paths';

export const harnessDir = path.join(repoRoot, '.harness');
export const codeServerPkg = path.join(harnessDir, 'code-server', 'node_modules', 'code-server');
const serverMain = path.join(codeServerPkg, 'lib', 'vscode', 'out', 'server-main.js');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
};

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export interface Server {
  port: number;
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** The plain VS Code server (`server-main.js`): the route VS Code's remote integration tests use. */
/** `testDriver` is for extension tests: it also makes the workbench refuse modal dialogs, so the e2e run goes without it. */
export async function startServer(opts: { extensionsDir?: string; userSettings?: Record<string, unknown>; testDriver?: boolean } = {}): Promise<Server> {
  if (!fs.existsSync(serverMain)) throw new Error(`VS Code server not installed: run scripts/harness-install.sh (${serverMain} missing)`);
  const port = await freePort();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tiflash-vscode-'));
  const userData = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.userSettings }, null, 2));
  const proc = spawn(process.execPath, [
    serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    ...(opts.testDriver === false ? [] : ['--enable-smoke-test-driver']), '--disable-telemetry', '--user-data-dir', userData, '--server-data-dir', path.join(root, 'server-data'),
    '--extensions-dir', opts.extensionsDir ?? path.join(root, 'extensions'),
  ], { env: { ...process.env, EXTENSIONS_GALLERY: '{}', VSCODE_SKIP_PRELAUNCH: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/version`);
      if (r.status < 500) break;
    } catch {
      // not up yet
    }
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`VS Code server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port, url, proc,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, ...(locale ? { locale } : {}) });
  return context.newPage();
}
