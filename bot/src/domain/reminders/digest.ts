/**
 * Gathering: at most one message per person per day (the hour is configuration), muted kinds
 * left out — except legal deadlines, which cannot be muted. Pure.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { helsinkiDate } from '../calendar/localDate.js';
import type { Instant, LocalDate } from '../types.js';
import { effectiveMuted, KIND_ORDER } from './kinds.js';
import type { ReminderItem } from './due.js';

export interface Digest {
  userId: string;
  date: LocalDate;
  items: ReminderItem[];
}

/** The claim key of one person's daily message: sent at most once, across instances. */
export const digestClaimKey = (date: LocalDate, userId: string): string => `${date}:${userId}`;

const byOrder = (a: ReminderItem, b: ReminderItem): number =>
  a.severity - b.severity ||
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * One digest per person who has anything left after muting, items most urgent first, the same
 * thing never twice. `mutedOf(userId)` gives the person's stored preference.
 */
export function gatherDigests(
  items: readonly ReminderItem[],
  date: LocalDate,
  mutedOf: (userId: string) => readonly string[] | undefined,
): Digest[] {
  const byUser = new Map<string, Map<string, ReminderItem>>();
  for (const it of items) {
    if (!it.userId) continue;
    let m = byUser.get(it.userId);
    if (!m) byUser.set(it.userId, (m = new Map()));
    const prev = m.get(it.key);
    if (!prev || it.severity < prev.severity) m.set(it.key, it);
  }
  const out: Digest[] = [];
  for (const [userId, m] of byUser) {
    const muted = effectiveMuted(mutedOf(userId));
    const kept = [...m.values()].filter((it) => !muted.includes(it.kind)).sort(byOrder);
    if (kept.length) out.push({ userId, date, items: kept });
  }
  return out.sort((a, b) => (a.userId < b.userId ? -1 : 1));
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23' });

/** The hour (0–23) of an instant on the Helsinki wall clock. */
export function helsinkiHour(at: Instant | Date): number {
  return Number(hourFormat.format(typeof at === 'string' ? new Date(at) : at));
}

/**
 * The day whose digests are due at `now`, or null: on working days from `dailyAtHour` (Helsinki)
 * to the end of the day. A server that was down at the hour catches up later the same day.
 */
export function digestDayDue(now: Instant | Date, cal: WorkingCalendar, dailyAtHour: number): LocalDate | null {
  const today = helsinkiDate(now);
  if (!cal.isWorkingDay(today)) return null;
  return helsinkiHour(now) >= dailyAtHour ? today : null;
}
