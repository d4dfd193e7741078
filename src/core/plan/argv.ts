// The one place that turns an argument vector into a shell command line.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: safe words stay bare, everything else goes in single quotes. */
export function quoteArg(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(argv: string[]): string {
  return argv.map(quoteArg).join(' ');
}

/** An inventory name that may reach a terminal: an IP or a plain Ansible host name. */
export function isSafeHostName(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252})$/.test(name) || /^[0-9a-fA-F:]+$/.test(name);
}
