// What a harness run started or created, undone in reverse order: after a failure half-way, and on
// Ctrl+C / SIGTERM too, so no server, browser or temp dir outlives the run.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class Cleanup {
  private readonly undo: { what: string; fn: () => unknown }[] = [];

  add(what: string, fn: () => unknown): void {
    this.undo.push({ what, fn });
  }

  /** A fresh temp dir, removed by `run()`. */
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.add(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** Undoes everything, newest first; one failing step does not keep the others from running. */
  async run(): Promise<void> {
    for (let u = this.undo.pop(); u; u = this.undo.pop()) {
      try {
        await u.fn();
      } catch (e) {
        process.stderr.write(`cleanup: ${u.what} failed: ${(e as Error).message}\n`);
      }
    }
  }

  /** Runs `main` with this cleanup behind it, on its end and on SIGINT / SIGTERM; exits with main's code. */
  exitAfter(main: () => Promise<number>): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`${signal}: stopping what the run started\n`);
        void this.run().then(() => process.exit(130));
      });
    }
    main().then(
      (code) => this.run().then(() => process.exit(code)),
      (e) => {
        process.stderr.write(`${(e as Error).stack}\n0 passed, 1 failed\n`);
        return this.run().then(() => process.exit(1));
      },
    );
  }
}
