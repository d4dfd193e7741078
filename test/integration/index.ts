// Mocha inside the extension host: VS Code calls run() and reports its outcome to the harness.
// Each test file is one suite with its own Mocha run, fresh workspace and simulator (helpers.ts
// startSuite), in an order shuffled with a printed seed: TEST_SEED=<n> replays an order,
// TEST_FILE=<part of a file name> runs only the matching files. It fails loudly when it finds no
// test file, a file does not load or defines no test, a suite cannot be prepared, or nothing passed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import Mocha from 'mocha';
import { Rng } from '../support/random';
import { endSuite, startSuite } from './helpers';

interface Tally {
  passes: number;
  failures: number;
  pending: number;
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = new Rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function seedFromEnv(): number {
  const given = process.env.TEST_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(given)) throw new Error(`TEST_SEED must be a non-negative integer, not ${JSON.stringify(given)}`);
  return Number(given);
}

/** Runs every *.test.js of `dir` as separate suites and prints the closing `N passed, N failed` line. */
export async function runSuites(dir: string): Promise<void> {
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (!all.length) throw new Error(`no *.test.js file in ${dir}: nothing to run`);
  const only = process.env.TEST_FILE;
  const files = only ? all.filter((f) => f.includes(only)) : all;
  if (!files.length) throw new Error(`TEST_FILE=${only} matches none of ${all.join(', ')}`);
  const seed = seedFromEnv();
  const order = shuffled(files, seed);
  console.log(`suite order (replay with TEST_SEED=${seed}): ${order.join(', ')}`);
  const total: Tally = { passes: 0, failures: 0, pending: 0 };
  for (const file of order) {
    const t = await runSuite(path.join(dir, file));
    total.passes += t.passes;
    total.failures += t.failures;
    total.pending += t.pending;
  }
  console.log(`${total.passes} passed, ${total.failures} failed${total.pending ? `, ${total.pending} pending` : ''}`);
  if (total.failures) throw new Error(`${total.failures} integration test(s) failed (TEST_SEED=${seed})`);
  if (!total.passes) throw new Error('no integration test passed: 0 tests ran');
}

async function runSuite(file: string): Promise<Tally> {
  const name = path.basename(file);
  const failed = (why: string, e?: unknown): Tally => {
    console.error(`✘ ${name}: ${why}${e ? `\n${inspect(e)}` : ''}`);
    return { passes: 0, failures: 1, pending: 0 };
  };
  console.log(`\n── ${name}`);
  try {
    await startSuite();
  } catch (e) {
    await endSuite();
    return failed('could not prepare a fresh workspace and simulator', e);
  }
  try {
    let tally: Tally;
    try {
      tally = await runMocha(file);
    } catch (e) {
      return failed('failed to load', e);
    }
    return tally.passes + tally.failures + tally.pending ? tally : failed('defines no test');
  } finally {
    await endSuite();
  }
}

/** One Mocha run of one file; rejects when the file throws while loading (Mocha requires it in run()). */
function runMocha(file: string): Promise<Tally> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(file);
  return new Promise((resolve) => {
    const runner: Mocha.Runner = mocha.run(() =>
      setImmediate(() => {
        const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
        resolve({ passes, failures, pending });
      }),
    );
  });
}

export const run = () => runSuites(__dirname);
