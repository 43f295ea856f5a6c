/**
 * The admin's day listing of the access log (newest first), optionally one user's entries.
 * "Day" is a Europe/Helsinki date; the log files its chains (and the old day copies) under the
 * UTC date, so the Helsinki day spans two of them (the previous UTC day from 22:00/21:00 Z on).
 * Entries name clients by internal id only; the listing itself reveals no client data.
 */
import { addDays, helsinkiDate } from '../../domain/calendar/index.js';
import type { Deps } from '../deps.js';
import { entryView } from './view.js';

export const MAX_DAY_ENTRIES = 2000;

export async function listAccessDay(deps: Deps, q: { day: string; userId?: string }) {
  const [before, same] = await Promise.all([
    deps.accessLog.forDay(addDays(q.day, -1), q.userId),
    deps.accessLog.forDay(q.day, q.userId),
  ]);
  const entries = [...same, ...before]
    .filter((e) => helsinkiDate(e.at) === q.day)
    // Newest first; at the same instant in the order they were appended, reversed.
    .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
  return {
    day: q.day,
    entries: entries.slice(0, MAX_DAY_ENTRIES).map(entryView),
    truncated: entries.length > MAX_DAY_ENTRIES,
  };
}
