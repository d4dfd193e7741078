// One operation per folder (the lock file), and the journal: appended, read back, secrets masked.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { msg } from '../../src/core/l10n/message';
import { acquireLock, lockPath, processAlive, readLock, releaseLock, takeOverLock, type Here, type LockOwner } from '../../src/core/run/lock';
import { appendJournal, journalPath, readJournal, summarizeRuns } from '../../src/core/run/journal';
import { SECRET_MASK as MASK } from '../../src/core/inventory/secrets';
import { redactDeep } from '../../src/core/run/redact';

const owner = (runId: string, pid = process.pid, hostname = 'here'): LockOwner => ({
  runId,
  operation: 'scale-in',
  target: 'h',
  pid,
  hostname,
  user: 'tidb',
  startedAt: 1,
});
const here = (alive: number[]): Here => ({ hostname: 'here', alive: (pid) => alive.includes(pid) });

describe('folder lock', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets exactly one of two concurrent takers in', async () => {
    const results = await Promise.all([acquireLock(dir, owner('a'), here([process.pid])), acquireLock(dir, owner('b'), here([process.pid]))]);
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
    const refused = results.find((r) => !r.ok);
    assert.ok(refused && !refused.ok && refused.staleness === 'alive' && refused.holder?.runId);
  });

  it('says a lock is stale only when its owner is a dead process on this machine', async () => {
    assert.ok((await acquireLock(dir, owner('a', 4242), here([]))).ok);
    const dead = await acquireLock(dir, owner('b'), here([]));
    assert.ok(!dead.ok && dead.staleness === 'dead');
    fs.writeFileSync(lockPath(dir), JSON.stringify(owner('c', 1, 'elsewhere')));
    const remote = await acquireLock(dir, owner('b'), here([]));
    assert.ok(!remote.ok && remote.staleness === 'unknown', 'another machine sharing the folder: cannot know');
  });

  it('takes over only the lock the operator saw', async () => {
    await acquireLock(dir, owner('a', 4242), here([]));
    const seen = await readLock(dir);
    assert.ok(seen && seen !== 'unreadable');
    fs.writeFileSync(lockPath(dir), JSON.stringify(owner('newer', 5151)));
    assert.equal((await takeOverLock(dir, seen, owner('b'), here([]))).ok, false, 'the lock changed since it was shown');
    const now = await readLock(dir);
    assert.ok(now && now !== 'unreadable');
    assert.ok((await takeOverLock(dir, now, owner('b'), here([]))).ok);
    assert.equal(((await readLock(dir)) as LockOwner).runId, 'b');
  });

  it('releases only its own lock; an unreadable lock blocks until taken over', async () => {
    await acquireLock(dir, owner('a'), here([process.pid]));
    await releaseLock(dir, 'other');
    assert.ok(fs.existsSync(lockPath(dir)));
    await releaseLock(dir, 'a');
    assert.ok(!fs.existsSync(lockPath(dir)));
    fs.mkdirSync(path.dirname(lockPath(dir)), { recursive: true });
    fs.writeFileSync(lockPath(dir), 'garbage');
    const r = await acquireLock(dir, owner('a'), here([]));
    assert.ok(!r.ok && r.holder === undefined && r.staleness === 'unknown');
    assert.ok((await takeOverLock(dir, undefined, owner('a'), here([]))).ok);
  });

  it('knows a live process from a dead one', () => {
    assert.equal(processAlive(process.pid), true);
    assert.equal(processAlive(2 ** 22 + 12345), false);
  });
});

describe('journal', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends entries as JSON lines and reads them back, newest run first, skipping torn lines', async () => {
    const who = { user: 'tidb', hostname: 'ops1', tool: 'test' };
    await appendJournal(dir, 'r1', { kind: 'run-started', who, operation: 'scale-in', target: 'h1', steps: [], warnings: [] });
    await appendJournal(dir, 'r1', { kind: 'event', event: { type: 'step-failed', index: 0, at: 5, reason: msg('run.recap.noHosts'), exitCode: 2 } });
    await appendJournal(dir, 'r1', { kind: 'run-ended', status: 'aborted' });
    fs.appendFileSync(journalPath(dir), '{"torn": \n');
    await appendJournal(dir, 'r2', { kind: 'run-started', who, operation: 'scale-out', target: 'h2', steps: [], warnings: [] });
    const entries = await readJournal(dir);
    assert.equal(entries.length, 4);
    const failed = entries[1];
    assert.ok(failed.kind === 'event' && failed.event.type === 'step-failed' && failed.event.exitCode === 2);
    assert.deepEqual(
      summarizeRuns(entries).map((r) => [r.run, r.status]),
      [
        ['r2', undefined],
        ['r1', 'aborted'],
      ],
    );
  });

  it('never writes a secret', async () => {
    await appendJournal(dir, 'r1', {
      kind: 'pd',
      step: 0,
      request: { method: 'GET', path: '/x' },
      status: 200,
      answer: '{"password": "hunter2", "token":"abc"}',
    });
    await appendJournal(dir, 'r1', {
      kind: 'event',
      event: { type: 'step-done', index: 0, at: 1, note: msg('bridge.text', { reason: 'TiFlash1 ansible_ssh_pass=hunter2 grafana_admin_password = "admin"' }) },
    });
    const text = fs.readFileSync(journalPath(dir), 'utf8');
    assert.doesNotMatch(text, /hunter2|abc|"admin"/);
    assert.ok(text.includes(MASK));
  });

  it('masks secret-looking values and fields, and leaves the rest', () => {
    assert.deepEqual(
      redactDeep({
        a: 'a=1 grafana_admin_password=admin ansible_become_pass = x token=t',
        asksPassword: true,
        password: 'p',
        n: ['{"key":"v","client_secret":"s"}'],
      }),
      {
        a: `a=1 grafana_admin_password=${MASK} ansible_become_pass = ${MASK} token=${MASK}`,
        asksPassword: true,
        password: MASK,
        n: [`{"key":"v","client_secret":"${MASK}"}`],
      },
    );
  });
});
