/**
 * Dates as printed on decisions. Calendar arithmetic and the Europe/Helsinki conversion come
 * from the county calendar module (domain/calendar); working-day rules live there too.
 */
import type { Instant, LocalDate } from '../types.js';
import { helsinkiDate, parseLocalDate } from '../calendar/index.js';

/** The Europe/Helsinki calendar date of an instant (the decision date, the day a letter was sent). */
export const helsinkiDateOf = (instant: Instant): LocalDate => helsinkiDate(instant);

/** '2026-03-05' → '5.3.2026' (the form used in both Finnish and Finland-Swedish documents). */
export function formatDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${day}.${month}.${year}`;
}
