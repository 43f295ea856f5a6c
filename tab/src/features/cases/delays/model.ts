/**
 * Client-caused delays (asiakkaasta johtuva viivästys): the days they add to the SHL 45 §
 * clock, and the form's checks. Pure; the server's domain/deadlines is the authority (it
 * counts the same way: inclusive calendar days, overlapping periods once).
 */
export interface DelayPeriod {
  from: string;
  to: string;
}

const dayNo = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/** Calendar days covered (both ends inclusive; overlaps counted once). */
export function delayDays(delays: readonly DelayPeriod[]): number {
  const sorted = delays.filter((d) => d.to >= d.from).map((d) => [dayNo(d.from), dayNo(d.to)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let covered = -Infinity;
  for (const [from, to] of sorted) {
    const start = Math.max(from, covered + 1);
    if (start <= to) total += to - start + 1;
    covered = Math.max(covered, to);
  }
  return total;
}

/** Inclusive days of one period. */
export const periodDays = (d: DelayPeriod): number => Math.max(0, dayNo(d.to) - dayNo(d.from) + 1);

export interface DelayDraft {
  from: string;
  to: string;
  reason: string;
}
export type DelayField = keyof DelayDraft;
export type DelayErrors = Partial<Record<DelayField, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Error values are i18n keys. `pendingOn`: the case's vireilletulo day (Helsinki). */
export function validateDelay(d: DelayDraft, pendingOn: string): DelayErrors {
  const e: DelayErrors = {};
  if (!DATE.test(d.from)) e.from = 'delays.errors.fromRequired';
  else if (d.from < pendingOn) e.from = 'delays.errors.beforePending';
  if (!DATE.test(d.to)) e.to = 'delays.errors.toRequired';
  else if (DATE.test(d.from) && d.to < d.from) e.to = 'delays.errors.endsBeforeStart';
  if (!d.reason.trim()) e.reason = 'delays.errors.reasonRequired';
  return e;
}
