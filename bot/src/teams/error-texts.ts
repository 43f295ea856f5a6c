/**
 * Every DomainError code has a bot text in fi, sv and en: the locale files' `errors` objects are
 * typed here as Record<ErrorCode, string>, so a new code without a text in one of the three
 * languages does not compile. The texts are still read through i18next (errors.<code>).
 */
import type { ErrorCode } from '../domain/errors.js';
import en from './locales/en.json' with { type: 'json' };
import fi from './locales/fi.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };
import type { BotLang } from './i18n.js';

/** The bot's error texts per language: every ErrorCode, and 'generic' for anything else. */
export const ERROR_TEXTS: Record<BotLang, Record<ErrorCode | 'generic', string>> = { fi: fi.errors, sv: sv.errors, en: en.errors };

/** The i18n key of an error's text: errors.<code> for a DomainError code, otherwise errors.generic. */
export function errorKey(code: string | undefined): `errors.${ErrorCode | 'generic'}` {
  return code !== undefined && Object.hasOwn(ERROR_TEXTS.en, code) ? `errors.${code as ErrorCode}` : 'errors.generic';
}
