/** Dates and numbers in the UI language, always in Europe/Helsinki (the county's time). */
import { useTranslation } from 'react-i18next';

const TZ = 'Europe/Helsinki';
const LOCALE: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export const localeOf = (lang: string): string => LOCALE[lang] ?? 'fi-FI';

// Building an Intl.DateTimeFormat costs far more than formatting with one (a table of cases
// formats dozens of dates on every render): one per locale and options, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

/** A LocalDate 'YYYY-MM-DD' or an instant, as a date. */
export function formatDate(lang: string, value: string | undefined): string {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dtf(localeOf(lang), { timeZone: TZ, day: 'numeric', month: 'numeric', year: 'numeric' }).format(d);
}

/** The word before a clock time in running text (LANGUAGE.md §7): fi "klo", sv "kl.". */
const CLOCK_WORD: Record<string, string> = { fi: 'klo', sv: 'kl.' };

/** "5.12.2026 klo 9.05" / "5.12.2026 kl. 9.05" (Intl sv-FI leaves out "kl."). */
export function formatDateTime(lang: string, value: string | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const word = CLOCK_WORD[lang];
  return [formatDate(lang, value), word, formatTime(lang, value)].filter(Boolean).join(' ');
}

export function formatTime(lang: string, value: string | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dtf(localeOf(lang), { timeZone: TZ, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

export function formatWeekdayDate(lang: string, value: string | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return dtf(localeOf(lang), { timeZone: TZ, weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' }).format(d);
}

/** A span of time on one day: "ma 23.11.2026 klo 13.00–13.30", the date written once. */
export function formatSpan(lang: string, from: string | undefined, to: string | undefined): string {
  if (!from) return '';
  const word = CLOCK_WORD[lang];
  const times = to ? `${formatTime(lang, from)}–${formatTime(lang, to)}` : formatTime(lang, from);
  return [formatWeekdayDate(lang, from), word, times].filter(Boolean).join(' ');
}

/** Today in Helsinki as 'YYYY-MM-DD'. */
export function helsinkiToday(now = new Date()): string {
  return dtf('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** 'YYYY-MM-DDTHH:mm' in Helsinki time, for <input type="datetime-local">. */
export function helsinkiLocalInput(now = new Date()): string {
  const p = dtf('sv-SE', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return p.replace(' ', 'T');
}

/** A datetime-local value (Helsinki wall time) as an ISO instant with the right offset. */
export function helsinkiInputToInstant(local: string): string {
  const [date, time = '00:00'] = local.split('T');
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetAt = (d: Date) => Math.round((new Date(`${helsinkiLocalInput(d)}:00Z`).getTime() - d.getTime()) / 60_000);
  const instant = new Date(guess.getTime() - offsetAt(guess) * 60_000);
  const off = offsetAt(instant);
  const abs = Math.abs(off);
  const sign = off >= 0 ? '+' : '-';
  return `${helsinkiLocalInput(instant)}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    date: (v?: string) => formatDate(lang, v),
    dateTime: (v?: string) => formatDateTime(lang, v),
    time: (v?: string) => formatTime(lang, v),
    weekdayDate: (v?: string) => formatWeekdayDate(lang, v),
    span: (from?: string, to?: string) => formatSpan(lang, from, to),
    number: (n: number) => new Intl.NumberFormat(localeOf(lang)).format(n),
  };
}

/** 'YYYY-MM-DD' moved off a weekend to the next Monday (a default date someone acts on). */
export function weekdayOnOrAfter(d: string): string {
  const day = new Date(`${d}T12:00:00Z`).getUTCDay();
  const skip = day === 6 ? 2 : day === 0 ? 1 : 0;
  return skip ? new Date(Date.parse(`${d}T12:00:00Z`) + skip * 86_400_000).toISOString().slice(0, 10) : d;
}
