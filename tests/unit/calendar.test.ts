// Runs in TZ=Europe/Helsinki and again in TZ=UTC: results must be identical.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../bot/src/domain/errors.js';
import { HOLIDAY_KEYS, addDays, addMonths, createWorkingCalendar, daysBetween } from '../../bot/src/domain/calendar/index.js';
import { finnishHolidays, helsinkiDate, helsinkiStartOfDay, holidayDate, isLocalDate, isoWeekday } from '../../bot/src/domain/calendar/index.js';

const cal = createWorkingCalendar();

/** Independent oracle: Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
const easterOracle = (y: number): string => {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const dateArb = (from = '2000-01-01', days = 365 * 60) =>
  fc.integer({ min: 0, max: days }).map((k) => addDays(from, k));

describe('holidays', () => {
  it.each([
    [2024, '2024-03-31', '2024-03-29', '2024-04-01', '2024-05-09', '2024-06-21'],
    [2025, '2025-04-20', '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-20'],
    [2026, '2026-04-05', '2026-04-03', '2026-04-06', '2026-05-14', '2026-06-19'],
    [2027, '2027-03-28', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-25'],
    [2030, '2030-04-21', '2030-04-19', '2030-04-22', '2030-05-30', '2030-06-21'],
  ])('%i: Easter %s, Good Friday, Easter Monday, Ascension, Midsummer Eve', (y, easter, gf, em, asc, mid) => {
    expect(easterOracle(y)).toBe(easter);
    expect(cal.nonWorkingReason(gf)).toBe('holiday:goodFriday');
    expect(cal.nonWorkingReason(em)).toBe('holiday:easterMonday');
    expect(cal.nonWorkingReason(asc)).toBe('holiday:ascensionDay');
    expect(cal.nonWorkingReason(mid)).toBe('holiday:midsummerEve');
    expect(cal.nonWorkingReason(easter)).toBe('weekend'); // Easter Sunday is not on the list: it is a Sunday
    expect(cal.isWorkingDay(addDays(gf, -1))).toBe(true); // Maundy Thursday is a working day
    expect(cal.isWorkingDay(addDays(em, 1))).toBe(true);
  });
  it.each([2024, 2025, 2026, 2027, 2028, 2030])('%i: fixed holidays', (y) => {
    expect(cal.nonWorkingReason(`${y}-01-01`)).toBe('holiday:newYearsDay');
    expect(cal.nonWorkingReason(`${y}-01-06`)).toBe('holiday:epiphany');
    expect(cal.nonWorkingReason(`${y}-05-01`)).toBe('holiday:mayDay');
    expect(cal.nonWorkingReason(`${y}-12-06`)).toBe('holiday:independenceDay');
    expect(cal.nonWorkingReason(`${y}-12-24`)).toBe('holiday:christmasEve');
    expect(cal.nonWorkingReason(`${y}-12-25`)).toBe('holiday:christmasDay');
    expect(cal.nonWorkingReason(`${y}-12-26`)).toBe('holiday:boxingDay');
  });
  it('ignores what date-holidays lists as bank holidays or observances, and weekend-only feasts', () => {
    expect(cal.isWorkingDay('2025-12-31')).toBe(true); // New Year's Eve (bank) on a Wednesday
    expect(cal.isWorkingDay('2024-12-31')).toBe(true); // … on a Tuesday
    expect(cal.nonWorkingReason('2025-05-11')).toBe('weekend'); // Mother's Day (observance)
    expect(cal.nonWorkingReason('2025-06-08')).toBe('weekend'); // Whit Sunday
    expect(cal.nonWorkingReason('2025-06-21')).toBe('weekend'); // Midsummer Day
    expect(cal.nonWorkingReason('2025-11-01')).toBe('weekend'); // All Saints' Day
    expect(cal.isWorkingDay('2025-06-19')).toBe(true); // Thursday before Midsummer Eve
    expect(cal.isWorkingDay('2026-06-26')).toBe(true); // the Friday after 2026's Midsummer Eve (19.6)
  });
  it('a holiday on a weekend reports the holiday', () => {
    expect(cal.nonWorkingReason('2025-12-06')).toBe('holiday:independenceDay'); // Saturday
    expect(cal.nonWorkingReason('2027-12-25')).toBe('holiday:christmasDay'); // Saturday
    expect(cal.nonWorkingReason('2022-01-01')).toBe('holiday:newYearsDay'); // Saturday
  });
  it('has exactly the eleven listed holidays every year, Easter matching the oracle (1960–2200)', () => {
    for (let y = 1960; y <= 2200; y++) {
      const h = finnishHolidays(y);
      const dates = HOLIDAY_KEYS.map((k) => holidayDate(y, k));
      expect([...h.keys()].sort()).toEqual([...new Set(dates)].sort());
      for (const d of dates) expect(cal.isWorkingDay(d)).toBe(false);
      const easter = easterOracle(y);
      expect(holidayDate(y, 'goodFriday')).toBe(addDays(easter, -2));
      expect(holidayDate(y, 'easterMonday')).toBe(addDays(easter, 1));
      expect(holidayDate(y, 'ascensionDay')).toBe(addDays(easter, 39));
      expect(h.get(addDays(easter, -2))).toBe('goodFriday');
      expect(h.get(addDays(easter, 1))).toBe('easterMonday');
      const mid = holidayDate(y, 'midsummerEve');
      expect(h.get(mid)).toBe('midsummerEve');
      expect(isoWeekday(mid)).toBe(5);
      expect(mid >= `${y}-06-19` && mid <= `${y}-06-25`).toBe(true);
    }
  });
  it('two holidays on one date: the first listed names it (Ascension Day on 1 May 2008)', () => {
    expect(holidayDate(2008, 'ascensionDay')).toBe('2008-05-01');
    expect(cal.nonWorkingReason('2008-05-01')).toBe('holiday:mayDay');
    expect(finnishHolidays(2008).size).toBe(10);
  });
  it('caches per year (same map object)', () => {
    expect(finnishHolidays(2025)).toBe(finnishHolidays(2025));
    expect(cal.holidays(2025).size).toBe(11);
  });
});

describe('working days', () => {
  it('weekends and ordinary days', () => {
    expect(cal.nonWorkingReason('2025-03-08')).toBe('weekend');
    expect(cal.nonWorkingReason('2025-03-09')).toBe('weekend');
    expect(cal.nonWorkingReason('2025-03-10')).toBeNull();
    expect(cal.isWorkingDay('2025-03-10')).toBe(true);
  });
  it('county closed days', () => {
    const county = createWorkingCalendar({ closedDays: ['2025-12-22', '2025-06-20', '2025-03-08'] });
    expect(county.nonWorkingReason('2025-12-22')).toBe('county');
    expect(county.nonWorkingReason('2025-06-20')).toBe('holiday:midsummerEve');
    expect(county.nonWorkingReason('2025-03-08')).toBe('weekend');
    expect(county.closedDays).toEqual(['2025-03-08', '2025-06-20', '2025-12-22']);
    expect(cal.isWorkingDay('2025-12-22')).toBe(true); // another calendar is unaffected
    expect(county.addWorkingDays('2025-12-19', 1)).toBe('2025-12-23');
  });
  it('rejects bad closed days and bad dates', () => {
    expect(() => createWorkingCalendar({ closedDays: ['2025-02-30'] })).toThrow(DomainError);
    expect(() => cal.isWorkingDay('2025-13-01')).toThrow(DomainError);
    expect(() => cal.isWorkingDay('20250101')).toThrow(DomainError);
  });
  it('nextWorkingDayOnOrAfter moves off weekends and holidays (määräaikalaki)', () => {
    expect(cal.nextWorkingDayOnOrAfter('2025-03-10')).toBe('2025-03-10');
    expect(cal.nextWorkingDayOnOrAfter('2025-03-08')).toBe('2025-03-10');
    expect(cal.nextWorkingDayOnOrAfter('2025-04-18')).toBe('2025-04-22'); // Good Friday → Tuesday
    expect(cal.nextWorkingDayOnOrAfter('2025-12-24')).toBe('2025-12-29');
    expect(cal.nextWorkingDayOnOrAfter('2026-01-01')).toBe('2026-01-02');
  });
  it('addWorkingDays counts from the first working day after the event', () => {
    expect(cal.addWorkingDays('2025-03-03', 7)).toBe('2025-03-12'); // Monday + 7
    expect(cal.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // Saturday + 1 = Monday
    expect(cal.addWorkingDays('2025-03-08', 7)).toBe('2025-03-18');
    expect(cal.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // over Easter
    expect(cal.addWorkingDays('2025-05-28', 1)).toBe('2025-05-30'); // over Ascension Day
    expect(cal.addWorkingDays('2025-06-18', 2)).toBe('2025-06-23'); // over Midsummer
    expect(cal.addWorkingDays('2025-12-04', 2)).toBe('2025-12-08'); // Independence Day on Saturday
  });
  it('addWorkingDays over Christmas and New Year 2025–2026', () => {
    const from = '2025-12-19'; // Friday
    const expected = ['2025-12-22', '2025-12-23', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05', '2026-01-07'];
    expected.forEach((d, i) => expect(cal.addWorkingDays(from, i + 1)).toBe(d));
  });
  it('addWorkingDays(d, 0) is d on a working day, else the next working day', () => {
    expect(cal.addWorkingDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(cal.addWorkingDays('2025-03-08', 0)).toBe('2025-03-10');
  });
  it('addWorkingDays rejects negative or fractional n', () => {
    expect(() => cal.addWorkingDays('2025-03-10', -1)).toThrow(DomainError);
    expect(() => cal.addWorkingDays('2025-03-10', 1.5)).toThrow(DomainError);
  });
  it('workingDaysBetween', () => {
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-12')).toBe(7);
    expect(cal.workingDaysBetween('2025-03-12', '2025-03-03')).toBe(-7);
    expect(cal.workingDaysBetween('2025-12-23', '2025-12-29')).toBe(1);
    expect(cal.workingDaysBetween('2025-03-08', '2025-03-09')).toBe(0);
  });
});

describe('calendar arithmetic', () => {
  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(cal.addMonths('2025-08-31', 3)).toBe('2025-11-30');
  });
  it('addDays and daysBetween across DST changes and leap days', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(daysBetween('2025-10-01', '2025-11-01')).toBe(31);
    expect(cal.addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
  it('isLocalDate', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isLocalDate(20250101)).toBe(false);
  });
});

describe('Helsinki time', () => {
  it.each([
    ['2025-01-14T21:59:59Z', '2025-01-14'],
    ['2025-01-14T22:00:00Z', '2025-01-15'], // winter, +02:00
    ['2025-07-14T20:59:59.999Z', '2025-07-14'],
    ['2025-07-14T21:00:00Z', '2025-07-15'], // summer, +03:00
    ['2025-03-29T22:30:00Z', '2025-03-30'], // the night DST starts
    ['2025-10-25T21:30:00Z', '2025-10-26'], // the night DST ends
    ['2025-10-26T21:30:00Z', '2025-10-26'], // 23:30 EET
    ['2025-12-31T23:30:00+02:00', '2025-12-31'],
    ['2025-12-31T22:30:00Z', '2026-01-01'],
  ])('helsinkiDate(%s) = %s', (instant, date) => {
    expect(helsinkiDate(instant)).toBe(date);
    expect(helsinkiDate(new Date(instant))).toBe(date);
  });
  it('helsinkiDate rejects garbage', () => {
    expect(() => helsinkiDate('yesterday')).toThrow(DomainError);
    expect(() => helsinkiDate(new Date(NaN))).toThrow(DomainError);
  });
  it.each([
    ['2025-01-15', '2025-01-14T22:00:00.000Z'],
    ['2025-07-15', '2025-07-14T21:00:00.000Z'],
    ['2025-03-30', '2025-03-29T22:00:00.000Z'], // DST starts at 03:00 that day
    ['2025-03-31', '2025-03-30T21:00:00.000Z'],
    ['2025-10-26', '2025-10-25T21:00:00.000Z'], // DST ends at 04:00 that day
    ['2025-10-27', '2025-10-26T22:00:00.000Z'],
    ['2024-02-29', '2024-02-28T22:00:00.000Z'],
  ])('helsinkiStartOfDay(%s) = %s', (d, instant) => {
    expect(helsinkiStartOfDay(d)).toBe(instant);
  });
  it('start of day round-trips and the millisecond before is the previous day', () => {
    fc.assert(
      fc.property(dateArb('1990-01-01', 365 * 80), (d) => {
        const start = helsinkiStartOfDay(d);
        expect(helsinkiDate(start)).toBe(d);
        expect(helsinkiDate(new Date(Date.parse(start) - 1))).toBe(addDays(d, -1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar properties', () => {
  const n = fc.integer({ min: 0, max: 80 });
  const closedArb = fc.array(dateArb('2020-01-01', 365 * 10), { maxLength: 30 });

  it('addWorkingDays lands on a working day, never before from, and after from when n ≥ 1', () => {
    fc.assert(
      fc.property(dateArb(), n, closedArb, (from, k, closedDays) => {
        const c = createWorkingCalendar({ closedDays });
        const r = c.addWorkingDays(from, k);
        expect(c.isWorkingDay(r)).toBe(true);
        expect(r >= from).toBe(true);
        if (k >= 1) expect(r > from).toBe(true);
        if (k >= 1) expect(c.workingDaysBetween(from, r)).toBe(k);
        expect(closedDays).not.toContain(r);
      }),
    );
  });
  it('addWorkingDays is monotonic in n (strictly for n ≥ 1) and in from', () => {
    fc.assert(
      fc.property(dateArb(), dateArb(), n, n, (a, b, k, m) => {
        const [lo, hi] = k <= m ? [k, m] : [m, k];
        expect(cal.addWorkingDays(a, lo) <= cal.addWorkingDays(a, hi)).toBe(true);
        if (lo >= 1 && lo < hi) expect(cal.addWorkingDays(a, lo) < cal.addWorkingDays(a, hi)).toBe(true);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(early, k) <= cal.addWorkingDays(late, k)).toBe(true);
      }),
    );
  });
  it('addWorkingDays composes: (from + n) + m = from + (n + m) for n ≥ 1', () => {
    fc.assert(
      fc.property(dateArb(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (d, k, m) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, k), m)).toBe(cal.addWorkingDays(d, k + m));
      }),
    );
  });
  it('nextWorkingDayOnOrAfter is idempotent and skips only non-working days', () => {
    fc.assert(
      fc.property(dateArb(), (d) => {
        const r = cal.nextWorkingDayOnOrAfter(d);
        expect(cal.nextWorkingDayOnOrAfter(r)).toBe(r);
        for (let x = d; x < r; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
        expect(daysBetween(d, r)).toBeLessThanOrEqual(5); // longest run: Christmas + weekend
      }),
    );
  });
  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(dateArb('2024-01-01', 800), dateArb('2024-01-01', 800), (a, b) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        expect(Object.is(cal.workingDaysBetween(a, b), -0)).toBe(false);
      }),
    );
  });
  it('addDays and addMonths are consistent', () => {
    fc.assert(
      fc.property(dateArb(), fc.integer({ min: -400, max: 400 }), fc.integer({ min: -30, max: 30 }), (d, k, m) => {
        expect(addDays(addDays(d, k), -k)).toBe(d);
        expect(daysBetween(d, addDays(d, k))).toBe(k);
        const r = addMonths(d, m);
        expect(isLocalDate(r)).toBe(true);
        expect(Number(r.slice(8)) <= Number(d.slice(8))).toBe(true);
        if (Number(d.slice(8)) <= 28) expect(addMonths(r, -m)).toBe(d);
      }),
    );
  });
});
