// The same integration suites on desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code or that have one (VSCODE_EXECUTABLE_PATH). CI here uses runIntegration.ts instead.

import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/paths';
import { Cleanup } from './cleanup';
import { copyWorkspace } from './workspace';

async function main(cleanup: Cleanup): Promise<number> {
  const workspace = copyWorkspace(cleanup);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : { version: '1.100.3' }),
    });
    return 0;
  } catch (e) {
    process.stderr.write(
      `desktop tests failed: ${(e as Error).message}\n` +
        'They need a VS Code download or VSCODE_EXECUTABLE_PATH; without either, use npm test (the VS Code server harness).\n',
    );
    return 1;
  }
}

const cleanup = new Cleanup();
cleanup.exitAfter(() => main(cleanup));
