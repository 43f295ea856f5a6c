/**
 * The county's working-day calendar (Europe/Helsinki). Pure: no clock reads, no I/O.
 *
 * Not working days: Saturdays, Sundays, the holidays in ./holidays.ts and the county's own closed
 * days (configuration). Conventions (SPEC.md "Deadlines"):
 * - addWorkingDays(from, n), n ≥ 1: counting starts on the first working day AFTER `from`
 *   (the event day itself never counts, even when it is a working day);
 * - addWorkingDays(from, 0) = nextWorkingDayOnOrAfter(from): `from` if it is a working day,
 *   otherwise the next working day;
 * - nextWorkingDayOnOrAfter: a deadline that falls on a non-working day moves to the next working
 *   day (määräaikalaki 150/1930 5 §).
 */
import { DomainError } from '../errors.js';
import type { LocalDate } from '../types.js';
import { type HolidayKey, finnishHolidays, holidayOn } from './holidays.js';
import { addDays, addMonths, daysBetween, isoWeekday, parseLocalDate } from './localDate.js';

export type NonWorkingReason = 'weekend' | `holiday:${HolidayKey}` | 'county';

export interface WorkingCalendarOptions {
  /** The county's own closed days (e.g. a bridge day), 'YYYY-MM-DD'. */
  closedDays?: readonly LocalDate[];
}

export interface WorkingCalendar {
  isWorkingDay(d: LocalDate): boolean;
  /**
   * Why d is not a working day, or null when it is. A holiday wins over a weekend
   * (Christmas Eve on a Saturday → 'holiday:christmasEve'), a weekend over a county closed day.
   */
  nonWorkingReason(d: LocalDate): NonWorkingReason | null;
  /** d if it is a working day, otherwise the next working day. */
  nextWorkingDayOnOrAfter(d: LocalDate): LocalDate;
  /** The n-th working day after `from` (n ≥ 0 integer; see the module comment for n = 0). */
  addWorkingDays(from: LocalDate, n: number): LocalDate;
  /**
   * Working days d with a < d ≤ b (so workingDaysBetween(a, addWorkingDays(a, n)) = n for
   * n ≥ 1); when b < a, minus the working days d with b < d ≤ a; 0 when a = b.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number;
  /** Calendar arithmetic, re-exported for convenience (see ./localDate.ts). */
  addDays(d: LocalDate, n: number): LocalDate;
  addMonths(d: LocalDate, n: number): LocalDate;
  /** The county's non-working holidays of a year (not weekends, not county days). */
  holidays(year: number): ReadonlyMap<LocalDate, HolidayKey>;
  /** The configured county closed days, sorted. */
  readonly closedDays: readonly LocalDate[];
}

/** Guard against runaway loops (e.g. a huge n): about 270 years of working days. */
const MAX_STEPS = 100_000;

export const createWorkingCalendar = (options: WorkingCalendarOptions = {}): WorkingCalendar => {
  const closedDays = [...new Set(options.closedDays ?? [])].sort();
  for (const d of closedDays) parseLocalDate(d);
  const closed = new Set(closedDays);

  const nonWorkingReason = (d: LocalDate): NonWorkingReason | null => {
    parseLocalDate(d);
    const holiday = holidayOn(d);
    if (holiday) return `holiday:${holiday}`;
    if (isoWeekday(d) >= 6) return 'weekend';
    if (closed.has(d)) return 'county';
    return null;
  };
  const isWorkingDay = (d: LocalDate): boolean => nonWorkingReason(d) === null;

  const nextWorkingDayOnOrAfter = (d: LocalDate): LocalDate => {
    let cur = d;
    for (let i = 0; i < MAX_STEPS; i++) {
      if (isWorkingDay(cur)) return cur;
      cur = addDays(cur, 1);
    }
    throw new DomainError('validation', `No working day found after ${d}`, { value: d });
  };

  const addWorkingDays = (from: LocalDate, n: number): LocalDate => {
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_STEPS) {
      throw new DomainError('validation', `Working days must be an integer 0…${MAX_STEPS}: ${n}`, { value: n });
    }
    parseLocalDate(from);
    if (n === 0) return nextWorkingDayOnOrAfter(from);
    let cur = from;
    let left = n;
    while (left > 0) {
      cur = nextWorkingDayOnOrAfter(addDays(cur, 1));
      left -= 1;
    }
    return cur;
  };

  const workingDaysBetween = (a: LocalDate, b: LocalDate): number => {
    const span = daysBetween(a, b);
    if (span < 0) return 0 - workingDaysBetween(b, a); // never -0
    if (span > MAX_STEPS * 2) {
      throw new DomainError('validation', `Range too long: ${a}…${b}`, { from: a, to: b });
    }
    let count = 0;
    for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(a, i))) count += 1;
    return count;
  };

  return {
    isWorkingDay,
    nonWorkingReason,
    nextWorkingDayOnOrAfter,
    addWorkingDays,
    workingDaysBetween,
    addDays,
    addMonths,
    holidays: finnishHolidays,
    closedDays,
  };
};
