// JSON as Go's encoding/json writes it, which is what PD (unrolled/render, IndentJSON) and TiDB send:
// numbers of any size written from their exact text (uint64 ids beyond 2^53), `<`, `>`, `&`,
// U+2028/U+2029 and control characters escaped as \u00XX, undefined object members left out (omitempty).

/** A JSON number written exactly as this text, e.g. a uint64 id that a JavaScript number would round. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type GoValue = null | boolean | number | string | RawNumber | undefined | GoValue[] | { [key: string]: GoValue };

const escapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\\b': '\\u0008',
  '\\f': '\\u000c',
};

export function goString(s: string): string {
  // JSON.stringify already writes \n \r \t \" \\ and \u00XX as Go does; only these differ (escape pairs are
  // matched whole so that an escaped backslash followed by `b` stays as it is)
  return JSON.stringify(s).replace(/\\.|[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c);
}

/** json.MarshalIndent(v, "", indent); `indent` '' gives json.Marshal's compact form. */
export function goJson(v: GoValue, indent = '  ', depth = 0): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof RawNumber) return v.text;
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  const pad = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const end = indent ? `\n${indent.repeat(depth)}` : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(v)) return v.length ? `[${v.map((x) => pad + goJson(x, indent, depth + 1)).join(',')}${end}]` : '[]';
  const members = Object.entries(v).filter(([, x]) => x !== undefined);
  return members.length ? `{${members.map(([k, x]) => `${pad}${goString(k)}${colon}${goJson(x, indent, depth + 1)}`).join(',')}${end}}` : '{}';
}

/** A uint64/int64 held as decimal text, written as a number. */
export const u64 = (decimal: string | bigint | number): RawNumber => new RawNumber(String(decimal));
