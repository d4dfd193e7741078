// Runs the mocha suites of test/integration inside a real VS Code extension host and exits with their status.
// `untrusted` runs test/integration-untrusted in a workspace opened in restricted mode instead.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { repoRoot } from '../support/paths';
import { launchBrowser, newPage, startServer } from './codeServer';
import { copyWorkspace } from './workspace';

const untrusted = process.argv.includes('untrusted');

async function main(): Promise<number> {
  const workspace = copyWorkspace();
  const server = await startServer(untrusted ? { userSettings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } } : {});
  const browser = await launchBrowser();
  let exitCode: number | undefined;
  let closing = '';
  try {
    const page = await newPage(browser);
    const done = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        const line = format(...args);
        if (/^(Ignoring fetching|Creating a socket|Resolv|Updating additional|\[Service Worker\]|ChatSessionStore)/.test(line)) return;
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
    const url = `${server.url}/?folder=${encodeURIComponent(path.join(workspace, 'tidb-ansible'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise<number>((resolve) => setTimeout(() => {
      process.stderr.write('integration tests timed out after 5 minutes\n');
      resolve(1);
    }, 300_000).unref());
    exitCode = await Promise.race([done, timeout]);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  if (!closing) process.stdout.write(`0 passed, 1 failed\n`);
  return exitCode ?? 1;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`${(e as Error).stack}\n0 passed, 1 failed\n`);
  process.exit(1);
});
