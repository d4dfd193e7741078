// A scale-in of the demo's 192.168.0.11 written to a journal as a run would write it: PD's answers, a
// playbook that failed once and was retried, exit codes, recaps, the wipe notice. Shared by the unit, CLI and
// extension-host tests of the journal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseInventory } from '../../src/core/inventory/parse';
import { msg, type Msg } from '../../src/core/l10n/message';
import { planScaleIn } from '../../src/core/plan/scaleIn';
import type { Plan } from '../../src/core/plan/types';
import { appendJournal, type JournalRecord } from '../../src/core/run/journal';
import type { HostRecap } from '../../src/core/run/recap';
import { factsOf, tiflashStore } from './facts';
import { demoDir } from './paths';

export function demoScaleIn(): Plan {
  const read = (f: string) => parseInventory(fs.readFileSync(path.join(demoDir, f), 'utf8'));
  const plan = planScaleIn({
    inventory: read('inventory.ini'),
    hosts: read('hosts.ini'),
    host: '192.168.0.11',
    pd: factsOf([tiflashStore(53, '192.168.0.11:3930'), tiflashStore(54, '192.168.0.12:3930'), tiflashStore(55, '192.168.0.12:3931')]),
  });
  if (plan.blocked.length) throw new Error(`the demo scale-in is blocked: ${JSON.stringify(plan.blocked)}`);
  return plan;
}

export const RUN_ID = 'run-0001';
/** The stop playbook's two attempts, as Ansible's log names them. */
export const STOP_PIDS = [4242, 4343];
export const T0 = Date.parse('2026-03-01T08:00:00Z');

/** Writes the run into `dir`'s journal and the stop playbook's lines into `dir`/log/ansible.log; returns the plan. */
export async function writeDemoJournal(dir: string): Promise<Plan> {
  const plan = demoScaleIn();
  const index = (id: string) => plan.steps.findIndex((s) => s.id === id);
  const stop = index('stop');
  let clock = T0;
  const put = (r: JournalRecord) => appendJournal(dir, RUN_ID, r, new Date((clock += 1000)));
  const ev = (event: Extract<JournalRecord, { kind: 'event' }>['event']) => put({ kind: 'event', event });
  await put({
    kind: 'run-started',
    who: { user: 'tidb', hostname: 'ops-1', tool: 'tiflash-ansible 0.1.0 (VS Code)' },
    operation: plan.operation,
    target: plan.target,
    steps: plan.steps,
    warnings: plan.warnings,
  });

  const log = path.join(dir, 'log', 'ansible.log');
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const line = (pid: number, text: string) => `2026-03-01 08:05:00,123 p=${pid} u=tidb n=ansible | ${text}\n`;
  fs.writeFileSync(log, line(1111, 'PLAY [an earlier run] ****'));
  const offset = fs.statSync(log).size;
  fs.appendFileSync(
    log,
    line(STOP_PIDS[0], 'PLAY [tiflash_servers] ****') + line(9999, 'PLAY [somebody else] ****') + line(STOP_PIDS[0], 'fatal: [192.168.0.11]: UNREACHABLE!'),
  );
  const retryOffset = fs.statSync(log).size;
  fs.appendFileSync(
    log,
    line(STOP_PIDS[1], 'TASK [stop TiFlash] ****') +
      line(STOP_PIDS[1], 'PLAY RECAP ****') +
      line(STOP_PIDS[1], '192.168.0.11 : ok=3 changed=1 unreachable=0 failed=0'),
  );

  /** One run of the stop playbook as the journal records it: its process, exit code and recap. */
  const attempt = (index: number, pid: number, exitCode: number, counts: Pick<HostRecap, 'ok' | 'changed' | 'unreachable'>, verdict?: Msg) => {
    const step = plan.steps[index];
    const recap: HostRecap = { ...counts, failed: 0, skipped: 0, rescued: 0, ignored: 0 };
    return put({
      kind: 'playbook',
      step: index,
      argv: step.kind === 'playbook' ? step.argv : [],
      pid,
      exitCode,
      recap: { '192.168.0.11': recap },
      ...(verdict ? { verdict } : {}),
    });
  };
  for (let i = 0; i < plan.steps.length; i++) {
    const step = plan.steps[i];
    const at = clock;
    if (i === stop) {
      // as the runner writes it: the start with where the log stood, then the process once it is known
      await ev({ type: 'step-started', index: i, at, logOffset: offset });
      await ev({ type: 'step-process', index: i, at, pid: STOP_PIDS[0] });
      const unreachable = msg('run.recap.unreachable', { host: '192.168.0.11' });
      await attempt(i, STOP_PIDS[0], 4, { ok: 0, changed: 0, unreachable: 1 }, unreachable);
      await ev({ type: 'step-failed', index: i, at, reason: unreachable, exitCode: 4 });
      await ev({ type: 'decided', choice: 'retry', at });
      await ev({ type: 'step-started', index: i, at, logOffset: retryOffset });
      await ev({ type: 'step-process', index: i, at, pid: STOP_PIDS[1] });
      await attempt(i, STOP_PIDS[1], 0, { ok: 3, changed: 1, unreachable: 0 });
      await ev({ type: 'step-done', index: i, at, exitCode: 0 });
      continue;
    }
    await ev({ type: 'step-started', index: i, at });
    if (step.kind === 'pd') {
      for (const request of step.requests) await put({ kind: 'pd', step: i, request, status: 200, answer: 'null' });
      await put({
        kind: 'pd',
        step: i,
        request: { method: 'GET', path: '/pd/api/v1/store/53' },
        status: 200,
        answer: '{"store":{"id":53,"state_name":"Offline"}}',
      });
      await ev({ type: 'step-done', index: i, at, note: msg('run.pd.deleted', { id: '53', state: msg('state.Offline') }) });
    } else if (step.kind === 'playbook') {
      await put({ kind: 'playbook', step: i, argv: step.argv, pid: 5000 + i, exitCode: 0 });
      await ev({ type: 'step-done', index: i, at, exitCode: 0 });
    } else await ev({ type: 'step-done', index: i, at });
  }
  await put({ kind: 'run-ended', status: 'done' });
  return plan;
}
