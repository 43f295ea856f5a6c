/**
 * Issue 11, "Tokens and text": the notice check reads a henkilötunnus however it is written, a
 * notice's only link is its link field, and names and free text refuse control characters,
 * bidi overrides and lone surrogates.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Name, Required, Text, unsafeTextReason } from '../../bot/src/contract/common.js';
import { containsLink, looksLikeClientData } from '../../bot/src/domain/notices/index.js';
import { hetuCheckChar } from '../../bot/src/domain/hetu/index.js';

// A test-range henkilötunnus (individual number 900–999).
const HETU = `010190-900${hetuCheckChar('010190900')}`;
const CHECK = HETU.at(-1)!;

describe('the notice check for client data', () => {
  const fullWidth = (s: string) => s.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '\uFF0D' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  const ways: Array<[string, string]> = [
    ['plain', `Asiakas ${HETU} muutti`],
    ['with zero-width spaces', `Asiakas 0101\u200B90-90\u200C0${CHECK}`],
    ['with a soft hyphen and a word joiner', `0101\u00AD90-\u2060900${CHECK}`],
    ['with bidi controls', `\u202E010190-900${CHECK}\u202C`],
    ['with an isolate around it', `\u2066010190-900${CHECK}\u2069`],
    ['with spaces inside the digits', `0 1 0 1 9 0 - 9 0 0 ${CHECK}`],
    ['with spaces around the sign', `010190 - 900${CHECK}`],
    ['with dashes inside the date', `01-01-90-900${CHECK}`],
    ['with an en dash as the sign', `010190\u2013900${CHECK}`],
    ['with a non-breaking hyphen', `010190\u2011900${CHECK}`],
    ['with the minus sign', `010190\u2212900${CHECK}`],
    ['in full-width digits', fullWidth(HETU)],
    ['with no-break spaces', `0101\u00A090-900${CHECK}`],
    ['with dots', `01.01.90-900${CHECK}`],
    ['glued to words', `asiakas${HETU}muutti`],
    ['a 2023 century sign', `010101Y900${hetuCheckChar('010101900')}`],
  ];
  for (const [name, text] of ways) it(`refuses a henkilötunnus written ${name}`, () => expect(looksLikeClientData(text)).toBe(true));

  it('refuses a case reference with spaces or invisible characters in it', () => {
    expect(looksLikeClientData('Katso P-2026-ABC234')).toBe(true);
    expect(looksLikeClientData('Katso P - 2026 - ABC234')).toBe(true);
    expect(looksLikeClientData('Katso P-2026\u200B-ABC234')).toBe(true);
  });

  it('lets ordinary notices through: dates, times, phone numbers, years', () => {
    for (const text of [
      'SAP-kokous siirtyy 12.3.2026 klo 10–11.',
      'Kysymykset: 040 123 4567 tai 09 816 4000.',
      'Kriteerit päivitetty (versio 2026-03). Voimassa 1.4.2026 alkaen.',
      'Uusi ohje koskee 1 200 asiakasta ja 35 yksikköä.',
    ])
      expect(looksLikeClientData(text), text).toBe(false);
  });
});

describe('links in a notice come only from its link field', () => {
  const refused = [
    'Lue [uusi ohje](https://evil.example/ohje)',
    'Lue [ohje] (https://evil.example/ohje)',
    '[ohje]: https://evil.example/ohje',
    'Katso <https://evil.example/ohje>',
    'Katso <a href="https://evil.example">ohje</a>',
    'Katso https://intra.example.fi/ohje',
    'Katso ｈｔｔｐｓ://evil.example',
    'Katso www.evil.example/ohje',
    'Klikkaa javascript:alert(1)',
  ];
  for (const text of refused) it(`refuses ${JSON.stringify(text)}`, () => expect(containsLink(text)).toBe(true));
  it('allows text with brackets, e-mail addresses and dotted abbreviations', () => {
    for (const text of ['Kriteerit [luonnos] päivitetty (ks. liite).', 'Kysy: kirjaamo@example.fi', 'ns. kotiin tukeminen, esim. Lohja', 'Klo 9.00–10.00'])
      expect(containsLink(text), text).toBe(false);
  });
});

describe('names and free text', () => {
  const body = z.object({ name: Name(100), need: Text(4000), title: Required(200) });
  const fieldOf = (input: Record<string, string>) => {
    const r = body.safeParse({ name: 'Testi', need: 'Tarve', title: 'Otsikko', ...input });
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('refuses control characters, bidi overrides and lone surrogates, naming the field', () => {
    expect(fieldOf({ name: 'Testi\u202EnemiA' })).toEqual(['name: Contains a text direction control character']);
    expect(fieldOf({ name: 'Tes\u0000ti' })).toEqual(['name: Contains a control character or line break']);
    expect(fieldOf({ name: 'Testi\nHenkilö' })).toEqual(['name: Contains a control character or line break']);
    expect(fieldOf({ need: 'Tarve\u0007' })).toEqual(['need: Contains a control character']);
    expect(fieldOf({ need: 'Tarve \u2067x\u2069' })).toEqual(['need: Contains a text direction control character']);
    expect(fieldOf({ title: 'Otsikko \uD800' })).toEqual(['title: Contains a broken character (a lone surrogate)']);
    expect(fieldOf({ need: '\uDC00 alku' })).toEqual(['need: Contains a broken character (a lone surrogate)']);
    expect(fieldOf({ need: 'C1 \u0085 merkki' })).toEqual(['need: Contains a control character']);
  });
  it('keeps line breaks and tabs in free text, and every real letter and emoji', () => {
    expect(fieldOf({ need: 'Rivi 1\nRivi 2\r\n\tsisennys' })).toBeNull();
    expect(fieldOf({ name: 'Åsa-Märta Ñúñez Đặng Ørsted', need: 'Asiakas kertoi 😊 ja ‹lainaus›', title: 'Ohje — päivitys' })).toBeNull();
    expect(unsafeTextReason('עברית ja العربية')).toBeUndefined();
  });
});
