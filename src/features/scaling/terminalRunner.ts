// Runs playbooks in one integrated terminal per operation (a real TTY: create_users.yml -k asks
// for a password) and learns each exit code from a status file the command line writes.

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { commandLine } from '../../core/plan/shell';

export class TerminalRunner implements vscode.Disposable {
  private terminal: vscode.Terminal | undefined;
  private seq = 0;

  constructor(private readonly name: string, private readonly cwd: vscode.Uri, private readonly statusDir: string) {}

  /** Resolves with the exit code, or undefined if the terminal was closed first. */
  async run(argv: readonly string[], log: (line: string) => void): Promise<number | undefined> {
    if (!this.terminal || this.terminal.exitStatus) {
      this.terminal = vscode.window.createTerminal({ name: this.name, cwd: this.cwd, shellPath: '/bin/bash', shellArgs: ['--norc', '--noprofile'] });
    }
    await fs.mkdir(this.statusDir, { recursive: true });
    const statusFile = path.join(this.statusDir, `step-${process.pid}-${Date.now()}-${++this.seq}.status`);
    const line = commandLine(argv);
    log(`run in ${this.cwd.fsPath}: ${line}`);
    this.terminal.show(true);
    this.terminal.sendText(`${line}; echo $? > ${commandLine([statusFile])}`, true);
    const terminal = this.terminal;
    for (;;) {
      if (terminal.exitStatus) return undefined;
      try {
        const text = await fs.readFile(statusFile, 'utf8');
        if (text.endsWith('\n')) {
          await fs.rm(statusFile, { force: true });
          return Number(text.trim());
        }
      } catch {
        // not written yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  dispose(): void {
    this.terminal?.dispose();
  }
}
