// The part of Python's ast.literal_eval that Ansible applies to every INI value:
// numbers, strings, True/False/None, lists, tuples and dicts. Anything else stays a string,
// exactly as Ansible keeps it when literal_eval raises.

import type { Value } from './types';

// Thrown to unwind the reader; a plain object, since most INI values are not literals and an Error's stack is costly.
const NOT_LITERAL = { notLiteral: true } as const;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?)/;
const STRING_PREFIX = /^(?:[rRuU]|[bB][rR]?|[rR][bB])?(?='|")/;

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  skipSpace(): void {
    while (this.pos < this.src.length && ' \t\f'.includes(this.src[this.pos])) this.pos++;
  }

  peek(): string {
    this.skipSpace();
    return this.src[this.pos] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw NOT_LITERAL;
    this.pos++;
  }

  value(): Value {
    const ch = this.peek();
    if (ch === '[') return this.sequence('[', ']');
    if (ch === '(') return this.sequence('(', ')');
    if (ch === '{') return this.dict();
    if (ch === '-' || ch === '+') {
      // literal_eval takes one sign directly on a number: not "--2", not "-True"
      this.pos++;
      this.skipSpace();
      const num = NUMBER.exec(this.src.slice(this.pos));
      if (!num) throw NOT_LITERAL;
      const inner = this.number(num[0]);
      return ch === '-' ? -inner : inner;
    }
    const rest = this.src.slice(this.pos);
    if (STRING_PREFIX.test(rest)) return this.strings();
    const num = NUMBER.exec(rest);
    if (num) return this.number(num[0]);
    const id = IDENT.exec(rest);
    if (id) {
      this.pos += id[0].length;
      if (id[0] === 'True') return true;
      if (id[0] === 'False') return false;
      if (id[0] === 'None') return null;
    }
    throw NOT_LITERAL;
  }

  number(text: string): number {
    this.pos += text.length;
    const after = this.src[this.pos] ?? '';
    if (/[A-Za-z0-9_.]/.test(after)) throw NOT_LITERAL; // 1j, 12abc, 1.2.3
    const clean = text.replace(/_/g, '');
    if (/^0[xXoObB]/.test(clean)) return Number(clean.toLowerCase());
    // Python forbids leading zeros in non-zero decimal integers ("01")
    if (/^0\d/.test(clean) && /^\d+$/.test(clean) && !/^0+$/.test(clean)) throw NOT_LITERAL;
    return Number(clean);
  }

  strings(): string {
    let out = '';
    // adjacent literals concatenate: 'a' "b" == 'ab'
    while (STRING_PREFIX.test(this.src.slice(this.pos))) {
      const prefix = STRING_PREFIX.exec(this.src.slice(this.pos))![0];
      if (/b/i.test(prefix)) throw NOT_LITERAL; // bytes are not JSON-able text
      this.pos += prefix.length;
      out += this.stringBody(/r/i.test(prefix));
      this.skipSpace();
    }
    return out;
  }

  stringBody(raw: boolean): string {
    const q = this.src[this.pos];
    const triple = this.src.startsWith(q.repeat(3), this.pos);
    const close = triple ? q.repeat(3) : q;
    this.pos += close.length;
    let out = '';
    while (this.pos < this.src.length) {
      if (this.src.startsWith(close, this.pos)) {
        this.pos += close.length;
        return out;
      }
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        const n = this.src[this.pos + 1];
        this.pos += 2;
        out += raw ? c + n : unescape(n, this);
        continue;
      }
      out += c;
      this.pos++;
    }
    throw NOT_LITERAL;
  }

  sequence(open: string, close: string): Value[] {
    this.expect(open);
    const items: Value[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ',') this.pos++;
      else break;
    }
    this.expect(close);
    return items;
  }

  dict(): Value {
    this.expect('{');
    const out: { [k: string]: Value } = {};
    while (this.peek() !== '}') {
      const key = this.value();
      if (key !== null && typeof key === 'object') throw NOT_LITERAL;
      this.expect(':');
      out[pyKey(key)] = this.value();
      if (this.peek() === ',') this.pos++;
      else break;
    }
    this.expect('}');
    return out;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '',
};

function unescape(n: string, r: Reader): string {
  if (n in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[n];
  const width = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
  if (width) {
    const hex = r.src.slice(r.pos, r.pos + width);
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw NOT_LITERAL;
    r.pos += width;
    return String.fromCodePoint(parseInt(hex, 16));
  }
  return '\\' + n; // Python keeps unknown escapes as written
}

// JSON object keys are strings; Python's json.dumps writes True as "true" and None as "null".
function pyKey(key: string | number | boolean | null): string {
  if (key === null) return 'null';
  return String(key);
}

// A literal starts with a digit, sign, dot, bracket or quote, or is True/False/None or a prefixed string (r'', u"", ...).
const MAY_BE_LITERAL = /^[ \t\f]*(?:[-+.0-9[({'"]|True\b|False\b|None\b|[rRuUbB]{1,2}['"])/;

/** Types one INI value the way Ansible does (ast.literal_eval, else the text itself). */
export function pyLiteral(text: string): Value {
  if (!MAY_BE_LITERAL.test(text)) return text; // paths, names, versions like v4.0.9
  const r = new Reader(text);
  r.skipSpace();
  if (r.pos >= text.length) return text;
  try {
    let v = r.value();
    // a bare "1, 2" is a tuple to Python
    if (r.peek() === ',') {
      const items = [v];
      while (r.peek() === ',') {
        r.pos++;
        if (r.peek() === '' || r.peek() === '#') break;
        items.push(r.value());
      }
      v = items;
    }
    r.skipSpace();
    // a trailing comment is fine for Python's parser
    if (r.pos < text.length && text[r.pos] !== '#') return text;
    return v;
  } catch (e) {
    if (e === NOT_LITERAL) return text;
    throw e;
  }
}
