// A fresh copy of the sample tidb-ansible workspace for each run (the tests edit it).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

export function copyWorkspace(): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'tiflash-ws-'));
  fs.cpSync(path.join(repoRoot, 'demo', 'tidb-ansible'), path.join(dest, 'tidb-ansible'), { recursive: true });
  fs.rmSync(path.join(dest, 'tidb-ansible', 'playbook-calls.log'), { force: true });
  return dest;
}
