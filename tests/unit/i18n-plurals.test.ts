/**
 * Counts read as Finnish and Swedish (LANGUAGE.md §9, issue 18): every text that shows a count is
 * rendered through i18next with 0, 1 and 2 in fi and sv, and no rendering may put a plural or
 * partitive noun after "1" ("1 asiaa", "1 ärenden"). Every text with {{count}} has its _one and
 * _other forms; texts with another number ({{items}} asiaa) are checked the same way, with the
 * number 1 put in every placeholder.
 */
import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, placeholders, TAB_SRC } from './i18n-support.js';

const LANGS = ['fi', 'sv'] as const;
type Lang = (typeof LANGS)[number];

/**
 * A word after "1" that is a plural or partitive form: fi partitive (asiaa, päivää, paikkaa,
 * tarjousta, viikkoa, tuntia, minuuttia) and sv plural (ärenden, dagar, platser, veckor,
 * minuter, klienter). Words that end so in the nominative singular are listed as exceptions.
 */
const WRONG_AFTER_ONE: Record<Lang, { pattern: RegExp; except: Set<string> }> = {
  fi: { pattern: /(aa|ää|oa|öä|ua|yä|ta|tä|ia|iä)$/u, except: new Set(['kerta', 'asia', 'vapaa', 'kohta', 'merkintä']) },
  sv: { pattern: /(or|ar|er|erna|arna|orna|en)$/u, except: new Set(['meter', 'nummer', 'har', 'är', 'var', 'blir']) },
};

/**
 * The first "1 <plural or partitive noun>" in `one` (a text rendered with 1). With `two` (the
 * same text rendered with 2), only a word that stays the same for 2 counts: "1 kohta" / "2
 * kohtaa" is right, "1 asiaa" / "2 asiaa" is not.
 */
function wrongAfterOne(lang: Lang, one: string, two?: string): string | undefined {
  const { pattern, except } = WRONG_AFTER_ONE[lang];
  // "1 asiaa", "(1 ärenden)", but not "1.1.2026", "10", "1/2026" or "11".
  for (const m of one.matchAll(/(?<![\d.,/])1 (\p{L}+)/gu)) {
    const word = m[1]!.toLowerCase();
    if (!pattern.test(word) || except.has(word) || (lang === 'fi' && /(lta|ltä)$/.test(word))) continue; // ablative: "1 asialta"
    if (two !== undefined && !two.toLowerCase().includes(`2 ${word}`)) continue;
    return m[0];
  }
  return undefined;
}

const flat = Object.fromEntries(LANGS.map((l) => [l, loadLocale(l)])) as Record<Lang, Record<string, string>>;
const ts = {} as Record<Lang, TFunction>;

beforeAll(async () => {
  for (const lang of LANGS) {
    const i = i18next.createInstance();
    const resources = JSON.parse(readFileSync(path.join(TAB_SRC, 'i18n', `${lang}.json`), 'utf8'));
    await i.init({ lng: lang, resources: { [lang]: { translation: resources } }, interpolation: { escapeValue: false } });
    ts[lang] = i.t;
  }
});

/** Base keys of the plural texts (x_one, x_other → x). */
const pluralKeys = (lang: Lang) => [...new Set(Object.keys(flat[lang]).filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, '')))];

/** Every text whose placeholders include a number, with the number-like ones set to n. */
function render(lang: Lang, key: string, n: number): string {
  const text = flat[lang][key] ?? flat[lang][`${key}_other`] ?? '';
  const params: Record<string, unknown> = { count: n };
  for (const p of placeholders(text)) if (p !== 'count') params[p] = n;
  return ts[lang](key, params) as string;
}

describe('counts in fi and sv', () => {
  it('found the plural texts', () => {
    expect(pluralKeys('fi').length).toBeGreaterThan(20);
  });

  it.each(LANGS)('%s: every text with {{count}} has its _one and _other forms', (lang) => {
    const missing = Object.entries(flat[lang])
      .filter(([k, v]) => /\{\{\s*count\s*\}\}/.test(v) && !/_(one|other)$/.test(k))
      .map(([k]) => k);
    const halves = pluralKeys(lang).filter((k) => !(`${k}_one` in flat[lang]) || !(`${k}_other` in flat[lang]));
    expect({ missing, halves }).toEqual({ missing: [], halves: [] });
  });

  it.each(LANGS)('%s: every count key reads right with 0, 1 and 2', (lang) => {
    const bad: string[] = [];
    for (const key of pluralKeys(lang))
      for (const n of [0, 1, 2]) {
        const out = render(lang, key, n);
        if (out === key || /\{\{/.test(out)) bad.push(`${key} (${n}): not rendered: ${out}`);
        const wrong = n === 1 ? wrongAfterOne(lang, out, render(lang, key, 2)) : undefined;
        if (wrong) bad.push(`${key} (${n}): "${wrong}" in "${out}"`);
      }
    expect(bad).toEqual([]);
  });

  it.each(LANGS)('%s: no other text puts a fixed plural noun after a number placeholder', (lang) => {
    const bad: string[] = [];
    for (const [key, text] of Object.entries(flat[lang])) {
      if (/_(one|other)$/.test(key) || placeholders(text).length === 0) continue;
      const out = render(lang, key, 1);
      const wrong = wrongAfterOne(lang, out);
      if (wrong) bad.push(`${key}: "${wrong}" in "${out}"`);
    }
    expect(bad).toEqual([]);
  });

  it('would notice "1 asiaa" and "1 ärenden", and lets "1 asia", "1 ärende" and dates pass', () => {
    expect(wrongAfterOne('fi', 'Esityslistalla 1 asiaa')).toBe('1 asiaa');
    expect(wrongAfterOne('fi', '1 avointa tarjousta', '2 avointa tarjousta')).toBe('1 avointa');
    expect(wrongAfterOne('fi', 'Korjaa 1 kohta', 'Korjaa 2 kohtaa')).toBeUndefined();
    expect(wrongAfterOne('sv', '1 ärenden på listan')).toBe('1 ärenden');
    expect(wrongAfterOne('sv', '1 öppna ärenden')).toBeUndefined(); // adjective: caught on the noun by the Finnish twin
    expect(wrongAfterOne('fi', '1 asia · 1.1.2026 · 21 päivää')).toBeUndefined();
    expect(wrongAfterOne('sv', '1 ärende · 11 dagar')).toBeUndefined();
  });
});
