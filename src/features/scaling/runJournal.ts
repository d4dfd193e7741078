// The run's entries in the folder's operation journal, written in order (one append at a time). The first
// entry must be written or the run does not start; a later write that fails is logged, never fatal.

import * as os from 'node:os';
import * as vscode from 'vscode';
import { appendJournal, type JournalRecord, type Who } from '../../core/run/journal';

export function who(extension: vscode.ExtensionContext): Who {
  const version = (extension.extension.packageJSON as { version?: string }).version ?? '?';
  return { user: os.userInfo().username, hostname: os.hostname(), tool: `tiflash-ansible extension ${version} (VS Code ${vscode.version})` };
}

export class RunJournal {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly runId: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The first entry: throws when the journal cannot be written (the run must not start unrecorded). */
  async begin(record: JournalRecord): Promise<void> {
    await appendJournal(this.dir, this.runId, record);
  }

  write(record: JournalRecord): Promise<void> {
    this.last = this.last
      .then(() => appendJournal(this.dir, this.runId, record))
      .catch((e: unknown) => {
        this.log.warn(`journal: could not append a ${record.kind} entry in ${this.dir}: ${(e as Error).message}`);
      });
    return this.last;
  }
}
