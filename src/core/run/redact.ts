// Nothing secret reaches the journal: every string of an entry is redacted with the inventory's own
// decision of what is secret (`src/core/inventory/secrets.ts`), and a field whose name says it holds a
// secret is masked whole.

import { isSecretKey, redactSecrets, SECRET_MASK } from '../inventory/secrets';

/** Every string inside `value`, redacted (objects and arrays walked, before the entry becomes JSON text). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecretKey(k) && (typeof v === 'string' || typeof v === 'number') ? SECRET_MASK : redactDeep(v)]),
    ) as T;
  }
  return value;
}
