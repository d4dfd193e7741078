// Messages are data: an id from the catalog and named arguments, rendered in English or Simplified
// Chinese only where they are shown (the extension, the CLI). The core never builds a sentence.

import { CATALOG, type MessageId } from './catalog';

export type Lang = 'en' | 'zh-cn';

/** What may fill a placeholder: text, a number, another message, or a list of those (joined per language). */
export type Arg = string | number | Msg | readonly Arg[];

export interface Msg {
  readonly id: MessageId;
  readonly args: Readonly<Record<string, Arg>>;
}

/** `{name}` placeholders of a catalog text, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ArgsOf<K extends MessageId> = [Placeholders<(typeof CATALOG)[K]['en']>] extends [never]
  ? []
  : [args: Record<Placeholders<(typeof CATALOG)[K]['en']>, Arg>];

const NO_ARGS: Readonly<Record<string, Arg>> = Object.freeze({});

/** A message: the compiler checks the id and that every placeholder gets an argument. */
export function msg<K extends MessageId>(id: K, ...args: ArgsOf<K>): Msg {
  return { id, args: args[0] ?? NO_ARGS };
}

const LIST_SEPARATOR: Record<Lang, string> = { en: ', ', 'zh-cn': '、' };

export function render(m: Msg, lang: Lang): string {
  const entry = CATALOG[m.id];
  const text = lang === 'zh-cn' ? entry.zh : entry.en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in m.args ? renderArg(m.args[name], lang) : whole));
}

function renderArg(a: Arg, lang: Lang): string {
  if (typeof a === 'string') return a;
  if (typeof a === 'number') return String(a);
  if (isMsg(a)) return render(a, lang);
  return a.map((x) => renderArg(x, lang)).join(LIST_SEPARATOR[lang]);
}

export function isMsg(v: unknown): v is Msg {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Msg).id === 'string' && (v as Msg).id in CATALOG;
}

/** A stable text key of a message (id and arguments), for sorting and comparing without rendering. */
export function msgKey(m: Msg): string {
  return `${m.id}${JSON.stringify(m.args)}`;
}

/**
 * The CLI's language: `--lang` when given, else the POSIX locale variables in their order of
 * precedence (LC_ALL, LC_MESSAGES, LANG): `zh_CN.*` is Chinese, anything else English.
 */
export function langFromEnv(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  if (flag !== undefined) return parseLang(flag);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh[_-](CN|Hans)\b/i.test(locale) ? 'zh-cn' : 'en';
}

/** `en` or `zh-cn` (also `zh`, `zh_CN`, `zh-Hans`); undefined for anything else. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans' || v.startsWith('zh-cn.')) return 'zh-cn';
  return undefined;
}

/** VS Code's display language (`vscode.env.language`, e.g. `zh-cn`, `en`, `de`). */
export function langFromDisplay(language: string): Lang {
  return /^zh-(cn|hans)/i.test(language) ? 'zh-cn' : 'en';
}
