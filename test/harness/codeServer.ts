// Starts the VS Code server bundled in the npm package code-server and drives it with Debian's
// Chromium through playwright-core (../shared/HARNESS.md has the facts behind every flag).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../support/paths';
import type { Cleanup } from './cleanup';
import { startGroup, stopGroup, waitForOutput } from './processes';

export const harnessDir = path.join(repoRoot, '.harness');
export const codeServerPkg = path.join(harnessDir, 'code-server', 'node_modules', 'code-server');
const serverMain = path.join(codeServerPkg, 'lib', 'vscode', 'out', 'server-main.js');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
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

export interface Server {
  port: number;
  url: string;
  userDataDir: string;
}

export interface ServerOptions {
  extensionsDir?: string;
  userSettings?: Record<string, unknown>;
  /** For extension tests: it also makes the workbench refuse modal dialogs, so the e2e run goes without it. */
  testDriver?: boolean;
  /** The display language (`--locale`); a language pack for it must be installed and named in `languagePacks`. */
  locale?: string;
  /** Written to `<user-data-dir>/languagepacks.json`. */
  languagePacks?: unknown;
  /** Extra environment of the server and so of its extension host. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The plain VS Code server (`server-main.js`): the route VS Code's remote integration tests use.
 * It binds port 0 and reports the port it got, so two runs never race for one. `cleanup` stops it
 * (with its extension hosts) and removes its data.
 */
export async function startServer(cleanup: Cleanup, opts: ServerOptions = {}): Promise<Server> {
  if (!fs.existsSync(serverMain)) throw new Error(`VS Code server not installed: run scripts/harness-install.sh (${serverMain} missing)`);
  const root = cleanup.tempDir('tiflash-vscode-');
  const userDataDir = path.join(root, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.userSettings }, null, 2));
  if (opts.languagePacks) fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(opts.languagePacks, null, 2));
  const server = startGroup(
    process.execPath,
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      ...(opts.testDriver === false ? [] : ['--enable-smoke-test-driver']),
      '--disable-telemetry',
      '--user-data-dir',
      userDataDir,
      '--server-data-dir',
      path.join(root, 'server-data'),
      '--extensions-dir',
      opts.extensionsDir ?? path.join(root, 'extensions'),
      ...(opts.locale ? ['--locale', opts.locale] : []),
    ],
    { env: { ...process.env, ...opts.env, EXTENSIONS_GALLERY: '{}', VSCODE_SKIP_PRELAUNCH: '1' } },
  );
  cleanup.add('stop the VS Code server', () => stopGroup(server));
  const [, port] = await waitForOutput(server, /Extension host agent listening on (\d+)/, 30_000);
  return { port: Number(port), url: `http://127.0.0.1:${port}`, userDataDir };
}

export async function launchBrowser(cleanup: Cleanup): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  cleanup.add('close the browser', () => browser.close());
  return browser;
}

/** A page in a fresh context; `locale` sets the browser's language (navigator.language, Accept-Language). */
export async function newPage(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, ...(locale ? { locale } : {}) });
  return context.newPage();
}
