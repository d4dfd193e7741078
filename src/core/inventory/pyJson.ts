// Inventory values as JSON the way Python's json module writes them (what ansible-inventory --list prints):
// integers exact however large, floats in Python's repr, Infinity for an overflowing float. JSON.stringify
// cannot: it throws on a bigint and writes Infinity as null.

/** Python's repr() of a float. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() gives the shortest digits that read back as x, as repr() does
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.padEnd(e + 1, '0');
  const fraction = digits.slice(e + 1);
  return `${sign}${whole.slice(0, e + 1)}.${fraction || '0'}`;
}

/** A number of the model: an int when it is one below 2^53 (ints above are bigints), else a float. */
export function pyNumberText(x: number | bigint): string {
  if (typeof x === 'bigint') return String(x);
  return Number.isSafeInteger(x) && !Object.is(x, -0) ? String(x) : pyFloatRepr(x);
}

// json.dumps(ensure_ascii=False) writes a lone surrogate as is; printed to UTF-8 it becomes '?'
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string as json.dumps(ensure_ascii=False) writes it (printed to UTF-8). */
function jsonString(s: string): string {
  return JSON.stringify(SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '?') : s);
}

/** The slow, exact writer: for the rare value the fast path below cannot mark safely. */
function writeJson(value: unknown, indent: number): string {
  const pads: string[] = [];
  const pad = (depth: number) => (pads[depth] ??= indent ? '\n' + ' '.repeat(indent * depth) : '');
  const colon = indent ? ': ' : ':';
  const write = (v: unknown, depth: number): string => {
    switch (typeof v) {
      case 'string':
        return jsonString(v);
      case 'number':
      case 'bigint':
        return pyNumberText(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'object':
        break;
      default:
        return 'null';
    }
    if (v === null) return 'null';
    const inner = pad(depth + 1);
    let out = '';
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + inner + write(v[i], depth + 1);
      return out ? `[${out}${pad(depth)}]` : '[]';
    }
    const o = v as Record<string, unknown>;
    for (const key in o) {
      if (o[key] === undefined) continue;
      out += (out ? ',' : '') + inner + jsonString(key) + colon + write(o[key], depth + 1);
    }
    return out ? `{${out}${pad(depth)}}` : '{}';
  };
  return write(value, 0);
}

/** Whether a value holds anything JSON.stringify writes unlike Python: a bigint, a float, -0, Infinity, a lone surrogate. */
export function unusual(v: unknown): boolean {
  switch (typeof v) {
    case 'number':
      return !Number.isSafeInteger(v) || Object.is(v, -0);
    case 'bigint':
      return true;
    case 'string':
      return SURROGATE.test(v);
    case 'object':
      if (v === null) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (unusual(v[i])) return true;
        return false;
      }
      for (const key in v) if (unusual((v as Record<string, unknown>)[key]) || SURROGATE.test(key)) return true;
      return false;
    default:
      return false;
  }
}

// JSON.stringify is several times faster than any writer in JavaScript: it writes everything, and the few
// numbers it would write wrongly (bigints, floats, Infinity) go through it as marked strings replaced after.
const MARK = '\u0000';
const MARKED = /"\\u0000([^"]*)"/g;

/**
 * JSON text of a value (anything JSON.stringify takes, plus bigints and non-finite numbers), indented like
 * JSON.stringify. `inventory list` prints every host's variables through it.
 */
export function toJson(value: unknown, indent = 0): string {
  // most values need nothing of this (ints, plain text): a walk that says so costs less than the replacer
  if (!unusual(value)) return JSON.stringify(value, null, indent);
  let marked = false;
  let unsafe = false;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      switch (typeof v) {
        case 'number':
          if (Number.isSafeInteger(v) && !Object.is(v, -0)) return v;
          marked = true;
          return MARK + pyFloatRepr(v);
        case 'bigint':
          marked = true;
          return MARK + String(v);
        case 'string':
          // a mark or a lone surrogate in the text itself: the exact writer takes over
          if (v.includes(MARK) || SURROGATE.test(v)) unsafe = true;
          return v;
        default:
          return v;
      }
    },
    indent,
  );
  if (unsafe) return writeJson(value, indent);
  return marked ? text.replace(MARKED, '$1') : text;
}
