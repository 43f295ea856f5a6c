/**
 * Finnish public holidays that are not working days for the county, from the `date-holidays`
 * package (which computes Easter), filtered to exactly the list in SPEC.md "Deadlines".
 *
 * date-holidays also lists days we must NOT treat as holidays on their own: New Year's Eve and
 * Christmas Eve/Midsummer Eve come as type 'bank', Mother's/Father's Day as 'observance', and
 * Easter Sunday, Whit Sunday, Midsummer Day and All Saints' Day always fall on a weekend. So we
 * do not filter by type: we whitelist by the library's rule string and then check invariants,
 * so a changed rule in a future version of the library fails loudly instead of silently.
 */
import Holidays from 'date-holidays';
import type { LocalDate } from '../types.js';
import { addDays, isoWeekday } from './localDate.js';

export const HOLIDAY_KEYS = [
  'newYearsDay',
  'epiphany',
  'goodFriday',
  'easterMonday',
  'mayDay',
  'ascensionDay',
  'midsummerEve',
  'independenceDay',
  'christmasEve',
  'christmasDay',
  'boxingDay',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/** date-holidays rule string → our key. Everything else the library returns is ignored. */
const RULE_TO_KEY: Readonly<Record<string, HolidayKey>> = {
  '01-01': 'newYearsDay',
  '01-06': 'epiphany',
  'easter -2': 'goodFriday',
  'easter 1': 'easterMonday',
  '05-01': 'mayDay',
  'easter 39': 'ascensionDay',
  'friday after 06-19': 'midsummerEve',
  '12-06': 'independenceDay',
  '12-24': 'christmasEve',
  '12-25': 'christmasDay',
  '12-26': 'boxingDay',
};

/** Fixed-date holidays: month-day each must fall on. */
const FIXED: Partial<Record<HolidayKey, string>> = {
  newYearsDay: '01-01',
  epiphany: '01-06',
  mayDay: '05-01',
  independenceDay: '12-06',
  christmasEve: '12-24',
  christmasDay: '12-25',
  boxingDay: '12-26',
};

let library: Holidays | undefined;
interface YearHolidays {
  byDate: ReadonlyMap<LocalDate, HolidayKey>;
  byKey: ReadonlyMap<HolidayKey, LocalDate>;
}
const cache = new Map<number, YearHolidays>();

const checkInvariants = (year: number, byKey: Map<HolidayKey, LocalDate>): void => {
  const problems: string[] = [];
  for (const key of HOLIDAY_KEYS) {
    const d = byKey.get(key);
    if (!d) {
      problems.push(`${key} missing`);
      continue;
    }
    const fixed = FIXED[key];
    if (fixed && d !== `${year}-${fixed}`) problems.push(`${key} on ${d}`);
  }
  const mid = byKey.get('midsummerEve');
  if (mid && (isoWeekday(mid) !== 5 || mid < `${year}-06-19` || mid > `${year}-06-25`)) {
    problems.push(`midsummerEve on ${mid}`);
  }
  const gf = byKey.get('goodFriday');
  const em = byKey.get('easterMonday');
  const asc = byKey.get('ascensionDay');
  if (gf && (isoWeekday(gf) !== 5 || em !== addDays(gf, 3) || asc !== addDays(gf, 41))) {
    problems.push(`Easter-based days inconsistent: ${gf} ${em} ${asc}`);
  }
  if (problems.length > 0) {
    // A programming error (library changed), not a user error.
    throw new Error(`date-holidays gave unexpected Finnish holidays for ${year}: ${problems.join('; ')}`);
  }
};

const yearHolidays = (year: number): YearHolidays => {
  const hit = cache.get(year);
  if (hit) return hit;
  library ??= new Holidays('FI');
  const byKey = new Map<HolidayKey, LocalDate>();
  for (const h of library.getHolidays(year)) {
    const key = RULE_TO_KEY[h.rule];
    if (key) byKey.set(key, h.date.slice(0, 10));
  }
  checkInvariants(year, byKey);
  // Two holidays can share a date (e.g. Ascension Day on 1 May 2008): the first key in
  // HOLIDAY_KEYS order names the date.
  const byDate = new Map<LocalDate, HolidayKey>();
  for (const key of HOLIDAY_KEYS) {
    const d = byKey.get(key);
    if (d && !byDate.has(d)) byDate.set(d, key);
  }
  const entry = { byDate, byKey };
  cache.set(year, entry);
  return entry;
};

/** The county's non-working holidays of a year by date (weekends not included), cached per year. */
export const finnishHolidays = (year: number): ReadonlyMap<LocalDate, HolidayKey> => yearHolidays(year).byDate;

/** The date of one holiday in a year. */
export const holidayDate = (year: number, key: HolidayKey): LocalDate => {
  const d = yearHolidays(year).byKey.get(key);
  if (!d) throw new Error(`No ${key} in ${year}`); // unreachable: checkInvariants guarantees all keys
  return d;
};

/** The holiday on d, if any. */
export const holidayOn = (d: LocalDate): HolidayKey | undefined =>
  finnishHolidays(Number(d.slice(0, 4))).get(d);
