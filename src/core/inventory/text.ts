// Line handling shared by the parser and the editor: BOM, line terminators, Python's strip().

export interface SplitText {
  lines: string[];
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
}

export function splitText(text: string): SplitText {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const first = /\r\n|\n|\r/.exec(body);
  const eol = (first ? first[0] : '\n') as SplitText['eol'];
  // a plain string split is several times faster than the regex, and most files have no \r at all
  return { lines: body.includes('\r') ? body.split(/\r\n|\n|\r/) : body.split('\n'), eol, bom };
}

/** Number of leading whitespace characters (what Python's str.strip() would remove on the left). */
export function leadingSpace(line: string): number {
  return line.length - line.trimStart().length;
}
