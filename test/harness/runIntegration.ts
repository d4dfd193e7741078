// Runs the mocha suites of test/integration inside a real VS Code extension host and exits with their status.
// `untrusted` runs test/integration-untrusted in a workspace opened in restricted mode instead.
// The extension host inherits this process's environment: TEST_SEED=<n> replays a suite order,
// TEST_FILE=<part of a name> (or `--file <part>`) runs only the matching test files.

import * as path from 'node:path';
import { format } from 'node:util';
import { repoRoot } from '../support/paths';
import { Cleanup } from './cleanup';
import { launchBrowser, newPage, startServer } from './codeServer';
import { copyWorkspace } from './workspace';

const untrusted = process.argv.includes('untrusted');
const fileArg = process.argv.indexOf('--file');
// the run suites drive real playbooks and drains (a scale-out alone takes about a minute on a busy 2-core machine)
const TIMEOUT_MS = 900_000;
const NOISE = /^(Creation of workbench contribution|Ignoring fetching|Creating a socket|Resolv|Updating additional|\[Service Worker\]|ChatSessionStore)/;

async function main(cleanup: Cleanup): Promise<number> {
  const env = fileArg > 0 ? { TEST_FILE: process.argv[fileArg + 1] } : {};
  const workspace = copyWorkspace(cleanup);
  const server = await startServer(cleanup, {
    env,
    ...(untrusted ? { userSettings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } } : {}),
  });
  const page = await newPage(await launchBrowser(cleanup));
  let closing = '';
  const done = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...args);
      if (NOISE.test(line)) return;
      if (/^\d+ passed, \d+ failed/.test(line)) closing = line;
      (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(path.join(repoRoot, 'out', 'test', untrusted ? 'integration-untrusted' : 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      process.stderr.write(`integration tests timed out after ${TIMEOUT_MS / 1000} s\n`);
      resolve(1);
    }, TIMEOUT_MS);
  });
  const code = await Promise.race([done, timeout]);
  clearTimeout(timer);
  // the runner in the extension host prints the closing line; without it nothing can be trusted
  if (!closing) {
    process.stdout.write('0 passed, 1 failed (the extension host ended without a closing line)\n');
    return 1;
  }
  return code;
}

const cleanup = new Cleanup();
cleanup.exitAfter(() => main(cleanup));
