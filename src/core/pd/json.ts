// A JSON reader for answers we do not trust: it never throws, keeps no recursion (a body of
// `[[[[…` cannot overflow the stack), caps nesting, refuses duplicate keys, and keeps the source
// text of every number, so a store id is the exact digits PD sent (JSON.parse turns 2^53+1 into 2^53).

/** A number as written in the body. `value` is the nearest double: never use it for ids. */
export class JsonNumber {
  constructor(readonly text: string) {}

  get value(): number {
    return Number(this.text);
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonArray | JsonObject;
export type JsonArray = readonly JsonValue[];
/** Objects are maps: a key such as `__proto__` is just a key. */
export type JsonObject = ReadonlyMap<string, JsonValue>;

export type JsonFault = 'syntax' | 'depth' | 'duplicate-key';

export type JsonRead = { ok: true; value: JsonValue } | { ok: false; fault: JsonFault; offset: number };

/** PD's answers nest five levels deep; anything near this is not PD. */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// everything but a quote, a backslash and U+0000-U+001F (JSON wants those escaped)
const PLAIN_CHARS = /[\u0020\u0021\u0023-\u005b\u005d-\uffff]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

type Frame = { array: JsonValue[] } | { object: Map<string, JsonValue>; key: string };

class Fault {
  constructor(
    readonly fault: JsonFault,
    readonly offset: number,
  ) {}
}

export function readJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonRead {
  try {
    const value = new Reader(text, maxDepth).document();
    return value instanceof Fault ? { ok: false, fault: value.fault, offset: value.offset } : { ok: true, value };
  } catch {
    // only an engine limit (a string too long to build) gets here: still an answer, not a crash
    return { ok: false, fault: 'syntax', offset: 0 };
  }
}

class Reader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): JsonValue | Fault {
    const stack: Frame[] = [];
    for (;;) {
      // a value starts here: a scalar, or an opening bracket that pushes a frame
      this.ws();
      const c = this.text.charCodeAt(this.i);
      let value: JsonValue | Fault | undefined;
      if (c === 0x5b || c === 0x7b) {
        if (stack.length >= this.maxDepth) return new Fault('depth', this.i);
        this.i++;
        this.ws();
        if (c === 0x5b) {
          if (this.text.charCodeAt(this.i) === 0x5d) {
            this.i++;
            value = [];
          } else {
            stack.push({ array: [] });
            continue;
          }
        } else if (this.text.charCodeAt(this.i) === 0x7d) {
          this.i++;
          value = new Map();
        } else {
          const key = this.key();
          if (key instanceof Fault) return key;
          stack.push({ object: new Map(), key });
          continue;
        }
      } else {
        value = this.scalar();
      }
      if (value instanceof Fault) return value;
      // the value is complete: put it in its container, then read what follows it
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) {
          this.ws();
          return this.i === this.text.length ? value : new Fault('syntax', this.i);
        }
        if ('array' in top) top.array.push(value);
        else if (top.object.has(top.key)) return new Fault('duplicate-key', this.i);
        else top.object.set(top.key, value);
        this.ws();
        const next = this.text.charCodeAt(this.i++);
        if (next === 0x2c) {
          if ('object' in top) {
            this.ws();
            const key = this.key();
            if (key instanceof Fault) return key;
            top.key = key;
          }
          break;
        }
        if (next === ('array' in top ? 0x5d : 0x7d)) {
          stack.pop();
          value = 'array' in top ? top.array : top.object;
          continue;
        }
        return new Fault('syntax', this.i - 1);
      }
    }
  }

  private ws(): void {
    const t = this.text;
    let i = this.i;
    for (let c = t.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = t.charCodeAt(++i));
    this.i = i;
  }

  /** `"key"` then `:`, leaving the reader at the value. */
  private key(): string | Fault {
    if (this.text.charCodeAt(this.i) !== 0x22) return new Fault('syntax', this.i);
    const key = this.string();
    if (key instanceof Fault) return key;
    this.ws();
    if (this.text.charCodeAt(this.i) !== 0x3a) return new Fault('syntax', this.i);
    this.i++;
    return key;
  }

  private scalar(): JsonValue | Fault {
    const t = this.text;
    switch (t.charCodeAt(this.i)) {
      case 0x22:
        return this.string();
      case 0x74:
        return this.word('true', true);
      case 0x66:
        return this.word('false', false);
      case 0x6e:
        return this.word('null', null);
    }
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(t)) return new Fault('syntax', this.i);
    const text = t.slice(this.i, NUMBER.lastIndex);
    this.i = NUMBER.lastIndex;
    return new JsonNumber(text);
  }

  private word(word: string, value: boolean | null): boolean | null | Fault {
    if (!this.text.startsWith(word, this.i)) return new Fault('syntax', this.i);
    this.i += word.length;
    return value;
  }

  private string(): string | Fault {
    const t = this.text;
    let parts: string[] | undefined;
    this.i++;
    for (;;) {
      PLAIN_CHARS.lastIndex = this.i;
      PLAIN_CHARS.test(t);
      const end = PLAIN_CHARS.lastIndex;
      const c = t.charCodeAt(end);
      if (c === 0x22 && !parts) {
        // the common case: no escape at all
        const s = t.slice(this.i, end);
        this.i = end + 1;
        return s;
      }
      (parts ??= []).push(t.slice(this.i, end));
      this.i = end;
      if (c === 0x22) {
        this.i++;
        return parts.join('');
      }
      if (c !== 0x5c) return new Fault('syntax', this.i); // end of text or a raw control character
      const e = t[this.i + 1];
      if (e === 'u') {
        HEX4.lastIndex = this.i + 2;
        if (!HEX4.test(t)) return new Fault('syntax', this.i);
        parts.push(String.fromCharCode(parseInt(t.slice(this.i + 2, this.i + 6), 16)));
        this.i += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        parts.push(ESCAPES[e]);
        this.i += 2;
      } else {
        return new Fault('syntax', this.i);
      }
    }
  }
}

// Reading decoded values: small accessors that answer undefined for the wrong type.

export const isObject = (v: JsonValue | undefined): v is JsonObject => v instanceof Map;
export const isArray = (v: JsonValue | undefined): v is JsonArray => Array.isArray(v);
export const asString = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** A finite number (not for ids). */
export function asNumber(v: JsonValue | undefined): number | undefined {
  if (!(v instanceof JsonNumber)) return undefined;
  const n = v.value;
  return Number.isFinite(n) ? n : undefined;
}

/** A count: a plain non-negative integer written without fraction or exponent, within 2^53. */
export function asCount(v: JsonValue | undefined): number | undefined {
  if (!(v instanceof JsonNumber) || !/^(0|[1-9][0-9]{0,15})$/.test(v.text)) return undefined;
  const n = v.value;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A compact, bounded rendering of a value for messages (never the whole of a large answer). */
export function preview(v: JsonValue, max = 160): string {
  const out: string[] = [];
  let length = 0;
  // iterative, like the reader: the value may be deeply nested
  const todo: (JsonValue | { raw: string })[] = [v];
  while (todo.length && length <= max) {
    const x = todo.pop()!;
    let piece: string;
    if (x !== null && typeof x === 'object' && 'raw' in x) piece = x.raw;
    else if (x instanceof JsonNumber) piece = x.text;
    else if (isArray(x)) {
      piece = '[';
      todo.push({ raw: ']' });
      // every child takes at least a character: more than `max` of them cannot be shown
      for (let k = Math.min(x.length, max) - 1; k >= 0; k--) todo.push(x[k], ...(k ? [{ raw: ',' }] : []));
    } else if (isObject(x)) {
      piece = '{';
      todo.push({ raw: '}' });
      const entries: [string, JsonValue][] = [];
      for (const e of x) if (entries.push(e) > max) break;
      for (let k = entries.length - 1; k >= 0; k--) todo.push(entries[k][1], { raw: `${JSON.stringify(entries[k][0])}:` }, ...(k ? [{ raw: ',' }] : []));
    } else piece = JSON.stringify(x);
    out.push(piece);
    length += piece.length;
  }
  const s = out.join('');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
