// Nothing secret is written to the journal or the log: values of secret-looking keys are masked wherever
// `key=value` or `"key": "value"` text appears (inventory lines in diffs, PD answers, command lines).

const SECRET_KEY = /(pass(word|wd)?|secret|token|private[_-]?key|credential)/i;

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

export const MASK = '********';

/** Every string inside `value`, redacted (objects and arrays walked; keys that look secret mask their whole value). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && (typeof v === 'string' || typeof v === 'number') ? MASK : redactDeep(v)])) as T;
  }
  return value;
}

/** `key=value`, `key = value` and `"key": "value"` with a secret-looking key get their value masked. */
export function redact(text: string): string {
  return text
    .replace(/([A-Za-z0-9_.-]+)(\s*=\s*)("[^"]*"|'[^']*'|\S+)/g, (whole, key: string, eq: string) => (isSecretKey(key) ? `${key}${eq}${MASK}` : whole))
    .replace(/"([^"]+)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g, (whole, key: string, colon: string) => (isSecretKey(key) ? `"${key}"${colon}"${MASK}"` : whole));
}
