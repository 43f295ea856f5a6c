/**
 * LocalDate ('YYYY-MM-DD') arithmetic and Europe/Helsinki conversions.
 * Pure: no clock reads, and nothing depends on the machine's time zone (all arithmetic is done
 * on UTC midnights; Helsinki wall time comes from Intl with an explicit timeZone).
 */
import { DomainError } from '../errors.js';
import type { Instant, LocalDate } from '../types.js';

const DAY_MS = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const HELSINKI_TZ = 'Europe/Helsinki';

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Like Date.UTC, but years 0–99 are not mapped to 1900–1999. */
const utcMs = (year: number, month0: number, day: number, h = 0, mi = 0, s = 0): number => {
  const dt = new Date(0);
  dt.setUTCFullYear(year, month0, day);
  dt.setUTCHours(h, mi, s, 0);
  return dt.getTime();
};

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export const daysInMonth = (year: number, month: number): number =>
  new Date(utcMs(year, month, 0)).getUTCDate();

const partsOf = (d: string): DateParts | null => {
  const m = LOCAL_DATE_RE.exec(d);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
};

/** True for a real calendar date written 'YYYY-MM-DD'. */
export const isLocalDate = (d: unknown): d is LocalDate => typeof d === 'string' && partsOf(d) !== null;

/** Parses a LocalDate; throws DomainError('validation') for anything else. */
export const parseLocalDate = (d: LocalDate): DateParts => {
  const p = typeof d === 'string' ? partsOf(d) : null;
  if (!p) throw new DomainError('validation', `Not a date (YYYY-MM-DD): ${String(d)}`, { value: String(d) });
  return p;
};

export const formatLocalDate = ({ year, month, day }: DateParts): LocalDate =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** UTC midnight of the date, as epoch milliseconds (used only for arithmetic). */
const toEpochDay = (d: LocalDate): number => {
  const { year, month, day } = parseLocalDate(d);
  return utcMs(year, month - 1, day) / DAY_MS;
};

const fromEpochDay = (n: number): LocalDate => {
  const dt = new Date(n * DAY_MS);
  return formatLocalDate({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() });
};

const assertInteger = (n: number, what: string): void => {
  if (!Number.isSafeInteger(n)) throw new DomainError('validation', `${what} must be an integer: ${n}`, { value: n });
};

/** d + n calendar days (n may be negative). */
export const addDays = (d: LocalDate, n: number): LocalDate => {
  assertInteger(n, 'days');
  return fromEpochDay(toEpochDay(d) + n);
};

/**
 * d + n months, clamped to the last day of the target month (määräaikalaki 150/1930 3 §):
 * 2025-01-31 + 1 month = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29.
 */
export const addMonths = (d: LocalDate, n: number): LocalDate => {
  assertInteger(n, 'months');
  const { year, month, day } = parseLocalDate(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatLocalDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
};

/** Calendar days from a to b (b − a); negative when b is before a. */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toEpochDay(b) - toEpochDay(a);

/** Day of week, ISO numbering: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate): number => {
  const w = new Date(toEpochDay(d) * DAY_MS).getUTCDay();
  return w === 0 ? 7 : w;
};

export const compareLocalDate = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const minLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxLocalDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

// ---- Europe/Helsinki ------------------------------------------------------------------------

const helsinkiFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: HELSINKI_TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const toDate = (instant: Instant | Date): Date => {
  const dt = instant instanceof Date ? instant : typeof instant === 'string' ? new Date(instant) : new Date(NaN);
  if (Number.isNaN(dt.getTime())) {
    throw new DomainError('validation', `Not an instant: ${String(instant)}`, { value: String(instant) });
  }
  return dt;
};

/** Helsinki wall-clock fields of an instant. */
const helsinkiFields = (ms: number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of helsinkiFormat.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
};

/** Helsinki's offset from UTC at an instant, in milliseconds (+2 h in winter, +3 h in summer). */
const helsinkiOffsetMs = (ms: number): number => {
  const f = helsinkiFields(ms);
  const wall = utcMs(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return wall - Math.floor(ms / 1000) * 1000;
};

/** The Europe/Helsinki calendar date of an instant (whatever the machine's time zone). */
export const helsinkiDate = (instant: Instant | Date): LocalDate => {
  const f = helsinkiFields(toDate(instant).getTime());
  return formatLocalDate({ year: f.year ?? 0, month: f.month ?? 1, day: f.day ?? 1 });
};

/** The Europe/Helsinki wall-clock hour (0–23) of an instant. */
export const helsinkiHour = (instant: Instant | Date): number => helsinkiFields(toDate(instant).getTime()).hour ?? 0;

/**
 * The instant (ISO, UTC 'Z') of 00:00 in Helsinki on d, DST-correct:
 * '2025-01-15' → '2025-01-14T22:00:00.000Z'; '2025-07-15' → '2025-07-14T21:00:00.000Z'.
 * (Finnish DST changes at 03:00/04:00 local time, so local midnight always exists once.)
 */
export const helsinkiStartOfDay = (d: LocalDate): Instant => {
  const { year, month, day } = parseLocalDate(d);
  const wallMidnight = utcMs(year, month - 1, day);
  let guess = wallMidnight - helsinkiOffsetMs(wallMidnight);
  guess = wallMidnight - helsinkiOffsetMs(guess);
  return new Date(guess).toISOString();
};
