// Ask real Ansible before anything changes: `ansible-playbook … --list-hosts` with the same inventory (as it
// will be when the step runs), limit and tags, and refuse unless it lists exactly the intended host.

import { msg, type Msg } from '../l10n/message';
import type { PlaybookStep } from '../plan/types';

export interface ListedPlay {
  name: string;
  hosts: string[];
}

/** The plays and their hosts from `--list-hosts` output. */
export function parseListHosts(stdout: string): ListedPlay[] {
  const plays: ListedPlay[] = [];
  let play: ListedPlay | undefined;
  let inHosts = false;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const p = /^\s*play #\d+ \((.*)\):/.exec(line);
    if (p) {
      play = { name: p[1], hosts: [] };
      plays.push(play);
      inHosts = false;
      continue;
    }
    if (/^\s*hosts \(\d+\):\s*$/.test(line)) {
      inHosts = true;
      continue;
    }
    if (!inHosts || !play) continue;
    const host = /^\s{6,}(\S+)\s*$/.exec(line);
    if (host) play.hosts.push(host[1]);
    else inHosts = false;
  }
  return plays;
}

/** The argument vector of the preflight: the step's own, without the password prompt, `-i` at `inventoryPath`, and `--list-hosts`. */
export function listHostsArgv(step: PlaybookStep, inventoryPath: string): string[] {
  const argv = step.argv.filter((a) => a !== '-k');
  const i = argv.indexOf('-i');
  if (i >= 0) argv[i + 1] = inventoryPath;
  return [...argv, '--list-hosts'];
}

/** With a limit: exactly the expected host in every play that has hosts; without: at least the expected ones. */
export function judgeListHosts(step: PlaybookStep, plays: readonly ListedPlay[], exitCode: number, stderr: string): { ok: true } | { ok: false; reason: Msg } {
  const listed = [...new Set(plays.flatMap((p) => p.hosts))];
  // the limit names nothing Ansible knows: it says so and exits 1
  if (/no hosts to target|Could not match supplied host pattern/.test(stderr) && !listed.length) {
    return { ok: false, reason: msg('run.listHosts.missing', { hosts: step.expectHosts, listed: [msg('run.listHosts.nothing')] }) };
  }
  if (exitCode !== 0) return { ok: false, reason: msg('run.listHosts.failed', { code: exitCode, stderr: lastLines(stderr) }) };
  if (/Unable to parse .* as an inventory source|No inventory was parsed/.test(stderr))
    return { ok: false, reason: msg('run.listHosts.unparsed', { stderr: lastLines(stderr) }) };
  const missing = step.expectHosts.filter((h) => !listed.includes(h));
  if (missing.length)
    return { ok: false, reason: msg('run.listHosts.missing', { hosts: missing, listed: listed.length ? listed : [msg('run.listHosts.nothing')] }) };
  if (step.limit !== undefined) {
    const others = listed.filter((h) => !step.expectHosts.includes(h));
    if (others.length) return { ok: false, reason: msg('run.listHosts.others', { limit: step.limit, hosts: others }) };
  }
  return { ok: true };
}

function lastLines(text: string): string {
  return text.trim().split(/\r?\n/).slice(-3).join(' ').slice(0, 400);
}
