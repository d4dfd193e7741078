// Ansible's log (`log_path`) as the record of what a playbook did: each line carries the process id
// (`2026-01-01 10:00:00,123 p=4242 u=tidb n=ansible | PLAY RECAP ***`), so one run's lines can be read even
// when several playbooks wrote to the log, and even after a window reload.

import * as fs from 'node:fs/promises';

/** The size of the log now: a run reads what was appended after it. */
export async function logSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

const PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ p=(\d+) u=\S* n=\S+ \| ?(.*)$/;

/** The lines process `pid` wrote after `offset` (continuation lines of a multi-line message follow their first line). */
export function linesOfProcess(text: string, pid: number): string {
  const out: string[] = [];
  let mine = false;
  for (const line of text.split('\n')) {
    const m = PREFIX.exec(line);
    if (m) {
      mine = Number(m[1]) === pid;
      if (mine) out.push(m[2]);
    } else if (mine) out.push(line);
  }
  return out.join('\n');
}

/** What `pid` logged after `offset` (a log that shrank was rotated: read it from the start). */
export async function readProcessLog(file: string, offset: number, pid: number, maxBytes = 32 * 1024 * 1024): Promise<string> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const size = (await handle.stat()).size;
    const from = size < offset ? 0 : offset;
    const length = Math.min(size - from, maxBytes);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, from);
    return linesOfProcess(buf.toString('utf8'), pid);
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}
