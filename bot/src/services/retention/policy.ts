/**
 * When a closed case may be removed (SPEC Privacy: closed cases are removed after a
 * configurable period, default 10 years after closing). Pure.
 *
 * "More than N years ago": a case closed on D (Helsinki date) is kept through the N-year
 * anniversary of D and removable from the day after it. Leap days clamp (määräaikalaki 3 §):
 * closed 2016-02-29, 10 years → anniversary 2026-02-28, removable from 2026-03-01.
 */
import { addDays, addMonths, helsinkiDate } from '../../domain/calendar/index.js';
import type { Instant, LocalDate } from '../../domain/types.js';

export const removableFrom = (closedAt: Instant, years: number): LocalDate =>
  addDays(addMonths(helsinkiDate(closedAt), 12 * years), 1);

export const isRemovable = (closedAt: Instant, today: LocalDate, years: number): boolean => today >= removableFrom(closedAt, years);
