/**
 * The bot's texts: fi, sv, en through i18next (locales/*.json). The language follows the
 * activity's locale: fi-*, sv-*, otherwise English. Error codes are keys too (errors.<code>).
 */
import i18next, { type TFunction } from 'i18next';
import fi from './locales/fi.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export type BotLang = 'fi' | 'sv' | 'en';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: 'fi',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** 'fi-FI' → fi, 'sv-SE' / 'sv-FI' → sv, anything else → en. */
export function langOf(locale: string | undefined | null): BotLang {
  const l = (locale ?? '').toLowerCase();
  if (l === 'fi' || l.startsWith('fi-')) return 'fi';
  if (l === 'sv' || l.startsWith('sv-')) return 'sv';
  return 'en';
}

export function tr(lang: BotLang): TFunction {
  return i18n.getFixedT(lang);
}

export function hasKey(lang: BotLang, key: string): boolean {
  return i18n.exists(key, { lng: lang });
}

/** Intl locale for dates and times of a language. */
export const intlLocale: Record<BotLang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const fmt = new Map<string, Intl.DateTimeFormat>();
function format(lang: BotLang, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const k = `${lang}:${kind}`;
  let f = fmt.get(k);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'Europe/Helsinki' };
    if (kind !== 'time') Object.assign(opts, { weekday: 'short', day: 'numeric', month: 'numeric' });
    if (kind !== 'date') Object.assign(opts, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    f = new Intl.DateTimeFormat(intlLocale[lang], opts);
    fmt.set(k, f);
  }
  return f;
}

/** Helsinki wall-clock text of an instant ('ti 24.11. klo 9.00' style, per language). */
export const dateTime = (lang: BotLang, at: string) => format(lang, 'dateTime').format(new Date(at));
export const timeOf = (lang: BotLang, at: string) => format(lang, 'time').format(new Date(at));
/** A LocalDate ('2026-11-24') as the language writes it. */
export const dateOf = (lang: BotLang, d: string) => format(lang, 'date').format(new Date(`${d}T12:00:00Z`));
