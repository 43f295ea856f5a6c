/**
 * The one-off review of cases whose vireilletulo was recorded later than their first contact
 * (before HL 20 § was applied at intake, the form allowed "vireilletulo when the information
 * needed had arrived"). Pure: which cases, and what their clocks are when counted from the
 * contact. Nothing is changed: a supervisor reviews the list (docs/OPERATIONS.md).
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { daysBetween, helsinkiDate } from '../calendar/localDate.js';
import type { CaseRecord } from '../cases/model.js';
import type { Instant, LocalDate } from '../types.js';
import { computeClocks, type Clock } from './clocks.js';
import type { DeadlineConfig } from './rules.js';

export interface LatePendingRow {
  caseId: string;
  ref: string;
  state: string;
  municipality: string;
  workerId?: string;
  /** The first contact's receipt (Helsinki date). */
  receivedOn: LocalDate;
  /** The vireilletulo recorded at intake (the first one, when a changed need restarted the clocks). */
  recordedPendingOn: LocalDate;
  /** Calendar days the clocks started late. */
  daysLater: number;
  /** The clocks of the first matter as recorded and as counted from the contact. */
  clocks: Array<{ id: string; recorded: Pick<Clock, 'dueDate' | 'state'>; fromContact: Pick<Clock, 'dueDate' | 'state'> }>;
  /** A clock that is late (or was met late) counted from the contact but not as recorded. */
  hiddenBreach: boolean;
}

const BREACH = new Set(['late', 'metLate']);

/**
 * Cases whose recorded vireilletulo is later than their first contact, without a forwarded request
 * (HL 21 §) that would explain it; sorted by how late the clocks started, most first.
 */
export function latePendingRows(
  cases: readonly CaseRecord[],
  now: Instant,
  calendar: WorkingCalendar,
  config: Partial<DeadlineConfig> = {},
): LatePendingRow[] {
  const rows: LatePendingRow[] = [];
  for (const c of cases) {
    const recorded = c.firstPendingAt ?? c.pendingAt;
    if (c.forwardedFrom || Date.parse(recorded) <= Date.parse(c.receivedAt)) continue;
    // The first matter's facts (a restart cleared them; its clocks are then compared as they stood).
    const facts = {
      urgent: c.urgent,
      lawGroups: c.lawGroups,
      birthDate: c.client.birthDate,
      ...(c.firstPendingAt
        ? { clientDelays: [] }
        : { assessmentStartedAt: c.assessmentStartedAt, assessmentFinishedAt: c.assessmentFinishedAt, placedAt: c.placedAt, clientDelays: c.clientDelays }),
      closedAt: c.closedAt,
    };
    const asRecorded = computeClocks({ ...facts, pendingAt: recorded }, now, calendar, config);
    const fromContact = computeClocks({ ...facts, pendingAt: c.receivedAt }, now, calendar, config);
    const clocks = fromContact.map((k) => {
      const r = asRecorded.find((x) => x.id === k.id);
      return { id: k.id, recorded: r ? { dueDate: r.dueDate, state: r.state } : { dueDate: '', state: 'met' as const }, fromContact: { dueDate: k.dueDate, state: k.state } };
    });
    rows.push({
      caseId: c.id,
      ref: c.ref,
      state: c.state,
      municipality: c.municipality,
      ...(c.workerId ? { workerId: c.workerId } : {}),
      receivedOn: helsinkiDate(c.receivedAt),
      recordedPendingOn: helsinkiDate(recorded),
      daysLater: daysBetween(helsinkiDate(c.receivedAt), helsinkiDate(recorded)),
      clocks,
      hiddenBreach: clocks.some((k) => BREACH.has(k.fromContact.state) && !BREACH.has(k.recorded.state)),
    });
  }
  return rows.sort((a, b) => b.daysLater - a.daysLater || a.ref.localeCompare(b.ref));
}
