// The core's message catalog: every id in both languages with the same placeholders, no id twice,
// Chinese text in Chinese (PD's state names and product words excepted), rendering and language choice.

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG, DOMAINS } from '../../src/core/l10n/catalog';
import { langFromDisplay, langFromEnv, msg, parseLang, render } from '../../src/core/l10n/message';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;
/** Ids whose Chinese is the same word as the English one (PD prints these names in every language). */
const SAME_IN_BOTH = new Set(['state.Up', 'state.Offline', 'state.Tombstone', 'state.Disconnected', 'state.Down', 'bridge.text']);

describe('message catalog', () => {
  it('has both languages for every id, with the same placeholders', () => {
    for (const [id, e] of Object.entries(CATALOG)) {
      assert.ok(e.en.trim() && e.zh.trim(), `${id}: empty text`);
      assert.deepEqual(placeholders(e.zh), placeholders(e.en), `${id}: placeholders differ`);
    }
  });

  it('defines no id in two domains', () => {
    const seen = new Map<string, string>();
    for (const [domain, entries] of Object.entries(DOMAINS)) {
      for (const id of Object.keys(entries)) {
        assert.ok(!seen.has(id), `${id} is in ${seen.get(id)} and ${domain}`);
        seen.set(id, domain);
      }
    }
    assert.equal(seen.size, Object.keys(CATALOG).length);
  });

  it('writes Chinese in Chinese and English without Chinese', () => {
    for (const [id, e] of Object.entries(CATALOG)) {
      assert.ok(!HAN.test(e.en), `${id}: Chinese in the English text`);
      if (!SAME_IN_BOTH.has(id)) assert.ok(HAN.test(e.zh), `${id}: the Chinese text has no Chinese: ${e.zh}`);
    }
  });

  it('renders arguments, nested messages and lists in the chosen language', () => {
    const m = msg('state.NotInPd');
    assert.equal(render(m, 'en'), 'not in PD');
    assert.equal(render(m, 'zh-cn'), '不在 PD 中');
  });

  it('picks the CLI language from --lang, then LC_ALL, LC_MESSAGES, LANG', () => {
    assert.equal(langFromEnv(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(langFromEnv(undefined, { LANG: 'C' }), 'en');
    assert.equal(langFromEnv(undefined, {}), 'en');
    assert.equal(langFromEnv(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(langFromEnv(undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.GB18030', LANG: 'C' }), 'zh-cn');
    assert.equal(langFromEnv(undefined, { LANG: 'zh_TW.UTF-8' }), 'en');
    assert.equal(langFromEnv('zh-cn', { LANG: 'C' }), 'zh-cn');
    assert.equal(langFromEnv('en', { LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(langFromEnv('fr', {}), undefined, "an unknown --lang is the caller's error to report");
    assert.equal(parseLang('zh_CN'), 'zh-cn');
    assert.equal(langFromDisplay('zh-cn'), 'zh-cn');
    assert.equal(langFromDisplay('en'), 'en');
    assert.equal(langFromDisplay('de'), 'en');
  });
});
