// Where tests find the project's fixtures and the shared ones beside the repository.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root (tests run from out/test/..., sources from test/...). */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures');
export const sharedFixtures = path.resolve(repoRoot, '..', 'shared', 'fixtures');
export const tidbAnsibleFixtures = path.join(sharedFixtures, 'tidb-ansible');
export const pdFixtures = path.join(sharedFixtures, 'pd');
export const demoDir = path.join(repoRoot, 'demo', 'tidb-ansible');

/** The team's shared fixtures sit beside the repository (as in CI); a clone elsewhere has none. */
export const haveShared = fs.existsSync(sharedFixtures);
/** `skip` option for tests that compare against the shared fixtures. */
export const SKIP_WITHOUT_SHARED: string | false = haveShared ? false : 'needs ../shared/fixtures beside the repository';
