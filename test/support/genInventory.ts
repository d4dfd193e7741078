// Generates tidb-ansible-like inventories with the quirks found in the field, hostile variants of them,
// and the edits an operator (or a paste, or a slip) makes to them.

import { toAnsibleList } from '../../src/core/inventory/ansibleList';
import { instances } from '../../src/core/inventory/instances';
import { tiflashHosts } from '../../src/core/inventory/tiflash';
import type { Inventory } from '../../src/core/inventory/types';
import { validate } from '../../src/core/validation';
import type { Rng } from './random';

const GROUPS = ['tidb_servers', 'tikv_servers', 'pd_servers', 'monitoring_servers', 'monitored_servers', 'tiflash_servers'];
const NOISE = ['', '# comment', '; other comment', '   ', '## TiDB Cluster Part'];

export function genInventory(rng: Rng): string {
  const eol = rng.pick(['\n', '\r\n']);
  const out: string[] = [];
  if (rng.chance(0.3)) out.push(rng.pick(NOISE));
  // hosts listed under [all] join `ungrouped` unless another group lists them
  if (rng.chance(0.1)) out.push('[all]', `10.0.${rng.int(3)}.${rng.int(250) + 1}`, rng.pick(['alone', `tidb0 ansible_host=10.0.0.${rng.int(9)}`]));
  for (const g of GROUPS) {
    if (rng.chance(0.15)) continue;
    out.push(`[${g}]${rng.chance(0.1) ? ' # section' : ''}`);
    const n = rng.int(5);
    for (let i = 0; i < n; i++) {
      const ip = `10.0.${rng.int(3)}.${rng.int(250) + 1}`;
      const alias = rng.chance(0.2) ? `${g.slice(0, 4)}${i} ansible_host=${ip}` : ip;
      const vars = rng.chance(0.3) ? ` tcp_port=${9000 + rng.int(5)}` : '';
      out.push(`${rng.chance(0.1) ? '  ' : ''}${alias}${vars}${rng.chance(0.1) ? ' # note' : ''}`);
      if (rng.chance(0.2)) out.push(rng.pick(NOISE));
    }
    if (rng.chance(0.7)) out.push('');
  }
  if (rng.chance(0.15)) out.push('[ungrouped]', rng.pick(['alone', '10.0.0.1', 'ug1 ansible_host=10.0.1.1']));
  if (rng.chance(0.15)) out.push('[storage:children]', 'tikv_servers', 'tiflash_servers');
  out.push('[all:vars]', 'deploy_dir = /home/tidb/deploy', 'ansible_user = tidb');
  const text = out.join(eol) + (rng.chance(0.7) ? eol : '');
  return (rng.chance(0.1) ? '\ufeff' : '') + text;
}

/** Pieces a hostile or careless file holds: broken headers and ranges, odd whitespace and line breaks, literals. */
const HOSTILE = [
  '[',
  ']',
  '=',
  '"',
  "'",
  ':',
  '\\',
  '#',
  ';',
  '\n',
  '\r',
  ' ',
  '[1:3]',
  '[a:',
  '\ufeff',
  '\u0000',
  'x=',
  '[:]',
  '[01:10:3]',
  '[a:c]',
  '\u00a0',
  '\u3000',
  '\u2003',
  '\x1f',
  '\v',
  '\f',
  '\x1c',
  '\x85',
  '\u2028',
  '\u2029',
  '(7)',
  '-(1)',
  "b'x'",
  '"\\101"',
  '"\\N{BULLET}"',
  '9007199254740993',
  '1e400',
  '{[1]: 2}',
  '[[[',
  ']]]',
  '[tiflash_servers',
  '[all]',
  '[g:children]',
  'ansible_group_priority=1.5',
  '\r\n',
];

/** A generated inventory cut and spliced with hostile pieces. */
export function genHostile(rng: Rng): string {
  let text = genInventory(rng);
  const cuts = rng.int(6);
  for (let i = 0; i < cuts; i++) {
    const at = rng.int(text.length + 1);
    text = rng.chance(0.5) ? text.slice(0, at) + rng.pick(HOSTILE) + text.slice(at) : text.slice(0, at) + text.slice(at + rng.int(8));
  }
  return text;
}

const EDIT_KEYS = ['tcp_port', 'http_port', 'deploy_dir', 'data_dir', 'ansible_host', 'ansible_user', 'tikv_port'];
const EDIT_VALUES = ['9000', '8123', '20160', '/d', '/data1,/data2', '10.0.0.7', 'root', 'x', '"a b', '0'];

/** Host-line edits an operator makes while typing, plus a few that a paste or a slip makes. */
const LINE_EDITS: ((line: string, rng: Rng, lines: string[]) => string)[] = [
  (l, rng) => l.slice(0, rng.int(l.length + 1)),
  (l, rng) => `${l}${rng.pick(['1', '.', ' ', '=', '"', "'", ':', '[', '#', 'x', '\u00a0', '\f'])}`,
  (l, rng) => `${l} ${rng.pick(EDIT_KEYS)}=${rng.pick(EDIT_VALUES)}`,
  (_l, _rng, lines) => lines[Math.floor(lines.length / 2)] ?? '',
  (_l, rng) => `10.0.${rng.int(3)}.${rng.int(250) + 1}`,
  (_l, rng) =>
    rng.pick([
      '',
      '# off',
      '  ',
      'key=value',
      '10.0.0.[1:3]',
      'h[a:c] ansible_host=10.0.0.9',
      'alias ansible_host=10.0.1.1',
      '[tiflash_servers]',
      'a:bad',
      '[bad header',
      '[a b]',
      '[g:odd]',
    ]),
  (l) => `#${l}`,
  (l) => l.replace(/^#+/, ''),
];

const PASTE = [
  '10.0.0.8',
  'tifl9 ansible_host=10.0.0.8 tcp_port=9001',
  '',
  '# pasted',
  '[tiflash_servers]',
  '[monitored_servers]',
  '10.0.1.[1:2]',
  '[broken',
  'x = 1',
  '[all:vars]',
  '[g:children]',
];

/** One edit: typing on a few lines, Enter, a multi-line paste, a moved host line, an invalid header, a change of line endings. */
export function editInventory(text: string, rng: Rng): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const kind = rng.int(10);
  if (kind < 5) {
    const at = rng.int(lines.length);
    const count = rng.chance(0.8) ? 1 : 1 + rng.int(3);
    for (let i = at; i < Math.min(lines.length, at + count); i++) lines[i] = rng.pick(LINE_EDITS)(lines[i], rng, lines);
  } else if (kind < 7) {
    // Enter, a pasted block of several lines, a deleted block
    lines.splice(rng.int(lines.length + 1), rng.int(3), ...Array.from({ length: rng.int(8) }, () => rng.pick(PASTE)));
  } else if (kind < 9) {
    const hostLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w.]/.test(l));
    if (hostLines.length) {
      const [line, from] = rng.pick(hostLines);
      if (rng.chance(0.5)) {
        // a host line cut and pasted elsewhere (maybe into another section)
        lines.splice(from, 1);
        lines.splice(rng.int(lines.length + 1), 0, line);
      } else {
        // a block pasted a few lines above a host, ending with a copy of it: the host is now listed earlier,
        // on the line number it had before, and the lines between moved down
        const size = 2 + rng.int(3);
        lines.splice(Math.max(0, from - size + 1), 0, ...Array.from({ length: size - 1 }, () => rng.pick(['', '# copied'])), line);
      }
    }
  } else {
    // the file's line endings converted, or only the first one
    const other = eol === '\n' ? '\r\n' : '\n';
    if (rng.chance(0.5)) return lines.join(other);
    return lines.length > 1 ? lines[0] + other + lines.slice(1).join(eol) : lines.join(eol);
  }
  return lines.join(eol);
}

/**
 * What a model says, as plain data to compare a re-read model with a full parse: the model (its host map
 * copied: a re-read one shares its base with the model before it) and what is derived from it.
 */
export function modelView(inv: Inventory) {
  const { _meta, ...groups } = toAnsibleList(inv);
  return {
    model: { ...inv, hosts: new Map(inv.hosts) },
    // groups' members and children in order; hostvars as a set (a re-read model's host map has no set order)
    groups: JSON.stringify(groups),
    hostvars: _meta.hostvars,
    groupOrder: [...inv.groups.keys()],
    tiflash: tiflashHosts(inv),
    instances: instances(inv),
    findings: validate(inv),
  };
}
