// Raw PD answers as text, shaped like PD 3.1 and 4.0 write them (../shared/PD-API.md): ids are
// written as given (so a test can send 2^64-1 or `1e21`), Up stores omit `state`, 3.1 omits zero fields.

export interface StoreSpec {
  /** Written into the JSON as is: `'61'`, `'"61"'`, `'1e21'`. */
  id: string;
  address: string;
  /** 0 Up (omitted, as PD does), 1 Offline, 2 Tombstone; `null` leaves it out whatever the name. */
  state?: 0 | 1 | 2 | null;
  /** Defaults to the name of `state`. `null` leaves it out. */
  stateName?: string | null;
  tiflash?: boolean;
  regions?: number;
  capacity?: string;
  available?: string;
  profile?: '3.1' | '4.0';
  extra?: Record<string, unknown>;
}

const NAMES = ['Up', 'Offline', 'Tombstone'];

export function storeEntry(s: StoreSpec): string {
  const store: string[] = [`"id": ${s.id}`, `"address": ${JSON.stringify(s.address)}`];
  const state = s.state ?? 0;
  if (s.state !== null && state !== 0) store.push(`"state": ${state}`);
  const name = s.stateName === undefined ? NAMES[state] : s.stateName;
  if (name !== null) store.push(`"state_name": ${JSON.stringify(name)}`);
  if (s.tiflash ?? true) store.push('"labels": [{"key": "engine", "value": "tiflash"}]');
  store.push('"version": "v4.0.16"');
  for (const [k, v] of Object.entries(s.extra ?? {})) store.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const regions = s.regions ?? 0;
  const status: string[] = [];
  if (s.profile !== '3.1' || regions) status.push(`"region_count": ${regions}`);
  if (s.profile !== '3.1') status.push('"leader_count": 0');
  status.push(`"capacity": ${JSON.stringify(s.capacity ?? '1TiB')}`, `"available": ${JSON.stringify(s.available ?? '900GiB')}`);
  return `{"store": {${store.join(', ')}}, "status": {${status.join(', ')}}}`;
}

/** `{"count": N, "stores": [...]}` with the count PD would send, unless told otherwise. */
export function storesBody(specs: readonly StoreSpec[], count = specs.length): string {
  return `{\n  "count": ${count},\n  "stores": [\n    ${specs.map(storeEntry).join(',\n    ')}\n  ]\n}`;
}
