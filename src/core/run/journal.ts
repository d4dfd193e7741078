// The operation journal: every run appends JSON lines to `log/tiflash-operations.jsonl` in the tidb-ansible
// folder, beside Ansible's own log: who ran what and when, the plan as previewed, each step's start and end,
// each PD request with its answer, each playbook's argument vector, exit code and recap. Secrets are masked.

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Msg } from '../l10n/message';
import type { PdRequest } from '../pd/requests';
import type { Operation, Step } from '../plan/types';
import type { HostRecap } from './recap';
import type { RunEvent, RunStatus } from './engine';
import { redactDeep } from './redact';

export const JOURNAL_FILE = path.join('log', 'tiflash-operations.jsonl');

export interface Who {
  user: string;
  hostname: string;
  /** The extension or the CLI, with its version. */
  tool: string;
}

interface Base {
  v: 1;
  /** ISO time. */
  at: string;
  run: string;
}

export type JournalEntry =
  | (Base & { kind: 'run-started'; who: Who; operation: Operation; target: string; steps: Step[]; warnings: Msg[] })
  | (Base & { kind: 'event'; event: RunEvent })
  | (Base & { kind: 'pd'; step: number; request: PdRequest; status?: number; answer?: string; error?: Msg })
  | (Base & { kind: 'playbook'; step: number; argv: readonly string[]; pid?: number; exitCode?: number; recap?: Record<string, HostRecap>; verdict?: Msg })
  | (Base & { kind: 'run-ended'; status: RunStatus });

/** Distributes Omit over the union, so each kind keeps its own fields. */
type Unstamped<T> = T extends Base ? Omit<T, keyof Base> : never;
export type JournalRecord = Unstamped<JournalEntry>;

export const journalPath = (dir: string) => path.join(dir, JOURNAL_FILE);

const ANSWER_LIMIT = 4096;

/** Appends one entry (one write of one line, so concurrent writers do not interleave within it). */
export async function appendJournal(dir: string, run: string, record: JournalRecord, at = new Date()): Promise<void> {
  const entry = { v: 1, at: at.toISOString(), run, ...record } as JournalEntry;
  if (entry.kind === 'pd' && entry.answer !== undefined) entry.answer = entry.answer.slice(0, ANSWER_LIMIT);
  await fs.mkdir(path.dirname(journalPath(dir)), { recursive: true });
  await fs.appendFile(journalPath(dir), JSON.stringify(redactDeep(entry)) + '\n', 'utf8');
}

/** Every well-formed entry, oldest first; lines that are not ours are skipped. */
export async function readJournal(dir: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(journalPath(dir), 'utf8');
  } catch {
    return [];
  }
  return parseJournal(text);
}

export function parseJournal(text: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as Partial<JournalEntry>;
      if (e.v === 1 && typeof e.run === 'string' && typeof e.kind === 'string' && typeof e.at === 'string') out.push(e as JournalEntry);
    } catch {
      // a torn or foreign line: not ours to read
    }
  }
  return out;
}

export interface RunSummary {
  run: string;
  operation: Operation;
  target: string;
  who: Who;
  startedAt: string;
  status?: RunStatus;
  endedAt?: string;
}

/** The runs of a journal, newest first (the history view). */
export function summarizeRuns(entries: readonly JournalEntry[]): RunSummary[] {
  const runs = new Map<string, RunSummary>();
  for (const e of entries) {
    if (e.kind === 'run-started') runs.set(e.run, { run: e.run, operation: e.operation, target: e.target, who: e.who, startedAt: e.at });
    else if (e.kind === 'run-ended') {
      const r = runs.get(e.run);
      if (r) Object.assign(r, { status: e.status, endedAt: e.at });
    }
  }
  return [...runs.values()].reverse();
}
