/**
 * Finnish personal identity code (henkilötunnus) DDMMYYCZZZQ. Pure.
 * - C, century sign: '+' 1800s; '-' 'Y' 'X' 'W' 'V' 'U' 1900s; 'A' 'B' 'C' 'D' 'E' 'F' 2000s
 *   (the extra signs are in use since 2023);
 * - ZZZ, individual number: 002–899 issued codes, 900–999 temporary/test codes (000 and 001 are
 *   never issued and are rejected as 'hetu.format');
 * - Q, check character: (DDMMYY·1000 + ZZZ) mod 31 indexes "0123456789ABCDEFHJKLMNPRSTUVWXY".
 * Checks run in that order: format → century sign → date → checksum; the first failure wins.
 * Messages are English, for developers; the UI shows errors.<code> from the locale files.
 */
import { formatLocalDate, daysInMonth, parseLocalDate } from '../calendar/localDate.js';
import { DomainError } from '../errors.js';
import type { LocalDate } from '../types.js';

export const HETU_CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export const HETU_CENTURY_SIGNS: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

export type HetuErrorCode = 'hetu.format' | 'hetu.date' | 'hetu.centurySign' | 'hetu.checksum';

export type HetuResult =
  | {
      ok: true;
      /** Trimmed and upper-cased. */
      normalized: string;
      birthDate: LocalDate;
      individualNumber: number;
      /** Individual number 900–999: a temporary or test code, never a real person's. */
      isTestRange: boolean;
    }
  | { ok: false; code: HetuErrorCode; message: string };

const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})([0-9A-Z])$/;

/** The check character for the nine digits DDMMYY + ZZZ (given as a string of 9 digits). */
export const hetuCheckChar = (nineDigits: string): string => {
  if (!/^\d{9}$/.test(nineDigits)) throw new DomainError('validation', 'Expected 9 digits (DDMMYYZZZ)');
  return HETU_CHECK_CHARS.charAt(Number(nineDigits) % 31);
};

const fail = (code: HetuErrorCode, message: string): HetuResult => ({ ok: false, code, message });

/** Validates a henkilötunnus; never throws. */
export const validateHetu = (input: unknown): HetuResult => {
  if (typeof input !== 'string') return fail('hetu.format', 'The henkilötunnus must be a string');
  const normalized = input.trim().toUpperCase();
  const m = SHAPE.exec(normalized);
  if (!m) return fail('hetu.format', 'Expected 11 characters DDMMYYCZZZQ (e.g. 010190-900N)');
  const [, dd = '', mm = '', yy = '', sign = '', zzz = '', check = ''] = m;
  const individualNumber = Number(zzz);
  if (individualNumber < 2) return fail('hetu.format', `Individual number ${zzz} is never issued (002–999)`);
  const century = HETU_CENTURY_SIGNS[sign];
  if (century === undefined) {
    return fail('hetu.centurySign', `Unknown century sign '${sign}' (expected + - Y X W V U A B C D E F)`);
  }
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('hetu.date', 'The birth date (DDMMYY with the century sign) is not a real date');
  }
  if (hetuCheckChar(dd + mm + yy + zzz) !== check) {
    return fail('hetu.checksum', 'The check character does not match');
  }
  return {
    ok: true,
    normalized,
    birthDate: formatLocalDate({ year, month, day }),
    individualNumber,
    isTestRange: individualNumber >= 900,
  };
};

/** Like validateHetu, but throws DomainError(code, message, { field: 'hetu' }) when invalid. */
export const assertHetu = (input: unknown): Extract<HetuResult, { ok: true }> => {
  const r = validateHetu(input);
  if (!r.ok) throw new DomainError(r.code, r.message, { field: 'hetu' });
  return r;
};

/**
 * Age in full years on onDate. Someone born on 29 February has their birthday on 28 February in
 * common years (the same clamping as addMonths, määräaikalaki 150/1930 3 §).
 * Throws DomainError('validation') when onDate is before birthDate.
 */
export const ageOn = (birthDate: LocalDate, onDate: LocalDate): number => {
  const b = parseLocalDate(birthDate);
  const o = parseLocalDate(onDate);
  if (onDate < birthDate) {
    throw new DomainError('validation', `Date ${onDate} is before birth date ${birthDate}`, { field: 'onDate' });
  }
  const birthdayThisYear = Math.min(b.day, daysInMonth(o.year, b.month));
  const hadBirthday = o.month > b.month || (o.month === b.month && o.day >= birthdayThisYear);
  return o.year - b.year - (hadBirthday ? 0 : 1);
};
