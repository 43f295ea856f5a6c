/**
 * Every DomainError code has its own bot text in fi, sv and en (the compiler checks the keys in
 * teams/error-texts.ts; this checks what a person sees): an error card shows that text, not the
 * generic one, and the three languages differ.
 */
import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../bot/src/domain/errors.js';
import { ERROR_TEXTS } from '../../bot/src/teams/error-texts.js';
import { errorCard } from '../../bot/src/teams/handlers.js';
import { tr, type BotLang } from '../../bot/src/teams/i18n.js';
import { cardText } from '../bot/client.js';

const CODES = Object.keys(ERROR_TEXTS.en).filter((k) => k !== 'generic') as ErrorCode[];
const LANGS: BotLang[] = ['fi', 'sv', 'en'];

describe('bot error texts', () => {
  it('cover every error code (49 or more) in every language', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(49);
    for (const lang of LANGS) expect(Object.keys(ERROR_TEXTS[lang]).sort()).toEqual(Object.keys(ERROR_TEXTS.en).sort());
  });

  it.each(LANGS)('%s: an error card shows the code’s own text', (lang) => {
    for (const code of CODES) {
      const shown = cardText(errorCard({ t: tr(lang), lang }, new DomainError(code, 'x')));
      expect(shown, code).toContain(ERROR_TEXTS[lang][code]);
      expect(ERROR_TEXTS[lang][code], code).not.toBe(ERROR_TEXTS[lang].generic);
    }
    expect(cardText(errorCard({ t: tr(lang), lang }, new Error('boom')))).toContain(ERROR_TEXTS[lang].generic);
  });

  it('Finnish, Swedish and English texts are not copies of each other', () => {
    for (const code of CODES) {
      const [fi, sv, en] = LANGS.map((l) => ERROR_TEXTS[l][code]);
      expect(new Set([fi, sv, en]).size, code).toBe(3);
    }
  });
});
