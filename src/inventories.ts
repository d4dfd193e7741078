// The parsed inventories of the workspace: every folder with an inventory.ini (a tidb-ansible folder),
// reparsed from the editor buffer while typing and from disk when files change.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseInventory } from './core/inventory/parse';
import { tiflashHosts, type TiFlashHost } from './core/inventory/tiflash';
import type { Inventory } from './core/inventory/types';

export interface Cluster {
  /** The tidb-ansible folder: where playbooks run. */
  dir: vscode.Uri;
  inventoryUri: vscode.Uri;
  hostsUri: vscode.Uri;
  inventory: Inventory;
  /** The editor version it was read from (undefined when read from disk). */
  inventoryVersion?: number;
  hosts?: Inventory;
  tiflash: TiFlashHost[];
}

export const INVENTORY_FILE = 'inventory.ini';
export const HOSTS_FILE = 'hosts.ini';

export const isInventoryFile = (uri: vscode.Uri) => path.basename(uri.fsPath) === INVENTORY_FILE;
export const isHostsFile = (uri: vscode.Uri) => path.basename(uri.fsPath) === HOSTS_FILE;

export class Inventories implements vscode.Disposable {
  private readonly clustersByDir = new Map<string, Cluster>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private loaded: Promise<void> | undefined;
  /** The last model modelOf() re-read from an editor buffer. */
  private typed: { doc: vscode.TextDocument; version: number; inventory: Inventory } | undefined;
  private reparseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${INVENTORY_FILE},${HOSTS_FILE}}`);
    // a folder created or deleted at once (a checkout, rm -r) may be reported as the folder alone,
    // not as the inventory.ini inside it
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidDelete((uri) => {
        if (this.list().some((c) => c.dir.fsPath === uri.fsPath || c.dir.fsPath.startsWith(uri.fsPath + path.sep))) void this.reload();
      }),
      folders.onDidCreate(async (uri) => {
        const stat = await vscode.workspace.fs.stat(uri).then(
          (s) => s,
          () => undefined,
        );
        if (stat?.type === vscode.FileType.Directory && !this.clustersByDir.has(uri.fsPath)) {
          if ((await vscode.workspace.findFiles(new vscode.RelativePattern(uri, `**/${INVENTORY_FILE}`), undefined, 1)).length) void this.reload();
        }
      }),
      watcher.onDidCreate(() => this.reload()),
      watcher.onDidDelete(() => this.reload()),
      watcher.onDidChange((uri) => this.reloadDir(vscode.Uri.file(path.dirname(uri.fsPath)))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isInventoryFile(e.document.uri) && !isHostsFile(e.document.uri)) return;
        // typing: reparse from the buffer, a little after the last keystroke
        clearTimeout(this.reparseTimer);
        this.reparseTimer = setTimeout(() => void this.reloadDir(vscode.Uri.file(path.dirname(e.document.uri.fsPath))), 150);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
  }

  /** Finds and parses the inventories once; later calls wait for the same work. */
  ready(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  list(): Cluster[] {
    return [...this.clustersByDir.values()].sort((a, b) => a.dir.fsPath.localeCompare(b.dir.fsPath));
  }

  forFile(uri: vscode.Uri): Cluster | undefined {
    return this.clustersByDir.get(path.dirname(uri.fsPath));
  }

  /**
   * The model of an open inventory.ini as typed this instant (the shared one lags a keystroke by its debounce):
   * the shared model when it was read from this version, else re-read from it, which costs what the edit changed.
   */
  modelOf(doc: vscode.TextDocument): Inventory | undefined {
    const cluster = this.forFile(doc.uri);
    if (!cluster || cluster.inventoryUri.toString() !== doc.uri.toString()) return undefined;
    if (cluster.inventoryVersion === doc.version) return cluster.inventory;
    if (this.typed?.doc !== doc || this.typed.version !== doc.version)
      this.typed = { doc, version: doc.version, inventory: parseInventory(doc.getText(), cluster.inventory) };
    return this.typed.inventory;
  }

  async reload(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/${INVENTORY_FILE}`, '**/{node_modules,.git,.harness}/**', 100);
    this.clustersByDir.clear();
    await Promise.all(found.map((uri) => this.load(vscode.Uri.file(path.dirname(uri.fsPath)))));
    this.emitter.fire();
  }

  private async reloadDir(dir: vscode.Uri): Promise<void> {
    if (await this.load(dir)) this.emitter.fire();
  }

  private async load(dir: vscode.Uri): Promise<boolean> {
    const inventoryUri = vscode.Uri.joinPath(dir, INVENTORY_FILE);
    const hostsUri = vscode.Uri.joinPath(dir, HOSTS_FILE);
    const inventoryVersion = openDocument(inventoryUri)?.version;
    const inventoryText = await readText(inventoryUri);
    if (inventoryText === undefined) return this.clustersByDir.delete(dir.fsPath);
    const hostsText = await readText(hostsUri);
    // the previous models let a keystroke re-read only what it changed (an unchanged file is the same model)
    const previous = this.clustersByDir.get(dir.fsPath);
    const inventory = parseInventory(inventoryText, previous?.inventory);
    this.clustersByDir.set(dir.fsPath, {
      dir,
      inventoryUri,
      hostsUri,
      inventory,
      inventoryVersion,
      hosts: hostsText === undefined ? undefined : parseInventory(hostsText, previous?.hosts),
      tiflash: tiflashHosts(inventory),
    });
    return true;
  }

  dispose(): void {
    clearTimeout(this.reparseTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

/** The open editor's text (unsaved edits included), else the file on disk; undefined when absent. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = openDocument(uri);
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
