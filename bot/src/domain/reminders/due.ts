/**
 * Which reminders are due today, for whom. Pure: the facts and `today` come in, items come out.
 * The facts carry no client names or henkilötunnus — only a case's short reference, which a
 * personal chat may show (channel posts never carry reminders).
 *
 * Rules:
 * - sapDayBefore / sapSlotSoon: on the last working day before the meeting's date (a Monday meeting
 *   is announced on Friday), to every member / to each presenting worker for each own slot.
 * - assessmentClock / implementationClock: the assessment clocks (urgent, start, finish) and the
 *   SHL 45 § clock when due soon or late, to the case's worker. These cannot be muted.
 * - followUpDue: follow-ups due within `dueSoonWorkingDays` working days, or overdue, to the worker.
 * - offerUnanswered: open offers whose answer-by day is today or past, to the coordinators.
 * - noticeReminder: notices whose reminder is due (services/notices applies the county's delay,
 *   the expiry and the acknowledgements), to each person who has not acknowledged.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { helsinkiDate } from '../calendar/localDate.js';
import type { Instant, LocalDate } from '../types.js';
import type { ReminderKind } from './kinds.js';

export interface ReminderText {
  /** i18n key under reminders.* in the bot's locale files. */
  key: string;
  params: Record<string, string | number>;
}

export interface ReminderItem {
  kind: ReminderKind;
  userId: string;
  /** Stable identity of what is reminded of (dedupes the same thing found twice). */
  key: string;
  /** 0 = late / today, 1 = soon, 2 = for information. */
  severity: 0 | 1 | 2;
  text: ReminderText;
  /** Case short reference (personal chat only). */
  caseRef?: string;
  /** Sorting within a kind: an instant or a local date. */
  at: string;
}

export interface MeetingFacts {
  meetingId: string;
  startsAt: Instant;
  memberIds: readonly string[];
  agenda: { items: number; bookedMinutes: number; overrunMinutes: number };
  slots: ReadonlyArray<{ bookingId: string; workerId: string; caseRef: string; startsAt: Instant; lengthMinutes: number }>;
}

export interface ClockFacts {
  caseId: string;
  caseRef: string;
  workerId: string;
  clocks: ReadonlyArray<{ id: string; ruleId: string; source: string; state: string; dueDate: LocalDate; daysLeft: number }>;
}

export interface FollowUpFacts {
  followUpId: string;
  caseId: string;
  caseRef: string;
  workerId: string;
  dueDate: LocalDate;
}

export interface OfferFacts {
  entryId: string;
  caseRef: string;
  service: string;
  answerBy: LocalDate;
  coordinatorIds: readonly string[];
}

/** A notice whose reminder is due (services/notices decides: delay, expiry, acknowledgements). */
export interface NoticeFacts {
  noticeId: string;
  title: string;
  publishedAt: Instant;
  pendingUserIds: readonly string[];
}

export interface ReminderFacts {
  meetings?: readonly MeetingFacts[];
  clocks?: readonly ClockFacts[];
  followUps?: readonly FollowUpFacts[];
  offers?: readonly OfferFacts[];
  notices?: readonly NoticeFacts[];
}

export interface ReminderRules {
  dueSoonWorkingDays: number;
}

/** Clocks the worker is warned about, and the (unmutable) kind of each. */
export const WARNED_CLOCKS: Record<string, 'assessmentClock' | 'implementationClock'> = {
  urgentAssessment: 'assessmentClock',
  assessmentStart: 'assessmentClock',
  assessmentFinish: 'assessmentClock',
  implementation: 'implementationClock',
};

/** True when `today` is the last working day before `date` (and `date` is after today). */
export function isDayBefore(cal: WorkingCalendar, today: LocalDate, date: LocalDate): boolean {
  return date > today && date <= cal.addWorkingDays(today, 1);
}

export function dueReminders(facts: ReminderFacts, today: LocalDate, cal: WorkingCalendar, rules: ReminderRules): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const m of facts.meetings ?? []) {
    if (!isDayBefore(cal, today, helsinkiDate(m.startsAt))) continue;
    for (const userId of new Set(m.memberIds)) {
      out.push({
        kind: 'sapDayBefore',
        userId,
        key: `sapMeeting:${m.meetingId}`,
        severity: 1,
        at: m.startsAt,
        text: { key: 'reminders.sapMeeting', params: { startsAt: m.startsAt, ...m.agenda, meetingId: m.meetingId } },
      });
    }
    for (const s of m.slots) {
      out.push({
        kind: 'sapSlotSoon',
        userId: s.workerId,
        key: `sapSlot:${s.bookingId}`,
        severity: 1,
        at: s.startsAt,
        caseRef: s.caseRef,
        text: { key: 'reminders.sapSlot', params: { startsAt: s.startsAt, lengthMinutes: s.lengthMinutes, caseRef: s.caseRef, meetingId: m.meetingId } },
      });
    }
  }
  for (const c of facts.clocks ?? []) {
    for (const k of c.clocks) {
      const kind = WARNED_CLOCKS[k.id];
      if (!kind || (k.state !== 'late' && k.state !== 'dueSoon')) continue;
      out.push({
        kind,
        userId: c.workerId,
        key: `deadline:${c.caseId}:${k.id}`,
        severity: k.state === 'late' || k.dueDate <= today ? 0 : 1,
        at: k.dueDate,
        caseRef: c.caseRef,
        text: {
          key: k.state === 'late' ? 'reminders.deadlineLate' : 'reminders.deadlineSoon',
          params: { clock: k.id, dueDate: k.dueDate, daysLeft: k.daysLeft, caseRef: c.caseRef, source: k.source },
        },
      });
    }
  }
  for (const f of facts.followUps ?? []) {
    if (f.dueDate > today && cal.workingDaysBetween(today, f.dueDate) > rules.dueSoonWorkingDays) continue;
    out.push({
      kind: 'followUpDue',
      userId: f.workerId,
      key: `followUp:${f.caseId}:${f.followUpId}`,
      severity: f.dueDate <= today ? 0 : 1,
      at: f.dueDate,
      caseRef: f.caseRef,
      text: { key: f.dueDate < today ? 'reminders.followUpLate' : 'reminders.followUpDue', params: { dueDate: f.dueDate, caseRef: f.caseRef } },
    });
  }
  for (const o of facts.offers ?? []) {
    if (o.answerBy > today) continue;
    for (const userId of new Set(o.coordinatorIds)) {
      out.push({
        kind: 'offerUnanswered',
        userId,
        key: `offer:${o.entryId}`,
        severity: o.answerBy < today ? 0 : 1,
        at: o.answerBy,
        caseRef: o.caseRef,
        text: { key: o.answerBy < today ? 'reminders.offerLate' : 'reminders.offerToday', params: { answerBy: o.answerBy, caseRef: o.caseRef, service: o.service } },
      });
    }
  }
  for (const n of facts.notices ?? []) {
    const publishedOn = helsinkiDate(n.publishedAt);
    for (const userId of new Set(n.pendingUserIds)) {
      out.push({
        kind: 'noticeReminder',
        userId,
        key: `notice:${n.noticeId}`,
        severity: 2,
        at: n.publishedAt,
        text: { key: 'reminders.notice', params: { title: n.title, publishedOn, noticeId: n.noticeId } },
      });
    }
  }
  return out;
}
