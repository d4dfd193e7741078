// Quoting exists only to *show* a command (the preview, the journal, the CLI's text output) so that a POSIX
// shell splits the line back into exactly the argument vector that runs. Nothing is ever run through a shell.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: safe words stay bare, everything else goes in single quotes. */
export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}
