// Resolves the domain names found in [tiflash_servers] so the quick fix can offer their IP.
// Lookups go through the system resolver with a short timeout, once per name; never in an untrusted workspace.

import { lookup } from 'node:dns/promises';
import * as vscode from 'vscode';

const TIMEOUT_MS = 2000;

export class NameResolver implements vscode.Disposable {
  private readonly resolved = new Map<string, string>();
  private readonly asked = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidResolve = this.emitter.event;

  get names(): ReadonlyMap<string, string> {
    return this.resolved;
  }

  /** Starts lookups for names not seen before; fires onDidResolve when one answers. */
  request(names: string[]): void {
    if (!vscode.workspace.isTrusted) return;
    for (const name of names) {
      if (this.asked.has(name)) continue;
      this.asked.add(name);
      const timeout = new Promise<undefined>((r) => setTimeout(() => r(undefined), TIMEOUT_MS).unref());
      void Promise.race([
        lookup(name, { family: 4 }).then(
          (a) => a.address,
          () => undefined,
        ),
        timeout,
      ]).then((ip) => {
        if (!ip) return;
        this.resolved.set(name, ip);
        this.emitter.fire();
      });
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
