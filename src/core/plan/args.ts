// The one check for everything that reaches a playbook's argument vector: host limits, the -u user, tags,
// the playbook command and the operator's extra arguments. An argv exists only if every element passed.

import { msg, type Msg } from '../l10n/message';

/** An argument vector whose every element was checked here (the only way to make one is `buildArgv`). */
export type SafeArgv = readonly string[] & { readonly __brand: 'SafeArgv' };

export type ArgRole = 'limit' | 'user' | 'tag' | 'playbook-file' | 'command' | 'extra' | 'flag' | 'inventory-file';

/**
 * C0 and C1 controls, DEL, Unicode line and paragraph separators and bidirectional overrides: a terminal or a
 * line editor may act on them, and a reader of the preview would not see them.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** Characters that make `-l` a pattern rather than one host name (Ansible's pattern syntax), and whitespace. */
const PATTERN = /[,:!&*?[\]~@\s\\]/u;

/** Options that would change which hosts, inventory or tasks a playbook acts on: never from the extra arguments. */
// ansible-playbook's options that choose hosts, inventory or tasks, or prompt. Its parser also takes a long option
// by any unambiguous prefix (`--lim=all`) and short options clustered (`-blall` is `-b -l all`), so both are read here.
const SELECTING_LONG = ['limit', 'inventory', 'inventory-file', 'tags', 'skip-tags', 'ask-pass', 'list-hosts', 'start-at-task', 'step'];
const SELECTING_SHORT = new Set(['l', 'i', 't', 'k']);
/** Short options that take a value: the rest of a cluster after one of them is that value. */
const SHORT_WITH_VALUE = new Set(['e', 'u', 'c', 'T', 'f', 'M']);
/** Short options without a value that change nothing of the above. */
const SHORT_FLAGS = new Set(['b', 'C', 'D', 'K', 'v', 'J']);

/** What an extra argument does to the selection: 'selects', 'unknown' (a short option not read here), or undefined. */
function extraSelection(value: string): 'selects' | 'unknown' | undefined {
  const long = /^--([^=]+)/.exec(value);
  if (long) return SELECTING_LONG.some((o) => o.startsWith(long[1])) ? 'selects' : undefined;
  if (!/^-[^-]/.test(value)) return undefined;
  for (const c of value.slice(1)) {
    if (SELECTING_SHORT.has(c)) return 'selects';
    if (SHORT_WITH_VALUE.has(c)) return undefined;
    if (!SHORT_FLAGS.has(c)) return 'unknown';
  }
  return undefined;
}

/** Why `value` may not be used in the role, or undefined when it may. `where` names the line to fix. */
export function argProblem(role: ArgRole, value: string, where?: Msg): Msg | undefined {
  const at = where ?? msg('args.where.unknown');
  if (value === '') return msg('args.empty', { where: at });
  const control = CONTROL.exec(value);
  if (control) return msg('args.control', { value: visible(value), code: codePoint(control[0]), where: at });
  if (role === 'extra') {
    const selection = extraSelection(value);
    if (selection === 'selects') return msg('args.extraSelects', { value, where: at });
    if (selection === 'unknown') return msg('args.extraUnknownShort', { value, where: at });
    return undefined;
  }
  if (role === 'flag') return value.startsWith('-') ? undefined : msg('args.notFlag', { value });
  if (value.startsWith('-')) return msg('args.leadingDash', { value, where: at });
  switch (role) {
    case 'limit':
      if (PATTERN.test(value)) return msg('args.limitPattern', { value, where: at });
      return undefined;
    case 'user':
      return /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/.test(value) ? undefined : msg('args.user', { value, where: at });
    case 'tag':
      return /^[A-Za-z0-9_]+$/.test(value) ? undefined : msg('args.tag', { value });
    case 'playbook-file':
    case 'inventory-file':
      return /^[A-Za-z0-9_.-]+$/.test(value) ? undefined : msg('args.file', { value });
    case 'command':
      return undefined;
  }
}

export interface ArgPart {
  role: ArgRole;
  value: string;
  where?: Msg;
}

export type ArgvResult = { ok: true; argv: SafeArgv } | { ok: false; problems: Msg[] };

/** Checks every part; the argv exists only when none has a problem. */
export function buildArgv(parts: readonly ArgPart[]): ArgvResult {
  const problems: Msg[] = [];
  for (const p of parts) {
    const problem = argProblem(p.role, p.value, p.where);
    if (problem) problems.push(problem);
  }
  return problems.length ? { ok: false, problems } : { ok: true, argv: parts.map((p) => p.value) as readonly string[] as SafeArgv };
}

/** The value with its invisible characters spelled out (`\u0015`), so a message shows what is there. */
export function visible(value: string): string {
  return value.replace(new RegExp(CONTROL.source, 'gu'), (c) => codePoint(c));
}

function codePoint(c: string): string {
  return `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
