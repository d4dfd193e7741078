// The run of each tidb-ansible folder, kept in workspace state so a reload finds it (and asks what to do).

import * as vscode from 'vscode';
import type { Run } from '../../core/run/engine';

const KEY = 'tiflash.runs';

export class RunStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Run>();
  /** Fires whenever a run is saved: the operation view follows it. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  all(): Run[] {
    return Object.values(this.state.get<Record<string, Run>>(KEY, {}));
  }

  /** The newest run, of any folder (what the operation view shows). */
  latest(): Run | undefined {
    return this.all().sort((a, b) => b.startedAt - a.startedAt)[0];
  }

  forDir(dir: string): Run | undefined {
    return this.state.get<Record<string, Run>>(KEY, {})[dir];
  }

  async save(run: Run): Promise<void> {
    await this.state.update(KEY, { ...this.state.get<Record<string, Run>>(KEY, {}), [run.dir]: run });
    this.emitter.fire(run);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
