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

/** The inventories of the shared fixtures, named so that a test for each exists (and is skipped or fails) without them. */
export const SHARED_INVENTORIES = [
  'inventory.release-3.1.ini',
  'inventory.release-4.0.ini',
  'inventory.with-tiflash.ini',
  'hosts.ini',
  'hosts.with-tiflash.ini',
];

/** The team's shared fixtures sit beside the repository (as in CI); a clone elsewhere has none. */
export const haveShared = fs.existsSync(sharedFixtures);

/**
 * `skip` option for tests that compare against the shared fixtures: the reason, which the test runner prints.
 * In CI (CI=true) the fixtures must be there: the tests run and fail instead of skipping.
 */
export const SKIP_WITHOUT_SHARED: string | false = haveShared || process.env.CI === 'true' ? false : 'needs ../shared/fixtures beside the repository';
