// The shape of a catalog: every id has an English and a Simplified Chinese text with the same {placeholders}.

export interface Entry {
  readonly en: string;
  readonly zh: string;
}

export type Catalog = Readonly<Record<string, Entry>>;

type Joined<P extends readonly string[]> = P extends readonly [infer H extends string, ...infer R extends readonly string[]] ? `${H}${Joined<R>}` : '';

/** A long text written in pieces (lines stay short): its type is still the whole literal, so placeholders stay checked. */
export function lines<const P extends readonly string[]>(...parts: P): Joined<P> {
  return parts.join('') as Joined<P>;
}
