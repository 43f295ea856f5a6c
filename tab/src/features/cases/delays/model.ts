/**
 * Client-caused delays (asiakkaasta johtuva viivästys): the days they add to the SHL 45 §
 * clock, and the form's checks. Pure; the server's domain/deadlines is the authority (it
 * counts the same way: inclusive calendar days, overlapping periods once).
 */
export interface DelayPeriod {
  from: string;
  /** Absent while the delay goes on: it counts up to today. */
  to?: string;
}

const dayNo = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/** The last day counted: `to`, or today for an ongoing delay (at least its first day). */
const endOf = (d: DelayPeriod, today: string): string => d.to ?? (today > d.from ? today : d.from);

/** Calendar days covered (both ends inclusive; overlaps counted once; an ongoing delay up to today). */
export function delayDays(delays: readonly DelayPeriod[], today = ''): number {
  const sorted = delays
    .map((d) => ({ from: d.from, to: endOf(d, today) }))
    .filter((d) => d.to >= d.from)
    .map((d) => [dayNo(d.from), dayNo(d.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let covered = -Infinity;
  for (const [from, to] of sorted) {
    const start = Math.max(from, covered + 1);
    if (start <= to) total += to - start + 1;
    covered = Math.max(covered, to);
  }
  return total;
}

/** Inclusive days of one period (an ongoing one up to today). */
export const periodDays = (d: DelayPeriod, today = ''): number => Math.max(0, dayNo(endOf(d, today)) - dayNo(d.from) + 1);

export interface DelayDraft {
  from: string;
  to: string;
  reason: string;
  /** The delay goes on: recorded without an end, closed when it ends. */
  ongoing?: boolean;
}
export type DelayField = keyof DelayDraft;
export type DelayErrors = Partial<Record<DelayField, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Error values are i18n keys. `pendingOn`: the case's vireilletulo day (Helsinki); `today`: the
 * Helsinki date (a delay cannot start or end in the future: one that goes on is `ongoing`).
 */
export function validateDelay(d: DelayDraft, pendingOn: string, today = '9999-12-31'): DelayErrors {
  const e: DelayErrors = {};
  if (!DATE.test(d.from)) e.from = 'delays.errors.fromRequired';
  else if (d.from < pendingOn) e.from = 'delays.errors.beforePending';
  else if (d.from > today) e.from = 'errors.date.future';
  if (d.ongoing) {
    // no end yet
  } else if (!DATE.test(d.to)) e.to = 'delays.errors.toRequired';
  else if (DATE.test(d.from) && d.to < d.from) e.to = 'delays.errors.endsBeforeStart';
  else if (d.to > today) e.to = 'delays.errors.endsInFuture';
  if (!d.reason.trim()) e.reason = 'delays.errors.reasonRequired';
  return e;
}

/** Closing an ongoing delay: its last day, not before it started and not after today. */
export function validateClose(from: string, to: string, today: string): string | undefined {
  if (!DATE.test(to)) return 'delays.errors.toRequired';
  if (to < from) return 'delays.errors.endsBeforeStart';
  if (to > today) return 'delays.errors.endsInFuture';
  return undefined;
}
