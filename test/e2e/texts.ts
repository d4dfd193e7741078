// The extension's own texts as the workbench should show them in a display language, read from the
// files the extension ships: package.nls(.zh-cn).json for its contributions (view titles) and
// l10n/bundle.l10n.zh-cn.json for vscode.l10n.t (in English the key is the text).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { render, type Msg } from '../../src/core/l10n/message';
import type { MessageId } from '../../src/core/l10n/catalog';
import { repoRoot } from '../support/paths';

export type Locale = 'en' | 'zh-cn';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const CHINESE = /[\u4e00-\u9fff]/;
/** Three English words in a row: an English sentence (or part of one), not a product name, path or id. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}/;

export class Texts {
  private readonly nlsTable: Record<string, string>;
  private readonly bundle: Record<string, string> | undefined;

  constructor(readonly locale: Locale) {
    this.nlsTable = readJson(locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`);
    this.bundle = locale === 'en' ? undefined : readJson(`l10n/bundle.l10n.${locale}.json`);
  }

  /** A `%key%` of package.json. */
  nls(key: string): string {
    const v = this.nlsTable[key];
    if (v === undefined) throw new Error(`package.nls for ${this.locale} has no ${key}`);
    return v;
  }

  /** What `vscode.l10n.t(key, ...args)` shows. */
  t(key: string, ...args: string[]): string {
    return this.template(key).replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)]);
  }

  /** `t(key)` as a RegExp whose `{n}` placeholders match the regex sources in `args`. */
  pattern(key: string, ...args: string[]): RegExp {
    return new RegExp(escape(this.template(key)).replace(/\\\{(\d+)\\\}/g, (_, i: string) => `(?:${args[Number(i)]})`));
  }

  /** A core message (src/core/l10n) as the extension renders it. */
  core(m: Msg): string {
    return render(m, this.locale);
  }

  /** The core message `id` as a RegExp whose arguments match the regex sources in `args`. */
  corePattern(id: MessageId, args: Record<string, string>): RegExp {
    const token = (name: string) => `\u0000${name}\u0000`;
    const text = render({ id, args: Object.fromEntries(Object.keys(args).map((k) => [k, token(k)])) }, this.locale);
    return new RegExp(Object.entries(args).reduce((re, [k, source]) => re.replace(escape(token(k)), `(?:${source})`), escape(text)));
  }

  private template(key: string): string {
    if (!this.bundle) return key;
    const v = this.bundle[key];
    if (v === undefined) throw new Error(`l10n/bundle.l10n.${this.locale}.json has no ${JSON.stringify(key)}`);
    return v;
  }
}

/**
 * For the zh-cn pass: the text is Chinese (a translated text, not the English fallback) and holds no English
 * sentence once the `code` in it (commands, SQL statements: the same in every language) is taken out.
 */
export function assertChinese(what: string, text: string, code: readonly RegExp[] = []): void {
  const prose = code.reduce((t, re) => t.replace(re, ' '), text);
  if (!CHINESE.test(prose)) throw new Error(`${what} is not Chinese: ${JSON.stringify(text)}`);
  const english = ENGLISH_RUN.exec(prose);
  if (english) throw new Error(`${what} holds English (${JSON.stringify(english[0])}): ${JSON.stringify(text)}`);
}
