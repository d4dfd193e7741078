// The shape of a catalog: every id has an English and a Simplified Chinese text with the same {placeholders}.

export interface Entry {
  readonly en: string;
  readonly zh: string;
}

export type Catalog = Readonly<Record<string, Entry>>;
