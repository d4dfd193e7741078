// POSIX shlex.split(line, comments=True), as Ansible's ini plugin uses for host lines,
// plus the column span of each token so edits and diagnostics can point at it.

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** `quote`: a quote is never closed; `escape`: a backslash ends the line. */
export type ShlexResult = { ok: true; tokens: Token[] } | { ok: false; error: 'quote' | 'escape' };

const WHITESPACE = ' \t\r\n';

const NEEDS_SHLEX = /['"\\]/;
// runs of characters that need no decision, taken at once (a hostile line may be megabytes long)
const ORDINARY = /[^ \t\r\n#\\'"]+/y;
const IN_DOUBLE_QUOTES = /[^"\\]+/y;

function run(re: RegExp, line: string, at: number): string {
  re.lastIndex = at;
  return re.exec(line)?.[0] ?? '';
}

export function shlexSplit(line: string): ShlexResult {
  // most host lines have no quote or escape: then words are what whitespace separates, up to a comment
  if (!NEEDS_SHLEX.test(line)) return { ok: true, tokens: words(line) };
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (WHITESPACE.includes(ch)) {
      i++;
      continue;
    }
    if (ch === '#') break; // a comment runs to the end of the line
    const start = i;
    let text = '';
    let quoted = false;
    let done = false;
    while (i < line.length && !done) {
      const c = line[i];
      if (WHITESPACE.includes(c)) {
        done = true;
      } else if (c === '#') {
        // shlex ends the word and drops the rest of the line
        tokens.push({ text, start, end: i });
        return { ok: true, tokens };
      } else if (c === '\\') {
        if (i + 1 >= line.length) return { ok: false, error: 'escape' };
        text += line[i + 1];
        i += 2;
      } else if (c === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) return { ok: false, error: 'quote' };
        text += line.slice(i + 1, close);
        quoted = true;
        i = close + 1;
      } else if (c === '"') {
        i++;
        let closed = false;
        while (i < line.length) {
          const d = line[i];
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === '\\') {
            if (i + 1 >= line.length) return { ok: false, error: 'escape' };
            const next = line[i + 1];
            // inside double quotes a backslash only escapes a quote or another backslash
            text += next === '"' || next === '\\' ? next : d + next;
            i += 2;
            continue;
          }
          const plain = run(IN_DOUBLE_QUOTES, line, i);
          text += plain;
          i += plain.length;
        }
        if (!closed) return { ok: false, error: 'quote' };
        quoted = true;
      } else {
        const plain = run(ORDINARY, line, i);
        text += plain;
        i += plain.length;
      }
    }
    if (text || quoted) tokens.push({ text, start, end: i });
  }
  return { ok: true, tokens };
}

// a word, or the `#` that ends the words of the line (inside a word too: shlex ends the word there)
const WORD = /[^ \t\r\n#]+|#/g;

/** What whitespace separates, with columns, up to a `#`. The regex engine scans: this runs for every host line of a file. */
function words(line: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m && m[0] !== '#'; m = WORD.exec(line)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}
