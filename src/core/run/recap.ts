// Did the playbook really act on its host? Ansible's PLAY RECAP says, whatever the exit code: a limit that
// matched nothing, an inventory Ansible could not parse, or a host that was skipped or unreachable all
// exit 0 under some settings. A step succeeds only when every expected host ran and none failed.

import { msg, type Msg } from '../l10n/message';

export interface HostRecap {
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
}

export interface Recap {
  /** Whether a PLAY RECAP header was seen at all. */
  seen: boolean;
  hosts: Map<string, HostRecap>;
  /** "skipping: no hosts matched" or Ansible's "no hosts to target" error. */
  noHostsMatched: boolean;
  /** Ansible's own warnings that the inventory could not be parsed. */
  unparsedInventory: boolean;
}

const RECAP_LINE = /^(\S+)\s+:\s+((?:\w+=\d+\s*)+)$/;
const COUNTS = ['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'] as const;

/** Reads a playbook's output (or its lines of Ansible's log, prefixes removed). */
export function parseRecap(text: string): Recap {
  const recap: Recap = { seen: false, hosts: new Map(), noHostsMatched: false, unparsedInventory: false };
  let inRecap = false;
  for (const raw of text.split(/\r?\n/)) {
    // eslint-disable-next-line no-control-regex -- the colour codes ansible-playbook writes start with ESC
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim();
    if (/^PLAY RECAP\b/.test(line)) {
      recap.seen = true;
      inRecap = true;
      continue;
    }
    if (/skipping: no hosts matched|no hosts to target|Could not match supplied host pattern/.test(line)) recap.noHostsMatched = true;
    if (/Unable to parse .* as an inventory source|No inventory was parsed/.test(line)) recap.unparsedInventory = true;
    if (!inRecap) continue;
    const m = RECAP_LINE.exec(line);
    if (!m) {
      if (line && !/^\[?WARNING/.test(line)) inRecap = false;
      continue;
    }
    const counts = Object.fromEntries(COUNTS.map((k) => [k, 0])) as unknown as HostRecap;
    for (const pair of m[2].trim().split(/\s+/)) {
      const [k, v] = pair.split('=');
      if ((COUNTS as readonly string[]).includes(k)) counts[k as keyof HostRecap] = Number(v);
    }
    recap.hosts.set(m[1], counts);
  }
  return recap;
}

/**
 * The step's verdict from its recap: every expected host must appear, with something done (ok or changed),
 * nothing unreachable or failed; with a limit, no other host may appear.
 */
export function judgeRecap(recap: Recap, expect: readonly string[], exact: boolean): { ok: true } | { ok: false; reason: Msg } {
  if (recap.unparsedInventory) return { ok: false, reason: msg('run.recap.unparsed') };
  if (!recap.seen) return { ok: false, reason: msg('run.recap.none') };
  if (recap.noHostsMatched && !recap.hosts.size) return { ok: false, reason: msg('run.recap.noHosts') };
  for (const host of expect) {
    const r = recap.hosts.get(host);
    if (!r) return { ok: false, reason: msg('run.recap.missing', { host, seen: [...recap.hosts.keys()] }) };
    if (r.unreachable) return { ok: false, reason: msg('run.recap.unreachable', { host }) };
    if (r.failed) return { ok: false, reason: msg('run.recap.failed', { host, count: r.failed }) };
    if (!r.ok && !r.changed) return { ok: false, reason: msg('run.recap.skipped', { host }) };
  }
  if (exact) {
    const others = [...recap.hosts.keys()].filter((h) => !expect.includes(h));
    if (others.length) return { ok: false, reason: msg('run.recap.others', { hosts: others }) };
  }
  return { ok: true };
}
