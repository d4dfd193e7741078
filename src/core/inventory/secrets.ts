// Values that must never be shown or written as they are: passwords, secrets, tokens, private keys. One
// decision for the hover, the logs and the operation journal.

import { toJson } from './pyJson';
import type { Value } from './types';

/** What stands for a hidden value (its length is not the secret's). */
export const SECRET_MASK = '••••••';

const SECRET_WORDS = /password|passwd|passphrase|secret|token|credential|private_?key|api_?key|access_?key/;
const SECRET_PARTS = new Set(['pass', 'pwd', 'pw']);
// a key that names a file or a folder holds a path, not the secret itself
const PATH_KEY = /_(?:file|path|dir)$/;

/** Whether a variable's name says it holds a secret (`grafana_admin_password`, `ansible_ssh_pass`, `*_token`, ...). */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (PATH_KEY.test(k)) return false;
  return SECRET_WORDS.test(k) || k.split(/[_.-]/).some((part) => SECRET_PARTS.has(part));
}

/** The value as it may be shown: JSON text, or the mask for a secret that is set. */
export function shownValue(key: string, value: Value): string {
  return isSecretKey(key) && value !== null && value !== '' ? SECRET_MASK : toJson(value);
}

const KEY_VALUE = /(["']?)([\w.-]+)\1(\s*[=:]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;}\]]+)/g;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/** A text (a log line, an argv joined, a JSON answer) with the value of every secret-looking `key=value`, `key: value` and private key masked. */
export function redactSecrets(text: string): string {
  return text.replace(PEM_PRIVATE_KEY, SECRET_MASK).replace(KEY_VALUE, (whole, quote: string, key: string, sep: string, value: string) => {
    if (!isSecretKey(key)) return whole;
    const q = value[0] === '"' || value[0] === "'" ? value[0] : '';
    return `${quote}${key}${quote}${sep}${q}${SECRET_MASK}${q}`;
  });
}
