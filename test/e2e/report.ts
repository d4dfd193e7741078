// The e2e's outcome: each check passes or fails with a line and leaves a screenshot; every screenshot
// taken is listed at the end.

import * as path from 'node:path';
import type { Page } from 'playwright-core';

export class Report {
  private passed = 0;
  private failed = 0;
  private readonly shots: string[] = [];
  /** Set after a failed check: the rest of the pass depends on it and is reported as not run. */
  private broken = false;

  private prefix = '';

  constructor(private readonly dir: string) {}

  /** Checks that follow belong to a pass; its screenshots are named `<prefix>-NN-<check>.png`. */
  startPass(prefix: string, title: string): void {
    this.prefix = prefix;
    this.broken = false;
    process.stdout.write(`\n${title}\n`);
  }

  async shot(page: Page, name: string): Promise<void> {
    const file = path.join(this.dir, `${this.prefix}-${String(this.shots.length + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file });
    this.shots.push(file);
  }

  async check(page: Page, name: string, fn: () => Promise<void>): Promise<void> {
    if (this.broken) {
      this.failed++;
      process.stdout.write(`  ✘ ${name}: not run (an earlier check of this pass failed)\n`);
      return;
    }
    const started = Date.now();
    try {
      await fn();
      this.passed++;
      process.stdout.write(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (e) {
      this.failed++;
      this.broken = true;
      process.stdout.write(`  ✘ ${name}: ${(e as Error).message.split('\n').slice(0, 6).join('\n    ')}\n`);
    }
    await this.shot(page, name);
  }

  /** Prints the screenshots and the closing line; the run's exit code. */
  finish(): number {
    process.stdout.write(`\nscreenshots (${this.shots.length}):\n${this.shots.map((s) => `  ${s}`).join('\n')}\n`);
    process.stdout.write(`${this.passed} passed, ${this.failed} failed\n`);
    return this.failed || !this.passed ? 1 : 0;
  }
}
