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
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function str(s: string): string {
  return JSON.stringify(s.replace(LONE_SURROGATE, '?'));
}

/** JSON text of a value (anything JSON.stringify takes, plus bigints and non-finite numbers), indented like JSON.stringify. */
export function toJson(value: unknown, indent = 0): string {
  const out: string[] = [];
  const write = (v: unknown, depth: number) => {
    if (v === null || v === undefined) out.push('null');
    else if (typeof v === 'string') out.push(str(v));
    else if (typeof v === 'number' || typeof v === 'bigint') out.push(pyNumberText(v));
    else if (typeof v === 'boolean') out.push(v ? 'true' : 'false');
    else if (Array.isArray(v)) container('[', ']', v.map((x) => [undefined, x] as const), depth);
    else container('{', '}', Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined), depth);
  };
  const container = (open: string, close: string, items: readonly (readonly [string | undefined, unknown])[], depth: number) => {
    if (!items.length) return void out.push(open + close);
    const pad = indent ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
    out.push(open);
    items.forEach(([key, x], i) => {
      out.push(i ? ',' + pad : pad);
      if (key !== undefined) out.push(str(key), indent ? ': ' : ':');
      write(x, depth + 1);
    });
    out.push(indent ? '\n' + ' '.repeat(indent * depth) + close : close);
  };
  write(value, 0);
  return out.join('');
}

