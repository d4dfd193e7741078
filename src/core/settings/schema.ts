// Every `tiflash.*` setting the extension reads, typed, in one place. Defaults, minimums and the rest of
// each schema are declared once, in package.json's `contributes.configuration`: values are checked
// against that schema and a value it rejects (a wrong type, below the minimum) gives its default.

/** The parts of a contributed property that are read. */
export interface PropertySchema {
  type?: string | string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: { type?: string };
  scope?: string;
}

export type Contributed = Readonly<Record<string, PropertySchema>>;

/** Each key under `tiflash.` with the type the code expects. */
export const SETTINGS = {
  pdEndpoints: 'string[]',
  requestTimeoutMs: 'number',
  maxResponseMiB: 'number',
  'tls.caFile': 'string',
  'tls.certFile': 'string',
  'tls.keyFile': 'string',
  pollIntervalActiveMs: 'number',
  pollIntervalIdleMs: 'number',
  stuckDrainSeconds: 'number',
  ansiblePlaybookPath: 'string',
  playbookExtraArgs: 'string[]',
  confirmEachStep: 'boolean',
  tidbStatusEndpoints: 'string[]',
} as const;

export type SettingKey = keyof typeof SETTINGS;
type Kind = (typeof SETTINGS)[SettingKey];
type ValueOf<K extends Kind> = K extends 'string[]' ? string[] : K extends 'number' ? number : K extends 'string' ? string : boolean;
export type SettingValues = { readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> };

export const SECTION = 'tiflash';
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** `contributes.configuration` (one object or a list of them) as `tiflash.*` properties by their short key. */
export function contributedProperties(packageJson: unknown): Contributed {
  const configuration = (packageJson as { contributes?: { configuration?: unknown } } | undefined)?.contributes?.configuration;
  const nodes = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  const out: Record<string, PropertySchema> = {};
  for (const node of nodes as { properties?: Record<string, PropertySchema> }[]) {
    for (const [key, schema] of Object.entries(node.properties ?? {})) if (key.startsWith(`${SECTION}.`)) out[key.slice(SECTION.length + 1)] = schema;
  }
  return out;
}

/** Whether `value` is a `kind` that `schema` accepts. */
export function accepts(kind: Kind, schema: PropertySchema, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.minimum === undefined || value >= schema.minimum) &&
        (schema.maximum === undefined || value <= schema.maximum)
      );
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

export interface SettingProblem {
  key: SettingKey;
  value: unknown;
}

/** Every setting from `get` (VS Code's resolved value), checked; a rejected value is replaced by the contributed default and reported. */
export function readSettings(contributed: Contributed, get: (key: SettingKey) => unknown): { values: SettingValues; problems: SettingProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const key of SETTING_KEYS) {
    const schema = contributed[key];
    if (!schema || !accepts(SETTINGS[key], schema, schema.default)) throw new Error(`package.json declares no valid default for ${SECTION}.${key}`);
    const value = get(key);
    if (value === undefined || accepts(SETTINGS[key], schema, value)) values[key] = value ?? schema.default;
    else {
      problems.push({ key, value });
      values[key] = schema.default;
    }
  }
  return { values: values as unknown as SettingValues, problems };
}

/** What VS Code reports of one setting (`WorkspaceConfiguration.inspect`). */
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type SettingsTarget = 'user' | 'workspace' | 'folder';

/**
 * Where to open a setting so that an edit takes effect: the most specific place that sets it (folder,
 * workspace, user), else the folder of a multi-root workspace or the workspace (a cluster's PD belongs
 * to its tidb-ansible folder, not to the user).
 */
export function whereToEdit(i: Inspected, multiRoot: boolean): SettingsTarget {
  if (multiRoot && i.workspaceFolderValue !== undefined) return 'folder';
  if (i.workspaceValue !== undefined || i.workspaceFolderValue !== undefined) return 'workspace';
  if (i.globalValue !== undefined) return 'user';
  return multiRoot ? 'folder' : 'workspace';
}
