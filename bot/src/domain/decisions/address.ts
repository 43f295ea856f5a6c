/**
 * The client's postal address for decisions, recorded on the case: the lines, the day it was
 * checked and where it came from. Under address protection (turvakielto / spärrmarkering) no
 * address is recorded or printed at all: the letter goes to the population register (Digi- ja
 * väestötietovirasto), which forwards it. Pure.
 */
import type { Actor, Instant, LocalDate } from '../types.js';
import { fail } from '../errors.js';
import { isLocalDate } from '../calendar/index.js';

export const ADDRESS_SOURCES = ['client', 'populationRegister', 'other'] as const;
export type AddressSource = (typeof ADDRESS_SOURCES)[number];

export interface PostalAddress {
  /** Street or P.O. box line(s) and the postal code with the post office; empty under protection. */
  lines: string[];
  /** Turvakielto: nothing is printed; the secretary sends the letter through the population register. */
  protected: boolean;
  checkedOn: LocalDate;
  source: AddressSource;
  recordedAt: Instant;
  recordedBy: Actor;
}

export interface PostalAddressInput {
  lines: string[];
  protected: boolean;
  checkedOn: LocalDate;
  source: AddressSource;
}

/** A Finnish postal code line: five digits and the post office ("02100 ESPOO"). */
const POSTAL_CODE_LINE = /^(FI-)?\d{5}\s+\S/;

/**
 * Validates an address to record. Errors name the field: 'lines' (protected with lines, or an
 * address without a postal-code line), 'checkedOn' (not a date, or after today), 'source'.
 */
export function validatePostalAddress(input: PostalAddressInput, today: LocalDate): PostalAddressInput {
  if (!ADDRESS_SOURCES.includes(input.source)) fail('validation', 'Unknown address source', { field: 'source', allowed: ADDRESS_SOURCES });
  if (!isLocalDate(input.checkedOn)) fail('validation', 'checkedOn must be a date', { field: 'checkedOn' });
  if (input.checkedOn > today) fail('validation', 'An address cannot be checked in the future', { field: 'checkedOn' });
  const lines = input.lines.map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
  if (input.protected) {
    if (lines.length) fail('validation', 'Under address protection no address is recorded', { field: 'lines' });
    return { ...input, lines: [] };
  }
  if (lines.length < 2 || lines.length > 5) fail('validation', 'An address has 2–5 lines', { field: 'lines' });
  // A foreign address ends with the country; a Finnish one has the postal code line.
  if (!lines.some((l) => POSTAL_CODE_LINE.test(l)) && !/^[A-ZÅÄÖ ]{4,}$/.test(lines.at(-1)!)) {
    fail('validation', 'The address needs a postal code and post office line', { field: 'lines' });
  }
  return { ...input, lines };
}
