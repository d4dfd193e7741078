// Line handling shared by the parser and the editor: BOM, line terminators, and text as Python reads it
// (Ansible strips lines with str.strip(), splits them with str.splitlines() and reads numbers with int()).

export interface SplitText {
  lines: string[];
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

/** The editor's lines (VS Code breaks lines at \n, \r\n and \r only). */
export function splitText(text: string): SplitText {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const first = /\r\n|\n|\r/.exec(body);
  const eol = (first ? first[0] : '\n') as SplitText['eol'];
  // a plain string split is several times faster than the regex, and most files have no \r at all
  return { lines: body.includes('\r') ? body.split(/\r\n|\n|\r/) : body.split('\n'), eol, bom };
}

/** What Python's str.isspace() says (the characters str.strip() removes), by UTF-16 code unit. */
function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python's whitespace as a regex class body (for patterns that Ansible writes with `\s`). */
export const PY_SPACE = String.raw`\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;

/** Number of leading characters Python's str.strip() would remove. */
export function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && isPySpace(line.charCodeAt(i))) i++;
  return i;
}

/** Length of `line` once Python's str.rstrip() has removed its trailing whitespace. */
export function strippedEnd(line: string): number {
  let i = line.length;
  while (i > 0 && isPySpace(line.charCodeAt(i - 1))) i--;
  return i;
}

/** Python's str.strip(). */
export function pyStrip(line: string): string {
  const start = leadingSpace(line);
  return start === line.length ? '' : line.slice(start, strippedEnd(line));
}

/** Line breaks of Python's str.splitlines() that the editor does not break at. */
// eslint-disable-next-line no-control-regex -- Python breaks lines at the file, group and record separators (U+001C-U+001E)
export const PY_ONLY_BREAK = /[\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** The parts of an editor line that Python reads as lines of their own, with their column. */
export function pyLines(line: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (!PY_ONLY_BREAK.test(line[i])) continue;
    out.push({ text: line.slice(start, i), offset: start });
    start = i + 1;
  }
  // like splitlines(), a break at the very end does not start one more (empty) line
  if (start < line.length || !out.length) out.push({ text: line.slice(start), offset: start });
  return out;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The value of a Unicode decimal digit: each script's digits are runs of 0 to 9 (Unicode guarantees it). */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

const INT_TEXT = new RegExp(String.raw`^[${PY_SPACE}]*([+-]?)(\p{Nd}(?:_?\p{Nd})*)[${PY_SPACE}]*$`, 'u');
/** Python 3.11 refuses to convert longer decimal strings (sys.int_info.default_max_str_digits). */
export const PY_MAX_INT_DIGITS = 4300;

/** Python's int(text) for a str: whitespace around, a sign, digits of any script with single underscores between them. */
export function pyInt(text: string): bigint | undefined {
  const m = INT_TEXT.exec(text);
  if (!m) return undefined;
  let digits = m[2].replace(/_/g, '');
  if (digits.length > PY_MAX_INT_DIGITS) return undefined;
  if (!/^[0-9]*$/.test(digits)) digits = [...digits].map((d) => String(digitValue(d))).join('');
  const value = BigInt(digits);
  return m[1] === '-' ? -value : value;
}

/** User text quoted in a message, cut to a readable length (a hostile line may be megabytes long). */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
