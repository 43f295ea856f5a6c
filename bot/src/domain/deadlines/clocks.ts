/**
 * The legal clocks of a case, computed from recorded facts and "now". Pure: `now` is passed in.
 *
 * Conventions (others rely on these):
 * - Every date is a Europe/Helsinki LocalDate; instants are converted with helsinkiDate().
 * - A due date that falls on a non-working day moves to the next working day (määräaikalaki),
 *   except the urgent clock (SHL 35 ja 36 §): it is due the same calendar day, also on a weekend
 *   or a holiday; while it runs (also late), `officeClosed` says whether the county's office is closed now
 *   (a non-working day, or outside office hours), so the UI can say whom to contact.
 * - Rules whose term counts working days (assessmentStart, implementation.urgent) also carry
 *   `workingDaysLeft`: working days from today (or from the day met) to the due date.
 * - SHL 36 § "over 75" is derived from the birth date at vireilletulo when `birthDate` is given
 *   (pending.ts lawGroupsAt), whatever lawGroups says.
 * - A met clock's daysLeft is its margin: dueDate − metOn (negative when met late).
 *   A running clock's daysLeft is dueDate − today (negative when late).
 * - closedAt: a clock still running when the case closed is dropped if the case closed on or
 *   before its due date; if it was already late, it stays 'late', frozen at the closing day.
 * - SHL 45 § extension: client-caused delays are merged (overlaps counted once) and counted in
 *   calendar days, both ends inclusive (an ongoing delay, without `to`, counts up to today); they are added to the 3-month date before moving it off
 *   a non-working day. Urgent cases get 'implementation.urgent' (first working day after
 *   vireilletulo) instead, with no extension.
 * - An appeal clock is a period, not a task: it is never 'late'; once the period has run out it
 *   is 'met' with metOn = dueDate and daysLeft 0. It ignores closedAt. It counts from the
 *   recorded date of notification when there is one, else from the deemed day (notification.ts).
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { addDays, addMonths, daysBetween, helsinkiDate, helsinkiHour, parseLocalDate } from '../calendar/localDate.js';
import { DomainError } from '../errors.js';
import { type Instant, type LawGroup, type LocalDate } from '../types.js';
import { appealStartOn, type DecisionNotification } from './notification.js';
import { lawGroupsAt } from './pending.js';
import {
  DEADLINE_RULES,
  type DeadlineConfig,
  type LegalReference,
  type RuleId,
  type RuleSource,
  type Term,
  RULES_BY_ID,
  resolveDeadlineConfig,
} from './rules.js';

export type ClockState = 'onTime' | 'dueSoon' | 'late' | 'met' | 'metLate';
export type ClockId = 'urgentAssessment' | 'assessmentStart' | 'assessmentFinish' | 'implementation' | `appeal:${string}`;

export interface ClientDelay {
  from: LocalDate;
  /** The last day of the delay; absent while it goes on (it is closed when it ends). */
  to?: LocalDate;
  reason: string;
}

export type { DecisionNotification };

export interface CaseClockFacts {
  /** Vireilletulo: every legal clock starts here. */
  pendingAt: Instant;
  urgent: boolean;
  lawGroups: readonly LawGroup[];
  /** The client's birth date: OVER_75 is derived from it at vireilletulo (SHL 36 §). */
  birthDate?: LocalDate;
  assessmentStartedAt?: Instant;
  assessmentFinishedAt?: Instant;
  /** Recorded for completeness; no clock uses it (appeals start from decisionNotifications). */
  decidedAt?: Instant;
  /** The decision was implemented (the client was placed). */
  placedAt?: Instant;
  clientDelays: readonly ClientDelay[];
  decisionNotifications?: readonly DecisionNotification[];
  closedAt?: Instant;
}

export interface Clock {
  id: ClockId;
  ruleId: RuleId;
  source: RuleSource;
  /** The Finnish reference (= references.fi), kept for older readers. */
  reference: string;
  /** The rule's legal reference per language (SHL/HL in Finnish, SVL/FL in Swedish). */
  references: LegalReference;
  /** The day the term counts from (vireilletulo, or the day of notification). */
  startedOn: LocalDate;
  dueDate: LocalDate;
  state: ClockState;
  daysLeft: number;
  metOn?: LocalDate;
  /** SHL 45 § only: calendar days added for client-caused delays. */
  extensionDays?: number;
  /** Working-day rules only: working days left to the due date (negative when late; the margin once met). */
  workingDaysLeft?: number;
  /** Urgent clock while it runs: the county's office is closed now (weekend, holiday, after hours). */
  officeClosed?: boolean;
}

/**
 * Total calendar days covered by the delays (inclusive; overlapping periods counted once). An
 * ongoing delay (no `to`) counts up to `today`; without `today` it counts its first day only.
 */
export const clientDelayDays = (delays: readonly ClientDelay[], today?: LocalDate): number => {
  const sorted = delays
    .map((open) => {
      const d = { ...open, to: open.to ?? (today !== undefined && today > open.from ? today : open.from) };
      parseLocalDate(d.from);
      parseLocalDate(d.to);
      if (d.to < d.from) {
        throw new DomainError('validation', `Client delay ends before it starts: ${d.from}…${d.to}`, {
          field: 'clientDelays',
        });
      }
      return d;
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let total = 0;
  let coveredUntil: LocalDate | undefined; // last day already counted
  for (const d of sorted) {
    const start = coveredUntil && d.from <= coveredUntil ? addDays(coveredUntil, 1) : d.from;
    if (start <= d.to) total += daysBetween(start, d.to) + 1;
    if (!coveredUntil || d.to > coveredUntil) coveredUntil = d.to;
  }
  return total;
};

/** The due date of a term, moved off non-working days. */
export const dueDateOf = (cal: WorkingCalendar, start: LocalDate, term: Term, extensionDays = 0): LocalDate => {
  switch (term.kind) {
    case 'sameDay':
      // SHL 35 ja 36 §: urgent means today, whatever the calendar (not moved off weekends).
      return addDays(start, extensionDays);
    case 'workingDays':
      return cal.addWorkingDays(addDays(start, extensionDays), term.n);
    case 'months':
      return cal.nextWorkingDayOnOrAfter(addDays(addMonths(start, term.n), extensionDays));
    case 'days':
      return cal.nextWorkingDayOnOrAfter(addDays(start, term.n + extensionDays));
  }
};

interface Ctx {
  cal: WorkingCalendar;
  config: DeadlineConfig;
  today: LocalDate;
  /** Helsinki hour of now (0–23). */
  hour: number;
  closedOn: LocalDate | undefined;
}

const dateOf = (i: Instant | undefined): LocalDate | undefined => (i === undefined ? undefined : helsinkiDate(i));

const makeClock = (
  ctx: Ctx,
  id: ClockId,
  ruleId: RuleId,
  startedOn: LocalDate,
  metOn: LocalDate | undefined,
  extensionDays?: number,
): Clock | null => {
  const rule = RULES_BY_ID[ruleId];
  const term = rule.term(ctx.config);
  const dueDate = dueDateOf(ctx.cal, startedOn, term, extensionDays);
  const base = { id, ruleId, source: rule.source, reference: rule.reference, references: rule.references, startedOn, dueDate };
  const ext = extensionDays === undefined ? {} : { extensionDays };
  const working = (from: LocalDate) => (term.kind === 'workingDays' ? { workingDaysLeft: ctx.cal.workingDaysBetween(from, dueDate) } : {});
  if (metOn !== undefined) {
    return { ...base, state: metOn <= dueDate ? 'met' : 'metLate', daysLeft: daysBetween(metOn, dueDate), metOn, ...ext, ...working(metOn) };
  }
  const asOf = ctx.closedOn !== undefined && ctx.closedOn < ctx.today ? ctx.closedOn : ctx.today;
  // The urgent clock while the case is open and the assessment not started: is the office closed now?
  const office =
    term.kind === 'sameDay' && ctx.closedOn === undefined
      ? {
          officeClosed:
            !ctx.cal.isWorkingDay(ctx.today) || ctx.hour < ctx.config.officeOpensHour || ctx.hour >= ctx.config.officeClosesHour,
        }
      : {};
  if (asOf > dueDate) return { ...base, state: 'late', daysLeft: daysBetween(asOf, dueDate), ...ext, ...working(asOf), ...office };
  if (ctx.closedOn !== undefined) return null; // closed in time: no longer running, no breach
  const soon = term.kind === 'sameDay' || ctx.cal.workingDaysBetween(asOf, dueDate) <= ctx.config.dueSoonWorkingDays;
  return { ...base, state: soon ? 'dueSoon' : 'onTime', daysLeft: daysBetween(asOf, dueDate), ...ext, ...working(asOf), ...office };
};

const appealClock = (ctx: Ctx, n: DecisionNotification): Clock => {
  const startedOn = appealStartOn(n);
  const rule = RULES_BY_ID.appeal;
  const dueDate = dueDateOf(ctx.cal, startedOn, rule.term(ctx.config));
  const base = {
    id: `appeal:${n.decisionId}` as const,
    ruleId: rule.id,
    source: rule.source,
    reference: rule.reference,
    references: rule.references,
    startedOn,
    dueDate,
  };
  if (ctx.today > dueDate) return { ...base, state: 'met', daysLeft: 0, metOn: dueDate };
  const soon = ctx.cal.workingDaysBetween(ctx.today, dueDate) <= ctx.config.dueSoonWorkingDays;
  return { ...base, state: soon ? 'dueSoon' : 'onTime', daysLeft: daysBetween(ctx.today, dueDate) };
};

/**
 * All clocks of a case, in rule order: urgentAssessment (urgent only), assessmentStart,
 * assessmentFinish, implementation, then one appeal clock per decision notification.
 */
export const computeClocks = (
  facts: CaseClockFacts,
  now: Instant,
  calendar: WorkingCalendar,
  config: Partial<DeadlineConfig> = {},
): Clock[] => {
  const ctx: Ctx = {
    cal: calendar,
    config: resolveDeadlineConfig(config),
    today: helsinkiDate(now),
    hour: helsinkiHour(now),
    closedOn: dateOf(facts.closedAt),
  };
  const pendingOn = helsinkiDate(facts.pendingAt);
  const startedOn = dateOf(facts.assessmentStartedAt);
  const finishedOn = dateOf(facts.assessmentFinishedAt);
  const placedOn = dateOf(facts.placedAt);
  const lawGroups = facts.birthDate !== undefined ? lawGroupsAt(facts.lawGroups, facts.birthDate, facts.pendingAt) : facts.lawGroups;
  const isLawGroup = lawGroups.length > 0;
  const isChild = lawGroups.includes('CHILD_SPECIAL_SUPPORT');

  const clocks: (Clock | null)[] = [
    facts.urgent ? makeClock(ctx, 'urgentAssessment', 'urgentAssessment', pendingOn, startedOn) : null,
    makeClock(ctx, 'assessmentStart', isLawGroup ? 'assessmentStart.law' : 'assessmentStart.county', pendingOn, startedOn),
    makeClock(ctx, 'assessmentFinish', isChild ? 'assessmentFinish.law' : 'assessmentFinish.county', pendingOn, finishedOn),
    facts.urgent
      ? makeClock(ctx, 'implementation', 'implementation.urgent', pendingOn, placedOn)
      : makeClock(ctx, 'implementation', 'implementation', pendingOn, placedOn, clientDelayDays(facts.clientDelays, ctx.today)),
    ...(facts.decisionNotifications ?? []).map((n) => appealClock(ctx, n)),
  ];
  return clocks.filter((c): c is Clock => c !== null);
};

// ---- ordering ("My work") --------------------------------------------------------------------

const SEVERITY: Record<ClockState, number> = { late: 0, dueSoon: 1, onTime: 2, metLate: 3, met: 4 };
const RULE_ORDER = new Map<RuleId, number>(DEADLINE_RULES.map((r, i) => [r.id, i]));

/** Lower is more urgent: late 0, dueSoon 1, onTime 2, metLate 3, met 4. */
export const clockSeverity = (c: Pick<Clock, 'state'>): number => SEVERITY[c.state];

/** Most urgent first: by severity, then earliest due date, then rule order, then id. */
export const compareClocks = (a: Clock, b: Clock): number =>
  clockSeverity(a) - clockSeverity(b) ||
  (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
  (RULE_ORDER.get(a.ruleId) ?? 0) - (RULE_ORDER.get(b.ruleId) ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A sorted copy, most urgent first. */
export const sortClocks = (clocks: readonly Clock[]): Clock[] => [...clocks].sort(compareClocks);

/** The most urgent clock that still runs (late, dueSoon or onTime), if any. */
export const mostUrgentClock = (clocks: readonly Clock[]): Clock | undefined =>
  sortClocks(clocks).find((c) => c.state === 'late' || c.state === 'dueSoon' || c.state === 'onTime');
