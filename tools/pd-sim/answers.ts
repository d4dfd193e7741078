// The kinds of HTTP answer PD sends: indented JSON from unrolled/render, errcode objects (3.1, and
// input errors in 4.0) with the TiDB-Error-Code header, net/http's plain-text errors, and empty ones.

import { type GoValue, goJson } from './goJson';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** render.JSON with IndentJSON: two-space indent, then a newline. */
export const pdJson = (status: number, value: GoValue): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=UTF-8' },
  body: `${goJson(value)}\n`,
});

/** http.Error / http.NotFound: plain text and a newline. */
export const plainText = (status: number, text: string): Answer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  body: `${text}\n`,
});

/** gorilla/mux's answer to a known path with the wrong method. */
export const emptyAnswer = (status: number): Answer => ({ status, headers: {}, body: '' });

export const notFound = (): Answer => plainText(404, '404 page not found');

const ERRCODE_STATUS: Record<string, number> = { input: 400, missing: 404, 'state.store.tombstoned': 410, internal: 500 };

/** apiutil.ErrorResp of a pingcap/errcode error: `{"code","msg","data","operation"?}` and its header. */
export function errcode(code: string, msg: string, data: GoValue, operation?: string): Answer {
  const a = pdJson(ERRCODE_STATUS[code] ?? 400, { code, msg, data, operation });
  a.headers['tidb-error-code'] = code;
  return a;
}

/** strconv.Quote as Go writes it in error messages (close enough for ASCII input). */
export const goQuote = (s: string): string => JSON.stringify(s);

const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;

/** strconv.ParseUint(s, 10, 64): the canonical decimal text, or Go's error message. */
export function parseUint64(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/^\d+$/.test(s)) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s);
  return v > U64_MAX ? { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: value out of range` } : { ok: true, value: v.toString() };
}

/** strconv.Atoi on a 64-bit build. */
export function atoi(s: string): { ok: true; value: bigint } | { ok: false; error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s);
  return v > I64_MAX || v < -I64_MAX - 1n ? { ok: false, error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` } : { ok: true, value: v };
}

/** strconv.ParseBool. */
export function parseBool(s: string): { ok: true; value: boolean } | { ok: false; error: string } {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return { ok: true, value: true };
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}

export type JsonObject = { [key: string]: unknown };

/**
 * apiutil.ReadJSONRespondError into a Go map or struct: a body that is not a JSON object is answered
 * 400 with errcode "input" and encoding/json's message (`null` decodes to an empty object, as in Go).
 */
export function readJsonObject(body: string): { ok: true; value: JsonObject } | { ok: false; answer: Answer } {
  const trimmed = body.trim();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const first = trimmed[0];
    const unfinished = !trimmed || /^[[{"\-\d tfn]/.test(first);
    const msg = unfinished ? 'unexpected end of JSON input' : `invalid character ${goQuote(first).replace(/^"|"$/g, "'")} looking for beginning of value`;
    return { ok: false, answer: errcode('input', msg, { Offset: unfinished ? body.length : body.indexOf(first) + 1 }) };
  }
  if (value === null) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
    return {
      ok: false,
      answer: errcode('input', `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`, {
        Value: kind,
        Type: {},
        Offset: body.length,
        Struct: '',
        Field: '',
      }),
    };
  }
  return { ok: true, value: value as JsonObject };
}
