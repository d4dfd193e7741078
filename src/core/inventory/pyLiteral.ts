// Python's ast.literal_eval as Ansible applies it to every INI value (then to_text on the result): numbers
// (ints exact however large, floats that overflow to inf), strings and bytes with every escape, True/False/
// None, lists, tuples, dicts, sets, complex numbers. Where literal_eval raises ValueError or SyntaxError the
// value stays text, as Ansible keeps it; where it raises anything else (an unhashable dict key, a parser
// recursion) Ansible rejects the inventory. Nesting is capped as Python's tokenizer caps it, so no value
// can exhaust the stack here.

import { pyFloatRepr } from './pyJson';
import { PY_MAX_INT_DIGITS } from './text';
import type { Value } from './types';
import { unicodeByName } from './unicodeNames';

/** Errors literal_eval raises that Ansible does not catch: the whole inventory is rejected. */
export type Rejection = 'unhashable' | 'tooDeep';
export type Literal = { ok: true; value: Value } | { ok: false; reject: Rejection };

// Thrown to unwind the reader: made once, since most INI values are not literals and capturing a stack per value is costly.
const NOT_LITERAL = new Error('not a Python literal');
const TOO_DEEP = new Error('Python literal nested too deep');

/** Python's tokenizer refuses a 201st open bracket ("too many nested parentheses"). */
const MAX_BRACKETS = 200;
/** A chain of unary operators this long overflows CPython's AST construction, this long its parser (measured, Python 3.11). */
const UNARY_RECURSION = 2954;
const UNARY_PARSER_LIMIT = 5975;

type Kind = 'int' | 'float' | 'complex' | 'bool' | 'none' | 'ellipsis' | 'str' | 'bytes' | 'list' | 'tuple' | 'dict' | 'set';

interface Item {
  kind: Kind;
  /** What Ansible keeps (undefined where it keeps a Python object JSON cannot hold). */
  value: Value | undefined;
  /** The AST node literal_eval sees: a sign applies to a constant number only, `a + bj` to two of them. */
  node: 'const' | 'unary' | 'binop' | 'other';
  /** When hashable: what makes two dict keys or set members the same (Python's ==). */
  id?: string;
  /** How json.dumps writes it as a key, when it can. */
  keyText?: string;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/y;
const STRING_PREFIX = /(?:[rRuU]|[bB][rR]?|[rR][bB])?(?=['"])/y;
const AFTER_NUMBER = /[A-Za-z0-9_.]/;
const PLAIN: Record<string, RegExp> = { "'": /[^'\\]+/y, '"': /[^"\\]+/y };

/** Python's == between numbers: 1 == 1.0 == True; floats beyond 2^53 are whole numbers. */
function numberId(x: number | bigint): string {
  if (typeof x === 'bigint') return `n:${x}`;
  if (Number.isInteger(x)) return `n:${Number.isSafeInteger(x) ? x : BigInt(x)}`;
  return `n:${pyFloatRepr(x)}`;
}

const int = (x: number | bigint): Item => ({ kind: 'int', value: x, node: 'const', id: numberId(x), keyText: String(x) });
const float = (x: number): Item => ({ kind: 'float', value: x, node: 'const', id: numberId(x), keyText: pyFloatRepr(x) });
/** An int as the model keeps it: a number while exact, else a bigint (never -0). */
const intValue = (n: bigint): number | bigint => (n >= -BigInt(Number.MAX_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);

class Reader {
  pos = 0;
  depth = 0;
  /** The first unhashable key or member, in literal_eval's order (raised only if the rest parses). */
  unhashable = false;

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

  sticky(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    return re.exec(this.src)?.[0];
  }

  /** An expression: a term, or `real + imaginary` (the one binary operation literal_eval takes). */
  expr(): Item {
    const left = this.unary();
    const op = this.peek();
    if (op !== '+' && op !== '-') return left;
    this.pos++;
    const right = this.unary();
    const real = (left.node === 'const' || left.node === 'unary') && (left.kind === 'int' || left.kind === 'float');
    if (!real || right.node !== 'const' || right.kind !== 'complex') throw NOT_LITERAL;
    if (this.peek() === '+' || this.peek() === '-') throw NOT_LITERAL; // (a + bj) + cj: the left side is no number
    return { kind: 'complex', value: undefined, node: 'binop', id: `c:${left.value as number | bigint}${op}${right.id}` };
  }

  unary(): Item {
    const first = this.peek();
    let ops = 0;
    while ('+-~'.includes(this.peek()) && this.peek() !== '') {
      this.pos++;
      ops++;
    }
    if (ops >= UNARY_PARSER_LIMIT || (ops >= UNARY_RECURSION && /[\w'"([{.]/.test(this.peek()))) throw TOO_DEEP;
    const operand = this.atom();
    if (!ops) return operand;
    const number = operand.node === 'const' && (operand.kind === 'int' || operand.kind === 'float' || operand.kind === 'complex');
    if (ops > 1 || first === '~' || !number) throw NOT_LITERAL;
    if (first === '+' || operand.kind === 'complex')
      return { ...operand, node: 'unary', id: operand.kind === 'complex' ? `c:${first}${operand.id}` : operand.id };
    const v = operand.value as number | bigint;
    const negated = typeof v === 'bigint' ? intValue(-v) : operand.kind === 'int' ? (v === 0 ? 0 : -v) : -v;
    return { ...(operand.kind === 'int' ? int(negated) : float(negated as number)), node: 'unary' };
  }

  atom(): Item {
    const ch = this.peek();
    if (ch === '[') return this.list();
    if (ch === '(') return this.parens();
    if (ch === '{') return this.braces();
    if (this.src.startsWith('...', this.pos)) {
      this.pos += 3;
      return { kind: 'ellipsis', value: undefined, node: 'const', id: 'ellipsis' };
    }
    if (this.sticky(STRING_PREFIX) !== undefined) return this.strings();
    const num = this.sticky(NUMBER);
    if (num) return this.number(num);
    const id = this.sticky(IDENT);
    if (id) {
      this.pos += id.length;
      if (id === 'True' || id === 'False')
        return { kind: 'bool', value: id === 'True', node: 'const', id: id === 'True' ? 'n:1' : 'n:0', keyText: id === 'True' ? 'true' : 'false' };
      if (id === 'None') return { kind: 'none', value: null, node: 'const', id: 'none', keyText: 'null' };
      // set() is the one call literal_eval evaluates
      if (id === 'set' && this.peek() === '(') {
        this.pos++;
        this.expect(')');
        return { kind: 'set', value: undefined, node: 'other' };
      }
    }
    throw NOT_LITERAL;
  }

  number(text: string): Item {
    this.pos += text.length;
    if (AFTER_NUMBER.test(this.src[this.pos] ?? '')) throw NOT_LITERAL; // 12abc, 1.2.3, 1__0
    const clean = text.replace(/_/g, '');
    if (/[jJ]$/.test(clean)) {
      const imag = Number(clean.slice(0, -1));
      return { kind: 'complex', value: undefined, node: 'const', id: imag === 0 ? 'n:0' : `c:${pyFloatRepr(imag)}j` };
    }
    if (/^0[xXoObB]/.test(clean)) return int(intValue(BigInt(clean.toLowerCase())));
    if (/^\d+$/.test(clean)) {
      // Python forbids leading zeros in non-zero decimal integers ("01") and refuses over 4300 digits
      if ((clean[0] === '0' && /[1-9]/.test(clean)) || clean.length > PY_MAX_INT_DIGITS) throw NOT_LITERAL;
      return int(clean.length < 16 ? Number(clean) : intValue(BigInt(clean)));
    }
    return float(Number(clean));
  }

  open(ch: string): void {
    this.expect(ch);
    if (++this.depth > MAX_BRACKETS) throw NOT_LITERAL;
  }

  close(ch: string): void {
    this.expect(ch);
    this.depth--;
  }

  /** Items up to `close`, with an optional trailing comma; `first` when already read. */
  items(close: string, first?: Item): Item[] {
    const out: Item[] = first ? [first] : [];
    if (first) {
      if (this.peek() !== ',') return out;
      this.pos++;
    }
    while (this.peek() !== close) {
      out.push(this.expr());
      if (this.peek() !== ',') break;
      this.pos++;
    }
    return out;
  }

  list(): Item {
    this.open('[');
    const items = this.items(']');
    this.close(']');
    return sequence('list', items);
  }

  /** `()` and `(a,)` are tuples; `(a)` is `a` itself. */
  parens(): Item {
    this.open('(');
    if (this.peek() === ')') {
      this.close(')');
      return sequence('tuple', []);
    }
    const first = this.expr();
    if (this.peek() === ')') {
      this.close(')');
      return first;
    }
    if (this.peek() !== ',') throw NOT_LITERAL;
    const items = this.items(')', first);
    this.close(')');
    return sequence('tuple', items);
  }

  /** `{}` and `{k: v, ...}` are dicts, `{a, ...}` a set. */
  braces(): Item {
    this.open('{');
    if (this.peek() === '}') {
      this.close('}');
      return { kind: 'dict', value: {}, node: 'other' };
    }
    const first = this.expr();
    if (this.peek() !== ':') {
      for (const m of this.items('}', first)) this.hashed(m);
      this.close('}');
      return { kind: 'set', value: undefined, node: 'other' };
    }
    const entries = new Map<string, { key: Item; value: Item }>();
    let key: Item | undefined = first;
    while (key) {
      this.expect(':');
      const value = this.expr();
      // dict() inserts each pair once both are read; an equal key keeps its first spelling
      const id = this.hashed(key);
      const prev = entries.get(id);
      entries.set(id, { key: prev?.key ?? key, value });
      key = undefined;
      if (this.peek() === ',') {
        this.pos++;
        if (this.peek() !== '}') key = this.expr();
      }
    }
    this.close('}');
    const out: { [k: string]: Value } = {};
    let opaque = false;
    for (const { key: k, value: v } of entries.values()) {
      const value = inner(v);
      if (k.keyText === undefined || value === undefined) opaque = true;
      else out[k.keyText] = value;
    }
    return { kind: 'dict', value: opaque ? undefined : out, node: 'other' };
  }

  /** The identity of a dict key or set member; an unhashable one is remembered (TypeError once all parses). */
  hashed(item: Item): string {
    if (item.id === undefined) this.unhashable = true;
    return item.id ?? `unhashable:${this.pos}`;
  }

  strings(): Item {
    let text = '';
    let bytes: number[] | undefined;
    let kind: 'str' | 'bytes' | undefined;
    // adjacent literals concatenate ('a' "b" == 'ab'), but never bytes with str
    for (let prefix = this.sticky(STRING_PREFIX); prefix !== undefined; prefix = this.sticky(STRING_PREFIX)) {
      const isBytes = /b/i.test(prefix);
      if (kind && (kind === 'bytes') !== isBytes) throw NOT_LITERAL;
      kind = isBytes ? 'bytes' : 'str';
      this.pos += prefix.length;
      const raw = /r/i.test(prefix);
      if (isBytes) bytes = (bytes ?? []).concat(this.bytesBody(raw));
      else text += this.stringBody(raw);
      this.skipSpace();
    }
    if (kind === 'bytes') {
      // to_text(errors='surrogate_or_strict') of bytes: UTF-8, with undecodable bytes as lone surrogates
      const b = Uint8Array.from(bytes ?? []);
      const hex = Buffer.from(b).toString('hex');
      return { kind: 'bytes', value: decodeSurrogateEscape(b), node: 'const', id: `b:${hex}` };
    }
    return { kind: 'str', value: text, node: 'const', id: `s:${text}`, keyText: text };
  }

  /** The body of a literal after its prefix, up to its closing quote: calls `piece` for each character or escape. */
  body(raw: boolean, piece: (c: string, escaped: boolean) => void): void {
    const q = this.src[this.pos];
    const triple = this.src.startsWith(q.repeat(3), this.pos);
    const close = triple ? q.repeat(3) : q;
    this.pos += close.length;
    while (this.pos < this.src.length) {
      if (this.src.startsWith(close, this.pos)) {
        this.pos += close.length;
        return;
      }
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        this.pos += 2;
        // in a raw literal a backslash escapes nothing, but still keeps the quote after it in the string
        if (raw) piece(c + this.src[this.pos - 1], false);
        else piece(this.src[this.pos - 1], true);
        continue;
      }
      // the characters up to the next quote or backslash mean themselves: take them at once
      const plain = this.sticky(PLAIN[q]) || c;
      piece(plain, false);
      this.pos += plain.length;
    }
    throw NOT_LITERAL;
  }

  stringBody(raw: boolean): string {
    const parts: string[] = [];
    this.body(raw, (c, escaped) => parts.push(escaped ? this.strEscape(c) : c));
    return parts.join('');
  }

  bytesBody(raw: boolean): number[] {
    const out: number[] = [];
    this.body(raw, (c, escaped) => {
      if (escaped) return void out.push(...this.bytesEscape(c));
      for (let i = 0; i < c.length; i++) {
        const code = c.charCodeAt(i);
        if (code > 0x7f) throw NOT_LITERAL; // bytes can only contain ASCII literal characters
        out.push(code);
      }
    });
    return out;
  }

  /** Octal digits after a backslash whose first digit is `first` (up to three in all). */
  octal(first: string): number {
    let digits = first;
    while (digits.length < 3 && /[0-7]/.test(this.src[this.pos] ?? '')) digits += this.src[this.pos++];
    return parseInt(digits, 8);
  }

  hex(width: number): number {
    const hex = this.src.slice(this.pos, this.pos + width);
    if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw NOT_LITERAL;
    this.pos += width;
    return parseInt(hex, 16);
  }

  strEscape(n: string): string {
    if (n in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[n];
    if (/[0-7]/.test(n)) return String.fromCharCode(this.octal(n));
    if (n === 'x' || n === 'u') return String.fromCharCode(this.hex(n === 'x' ? 2 : 4));
    if (n === 'U') {
      const cp = this.hex(8);
      if (cp > 0x10ffff) throw NOT_LITERAL;
      return String.fromCodePoint(cp);
    }
    if (n === 'N') {
      const m = /\{([^}]*)\}/y;
      m.lastIndex = this.pos;
      const name = m.exec(this.src);
      const cp = name ? unicodeByName(name[1]) : undefined;
      if (cp === undefined) throw NOT_LITERAL;
      this.pos += name![0].length;
      return String.fromCodePoint(cp);
    }
    return '\\' + n; // Python keeps unknown escapes as written
  }

  bytesEscape(n: string): number[] {
    if (n in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[n].charCodeAt(0)];
    if (/[0-7]/.test(n)) return [this.octal(n) & 0xff];
    if (n === 'x') return [this.hex(2)];
    if (n.charCodeAt(0) > 0x7f) throw NOT_LITERAL;
    return [0x5c, n.charCodeAt(0)]; // \N, \u, \U and unknown escapes stay as written in bytes
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** An item's value inside a container: bytes stay bytes there (to_text converts only the value itself), which JSON cannot hold. */
const inner = (i: Item): Value | undefined => (i.kind === 'bytes' ? undefined : i.value);

/** A list or tuple: its items' values, hashable (a tuple) when every item is. */
function sequence(kind: 'list' | 'tuple', items: Item[]): Item {
  const values: Value[] = [];
  let opaque = false;
  for (const i of items) {
    const value = inner(i);
    if (value === undefined) opaque = true;
    else values.push(value);
  }
  const hashable = kind === 'tuple' && items.every((i) => i.id !== undefined);
  return { kind, value: opaque ? undefined : values, node: 'other', id: hashable ? `t:${JSON.stringify(items.map((i) => i.id))}` : undefined };
}

/** UTF-8 as Python decodes it with surrogateescape: every byte of an invalid sequence becomes U+DC80..U+DCFF. */
function decodeSurrogateEscape(b: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const [len, min] =
      c < 0x80 ? [1, 0] : c >= 0xc2 && c <= 0xdf ? [2, 0x80] : c >= 0xe0 && c <= 0xef ? [3, 0x800] : c >= 0xf0 && c <= 0xf4 ? [4, 0x10000] : [0, 0];
    let cp = len === 1 ? c : len ? c & (0xff >> (len + 1)) : -1;
    for (let k = 1; k < len && cp >= 0; k++) cp = (b[i + k] ?? 0) >> 6 === 2 ? (cp << 6) | (b[i + k] & 0x3f) : -1;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
    if (cp < 0) {
      out.push(String.fromCharCode(0xdc00 + c));
      i++;
    } else {
      out.push(String.fromCodePoint(cp));
      i += len;
    }
  }
  return out.join('');
}

// A literal starts with a digit, sign, dot, bracket or quote, or is True/False/None/set() or a prefixed string (r'', b"", ...).
const MAY_BE_LITERAL = /^[ \t\f]*(?:[-+~.0-9[({'"]|True\b|False\b|None\b|set\b|[rRuUbB]{1,2}['"])/;
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
// an address or a version (10.0.1.5, 4.0.9): a number followed by a second dot is never a literal
const DOTTED = /^[0-9]*\.[0-9]+\./;

/** What Ansible makes of one INI value: literal_eval's result, the text itself, or a rejection. */
export function readLiteral(text: string): Literal {
  // ports and counts are most of the numbers in an inventory
  if (SMALL_INT.test(text)) return { ok: true, value: Number(text) };
  if (!MAY_BE_LITERAL.test(text) || DOTTED.test(text)) return { ok: true, value: text }; // paths, names, addresses, versions
  const r = new Reader(text);
  r.skipSpace();
  try {
    let item = r.expr();
    // a bare "1, 2" is a tuple to Python
    if (r.peek() === ',') {
      const items = [item];
      while (r.peek() === ',') {
        r.pos++;
        if (r.peek() === '' || r.peek() === '#') break;
        items.push(r.expr());
      }
      item = sequence('tuple', items);
    }
    r.skipSpace();
    // a trailing comment is fine for Python's parser
    if (r.pos < text.length && text[r.pos] !== '#') return { ok: true, value: text };
    if (r.unhashable) return { ok: false, reject: 'unhashable' };
    // a set, a complex number, ...: Ansible keeps a Python object that the model (and ansible-inventory --list) cannot show
    return { ok: true, value: item.value === undefined ? text : item.value };
  } catch (e) {
    if (e === NOT_LITERAL) return { ok: true, value: text };
    if (e === TOO_DEEP) return { ok: false, reject: 'tooDeep' };
    throw e;
  }
}
