// How a playbook step ended: it succeeds only when its process exited 0 and Ansible's recap of that process
// shows every expected host acted on. An exit code alone proves nothing (a limit matching no host exits 0).

import { msg, type Msg } from '../l10n/message';
import type { PlaybookStep } from '../plan/types';
import { judgeRecap, type Recap } from './recap';

export function playbookOutcome(step: PlaybookStep, exitCode: number | undefined, recap: Recap): { ok: true } | { ok: false; reason: Msg } {
  if (exitCode === undefined) return { ok: false, reason: msg('exec.playbook.noExitCode', { playbook: step.playbook }) };
  const verdict = judgeRecap(recap, step.expectHosts, step.limit !== undefined);
  if (exitCode !== 0) {
    return {
      ok: false,
      reason: verdict.ok
        ? msg('exec.playbook.exited', { playbook: step.playbook, code: exitCode })
        : msg('exec.playbook.exitedWhy', { playbook: step.playbook, code: exitCode, why: verdict.reason }),
    };
  }
  return verdict;
}
