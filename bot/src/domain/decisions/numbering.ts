/**
 * Decision (diary) numbers: PREFIX/YEAR/SEQUENCE, e.g. SOS/2026/000123. The sequence restarts
 * every year; the counter itself lives in storage (one atomic counter per prefix and year).
 * The year is the decision's year in Europe/Helsinki (see helsinkiDateOf).
 */
import { DomainError } from '../errors.js';

export const DEFAULT_DECISION_NUMBER_PREFIX = 'SOS';
export const DECISION_SEQ_DIGITS = 6;
export const DECISION_SEQ_MAX = 10 ** DECISION_SEQ_DIGITS - 1;

export const DECISION_NUMBER_PATTERN = /^([A-Z][A-Z0-9-]{0,11})\/(\d{4})\/(\d{6})$/;

export interface DecisionNumberParts {
  prefix: string;
  year: number;
  seq: number;
}

/** formatDecisionNumber(2026, 123) → 'SOS/2026/000123' */
export function formatDecisionNumber(year: number, seq: number, prefix = DEFAULT_DECISION_NUMBER_PREFIX): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new DomainError('validation', 'Decision number year must be an integer 2000–2999', { field: 'year' });
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > DECISION_SEQ_MAX) {
    throw new DomainError('validation', `Decision number sequence must be an integer 1–${DECISION_SEQ_MAX}`, {
      field: 'seq',
    });
  }
  if (!/^[A-Z][A-Z0-9-]{0,11}$/.test(prefix)) {
    throw new DomainError('validation', 'Decision number prefix must be 1–12 capital letters, digits or -', {
      field: 'prefix',
    });
  }
  return `${prefix}/${year}/${String(seq).padStart(DECISION_SEQ_DIGITS, '0')}`;
}

/** The parts of a decision number, or null when it is not one. */
export function parseDecisionNumber(value: string): DecisionNumberParts | null {
  const m = DECISION_NUMBER_PATTERN.exec(value);
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { prefix: m[1]!, year: Number(m[2]), seq };
}

export function isDecisionNumber(value: string): boolean {
  return parseDecisionNumber(value) !== null;
}
