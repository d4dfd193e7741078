// The sample tidb-ansible workspace for a run: a fresh copy, and the same folder put back to the
// sample's contents in place (the integration runner does that before each suite).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoDir } from '../support/paths';
import type { Cleanup } from './cleanup';

/** What the recording playbooks write; never part of a fresh workspace. */
export const PLAYBOOK_LOG = 'playbook-calls.log';

export interface PlaybookCall {
  /** ms since epoch */
  at: number;
  playbook: string;
  host: string;
  limit: string;
  tags: string;
}

/** What the recording playbooks of the sample wrote in `dir`: one line per playbook and host. */
export function playbookCalls(dir: string): PlaybookCall[] {
  const file = path.join(dir, PLAYBOOK_LOG);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [at, playbook, host, limit, tags] = l.split(' ');
      return { at: Number(at), playbook, host, limit: limit.replace('limit=', ''), tags: tags.replace('tags=', '') };
    });
}

/** Whole files that replace the sample's (relative path → text), e.g. `.vscode/settings.json`. */
export type Overrides = Record<string, string>;

/** A fresh copy of demo/tidb-ansible in a temp dir that `cleanup` removes; returns the tidb-ansible folder. */
export function copyWorkspace(cleanup: Cleanup, overrides: Overrides = {}): string {
  const dest = path.join(cleanup.tempDir('tiflash-ws-'), 'tidb-ansible');
  restoreDemo(dest, overrides);
  return dest;
}

/**
 * Makes `dest` hold exactly the sample's files: extra files and folders go, changed files are
 * rewritten, unchanged ones are left alone (fewer file events for the extension to follow).
 */
export function restoreDemo(dest: string, overrides: Overrides = {}): void {
  const wanted = sampleFiles(overrides);
  for (const rel of filesOf(dest).keys()) if (!wanted.has(rel)) fs.rmSync(path.join(dest, rel), { force: true });
  removeEmptyDirs(dest);
  for (const [rel, content] of wanted) {
    const abs = path.join(dest, rel);
    if (fs.existsSync(abs) && fs.readFileSync(abs).equals(content)) continue;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** Files of `dir` that differ from the sample (changed, missing or extra), as sorted relative paths. */
export function changedFromDemo(dir: string, overrides: Overrides = {}): string[] {
  const wanted = sampleFiles(overrides);
  const have = filesOf(dir);
  return [...new Set([...wanted.keys(), ...have.keys()])].filter((k) => !wanted.get(k)?.equals(have.get(k) ?? Buffer.alloc(0)) || !have.has(k)).sort();
}

function sampleFiles(overrides: Overrides): Map<string, Buffer> {
  const files = filesOf(demoDir);
  files.delete(PLAYBOOK_LOG);
  for (const [rel, text] of Object.entries(overrides)) files.set(path.normalize(rel), Buffer.from(text));
  return files;
}

function filesOf(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(root)) return out;
  for (const e of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(root, abs), fs.readFileSync(abs));
  }
  return out;
}

function removeEmptyDirs(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const abs = path.join(dir, e.name);
    removeEmptyDirs(abs);
    if (!fs.readdirSync(abs).length) fs.rmSync(abs, { recursive: true });
  }
}
