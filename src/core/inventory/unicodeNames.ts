// Python's \N{name} escape: the character a Unicode name (or name alias) stands for, as CPython's
// unicodedata finds it (table names in any case; computed names exactly as written). The table is read
// only when a value uses the escape.

import { inflateRawSync } from 'node:zlib';
import { NAMES_DEFLATED } from './unicodeNamesData';

let table: Map<string, number> | undefined;

function names(): Map<string, number> {
  if (table) return table;
  table = new Map();
  let [cp, prev] = [-1, ''];
  for (const line of inflateRawSync(Buffer.from(NAMES_DEFLATED, 'base64')).toString('latin1').split('\n')) {
    const comma = line.indexOf(',');
    cp += comma ? parseInt(line.slice(0, comma), 16) : 1;
    prev = prev.slice(0, line.charCodeAt(comma + 1) - 48) + line.slice(comma + 2);
    table.set(prev, cp);
  }
  return table;
}

// CPython's unicodedata.c: CJK unified ideographs and Hangul syllables are named by rule, not listed
const UNIFIED = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b738],
  [0x2b740, 0x2b81d],
  [0x2b820, 0x2cea1],
  [0x2ceb0, 0x2ebe0],
  [0x30000, 0x3134a],
];
const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = [
  '',
  'G',
  'GG',
  'GS',
  'N',
  'NJ',
  'NH',
  'D',
  'L',
  'LG',
  'LM',
  'LB',
  'LS',
  'LT',
  'LP',
  'LH',
  'M',
  'B',
  'BS',
  'S',
  'SS',
  'NG',
  'J',
  'C',
  'K',
  'T',
  'P',
  'H',
];

/** The longest jamo of `list` at `at` (find_syllable), or -1. */
function jamo(name: string, at: number, list: readonly string[]): [index: number, length: number] {
  let [index, length] = [-1, -1];
  list.forEach((j, i) => {
    if (j.length > length && name.startsWith(j, at)) [index, length] = [i, j.length];
  });
  return [index, Math.max(length, 0)];
}

function computed(name: string): number | undefined {
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(name);
  if (cjk) {
    const cp = parseInt(cjk[1], 16);
    return UNIFIED.some(([lo, hi]) => cp >= lo && cp <= hi) ? cp : undefined;
  }
  if (!name.startsWith('HANGUL SYLLABLE ')) return undefined;
  let at = 16;
  const parts = [JAMO_L, JAMO_V, JAMO_T].map((list) => {
    const [index, length] = jamo(name, at, list);
    at += length;
    return index;
  });
  if (parts.includes(-1) || at !== name.length) return undefined;
  const [l, v, t] = parts;
  return 0xac00 + (l * 21 + v) * 28 + t;
}

/** The code point `\N{name}` stands for in Python, or undefined (a SyntaxError there). */
export function unicodeByName(name: string): number | undefined {
  return computed(name) ?? names().get(name.replace(/[a-z]/g, (c) => c.toUpperCase()));
}
