// Test data: ONLY individual numbers 900–999 (temporary/test range), never a real person's code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../bot/src/domain/errors.js';
import {
  HETU_CENTURY_SIGNS,
  ageOn,
  assertHetu,
  hetuCheckChar,
  validateHetu,
} from '../../bot/src/domain/hetu/index.js';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** Independent check-character computation for building test codes. */
const withCheck = (ddmmyy: string, sign: string, zzz: string): string =>
  `${ddmmyy}${sign}${zzz}${CHECK[Number(ddmmyy + zzz) % 31]}`;

const okOf = (s: string) => {
  const r = validateHetu(s);
  if (!r.ok) throw new Error(`expected ok for ${s}: ${r.code} ${r.message}`);
  return r;
};
const codeOf = (s: unknown) => {
  const r = validateHetu(s);
  return r.ok ? 'ok' : r.code;
};

describe('validateHetu: valid codes', () => {
  it('accepts a known-good test code and returns its facts', () => {
    expect(validateHetu('010190-900P')).toEqual({
      ok: true,
      normalized: '010190-900P',
      birthDate: '1990-01-01',
      individualNumber: 900,
      isTestRange: true,
    });
  });

  it.each([
    ['+', '1885-05-15'],
    ['-', '1985-05-15'],
    ['Y', '1985-05-15'],
    ['X', '1985-05-15'],
    ['W', '1985-05-15'],
    ['V', '1985-05-15'],
    ['U', '1985-05-15'],
    ['A', '2085-05-15'],
    ['B', '2085-05-15'],
    ['C', '2085-05-15'],
    ['D', '2085-05-15'],
    ['E', '2085-05-15'],
    ['F', '2085-05-15'],
  ])('century sign %s gives birth date %s', (sign, birthDate) => {
    const code = withCheck('150585', sign, '901');
    const r = okOf(code);
    expect(r.birthDate).toBe(birthDate);
    expect(r.normalized).toBe(code);
  });

  it('knows all thirteen century signs and no others', () => {
    expect(Object.keys(HETU_CENTURY_SIGNS).sort()).toEqual(
      ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'U', 'V', 'W', 'X', 'Y'].sort(),
    );
  });

  it('computes the check character from DDMMYY + ZZZ mod 31', () => {
    expect(hetuCheckChar('010190900')).toBe('P');
    expect(hetuCheckChar('290200902')).toBe('D');
    expect(() => hetuCheckChar('12345')).toThrow(DomainError);
  });

  it('accepts leap days: 29.2.2000 and 29.2.1996', () => {
    expect(okOf('290200A902D').birthDate).toBe('2000-02-29');
    expect(okOf('290296-9037').birthDate).toBe('1996-02-29');
  });

  it('accepts the end of a year and a recent date with the new signs', () => {
    expect(okOf('311299-904C').birthDate).toBe('1999-12-31');
    expect(okOf(withCheck('170723', 'B', '999')).birthDate).toBe('2023-07-17');
    expect(okOf('010105A905X').individualNumber).toBe(905);
  });

  it('normalises lower case and trims surrounding whitespace', () => {
    const r = okOf('  290200a902d \n');
    expect(r.normalized).toBe('290200A902D');
    expect(okOf('\t010190-900p').normalized).toBe('010190-900P');
  });

  it('flags the test range 900–999', () => {
    expect(okOf('010190-900P').isTestRange).toBe(true);
    expect(okOf(withCheck('170723', 'A', '999')).isTestRange).toBe(true);
  });
});

describe('validateHetu: errors', () => {
  it.each([
    [''],
    ['010190-900'], // too short
    ['010190-900PP'], // too long
    ['0101 90-900P'], // inner whitespace
    ['010190-9X0P'], // letter in the individual number
    ['A10190-900P'], // letter in the date
    ['010190-900*'], // bad check position
  ])('format error for %j', (s) => {
    expect(codeOf(s)).toBe('hetu.format');
  });

  it('rejects non-strings as a format error', () => {
    expect(codeOf(undefined)).toBe('hetu.format');
    expect(codeOf(10190900)).toBe('hetu.format');
  });

  it('rejects the never-issued individual numbers 000 and 001 as a format error', () => {
    expect(codeOf(withCheck('010190', '-', '000'))).toBe('hetu.format');
    expect(codeOf(withCheck('010190', '-', '001'))).toBe('hetu.format');
    expect(codeOf(withCheck('010190', '-', '902'))).toBe('ok');
  });

  it.each(['G', 'Z', 'T', '*', '/', '9', ' '])('century sign %j is rejected', (sign) => {
    expect(codeOf(withCheck('010190', sign, '900'))).toBe('hetu.centurySign');
  });

  it('accepts a lower-case century sign', () => {
    expect(okOf(withCheck('010105', 'a', '905')).birthDate).toBe('2005-01-01');
  });

  it.each([
    ['290201', 'A', 'not a leap year'],
    ['290200', '-', '1900 is not a leap year'],
    ['310490', '-', '31 April'],
    ['000190', '-', 'day 0'],
    ['011390', '-', 'month 13'],
    ['320190', '-', 'day 32'],
  ])('date error for %s%s (%s)', (ddmmyy, sign) => {
    expect(codeOf(withCheck(ddmmyy, sign, '906'))).toBe('hetu.date');
  });

  it('checksum error for a wrong check character, including letters outside the alphabet', () => {
    expect(codeOf('010190-900N')).toBe('hetu.checksum');
    expect(codeOf('010190-900G')).toBe('hetu.checksum');
    expect(codeOf('010190-900Z')).toBe('hetu.checksum');
  });

  it('checks in order: format, century sign, date, checksum', () => {
    expect(codeOf('310490G907X')).toBe('hetu.centurySign'); // bad sign wins over bad date
    expect(codeOf('310490-907X')).toBe('hetu.date'); // bad date wins over bad check
  });

  it('gives an English message', () => {
    const r = validateHetu('010190-900N');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/check character/);
  });
});

describe('assertHetu', () => {
  it('returns the parsed code', () => {
    expect(assertHetu('010190-900p').normalized).toBe('010190-900P');
  });

  it.each([
    ['010190-900N', 'hetu.checksum'],
    ['010190G900P', 'hetu.centurySign'],
    ['310490-907P', 'hetu.date'],
    ['nonsense', 'hetu.format'],
  ])('throws DomainError %s → %s with details.field hetu', (s, code) => {
    try {
      assertHetu(s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(code);
      expect((e as DomainError).details).toEqual({ field: 'hetu' });
      expect((e as DomainError).message).not.toContain(s); // never echo the identity
    }
  });
});

describe('hetu properties', () => {
  const signs = Object.keys(HETU_CENTURY_SIGNS);
  const validParts = fc
    .record({
      sign: fc.constantFrom(...signs),
      yy: fc.integer({ min: 0, max: 99 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      zzz: fc.integer({ min: 900, max: 999 }),
    })
    .filter(({ sign, yy, month, day }) => {
      const year = (HETU_CENTURY_SIGNS[sign] ?? 0) + yy;
      return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    })
    .map(({ sign, yy, month, day, zzz }) => {
      const p2 = (n: number) => String(n).padStart(2, '0');
      return {
        code: withCheck(`${p2(day)}${p2(month)}${p2(yy)}`, sign, String(zzz)),
        birthDate: `${(HETU_CENTURY_SIGNS[sign] ?? 0) + yy}-${p2(month)}-${p2(day)}`,
        zzz,
      };
    });

  it('every generated valid code is ok, with its birth date and number', () => {
    fc.assert(
      fc.property(validParts, ({ code, birthDate, zzz }) => {
        const r = okOf(code);
        expect(r.birthDate).toBe(birthDate);
        expect(r.individualNumber).toBe(zzz);
        expect(r.isTestRange).toBe(true);
        expect(okOf(code.toLowerCase()).normalized).toBe(code);
      }),
      { numRuns: 500 },
    );
  });

  it('changing the check character always gives a checksum error', () => {
    fc.assert(
      fc.property(validParts, fc.integer({ min: 1, max: 30 }), ({ code }, shift) => {
        const i = CHECK.indexOf(code.slice(-1));
        const flipped = code.slice(0, -1) + CHECK[(i + shift) % 31];
        expect(codeOf(flipped)).toBe('hetu.checksum');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => void validateHetu(s)));
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('1990-01-01', '1990-01-01')).toBe(0);
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('1950-12-31', '2025-12-30')).toBe(74);
    expect(ageOn('1950-12-31', '2025-12-31')).toBe(75);
  });

  it('a 29 February birthday falls on 28 February in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-27')).toBe(0);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('rejects a date before birth and malformed dates', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(DomainError);
    expect(() => ageOn('2000-02-30', '2001-01-01')).toThrow(DomainError);
  });

  it('works with a parsed henkilötunnus', () => {
    expect(ageOn(assertHetu('150585+901P').birthDate, '2025-01-01')).toBe(139);
    expect(ageOn(assertHetu('130575-9082').birthDate, '2050-05-13')).toBe(75);
  });
});
