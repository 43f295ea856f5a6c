/**
 * The facts the daily reminders are computed from (domain/reminders decides what is due):
 * SAP meetings of the next working day with their live agendas, the legal clocks of open cases,
 * follow-ups due, open offers, and notices not acknowledged. Ids, dates and case references
 * only: nothing here carries a client's name or henkilötunnus.
 *
 * This is the system reading for reminders, not a person viewing a case, so it writes no
 * access-log rows; the person sees only a reference to their own case in their own chat.
 */
import { addDays, helsinkiStartOfDay } from '../../domain/calendar/index.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import type { ClockFacts, FollowUpFacts, MeetingFacts, NoticeFacts, OfferFacts, ReminderFacts } from '../../domain/reminders/index.js';
import { agenda } from '../../domain/sap/index.js';
import { addMinutes } from '../../domain/sap/slots.js';
import { SERVICES, type CaseState, type LocalDate } from '../../domain/types.js';
import type { QueueRef } from '../../storage/queue-repository.js';
import { clocksOf } from '../cases/clocks.js';
import type { Deps } from '../deps.js';
import { unacknowledgedByPerson } from '../notices/pending-reminders.js';
import { meetingView } from '../sap/meeting-view.js';
import { memberIdsOf } from '../sap/model.js';
import { bookingsOf } from '../sap/slots.js';

const CLOCK_STATES: CaseState[] = ['RECEIVED', 'ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED'];

export async function meetingFacts(deps: Deps, today: LocalDate): Promise<MeetingFacts[]> {
  const until = addDays(deps.calendar.addWorkingDays(today, 1), 1);
  const meetings = await deps.sap.listMeetings(helsinkiStartOfDay(addDays(today, 1)), helsinkiStartOfDay(until));
  const out: MeetingFacts[] = [];
  for (const m of meetings) {
    const v = await meetingView(deps, m.id);
    const a = agenda(v.partition.meeting, bookingsOf(v.partition));
    out.push({
      meetingId: m.id,
      startsAt: m.startsAt,
      memberIds: memberIdsOf(v.partition.meeting),
      agenda: { items: a.totals.items, bookedMinutes: a.totals.bookedMinutes, overrunMinutes: a.totals.overrunMinutes },
      slots: v.items.map((i) => ({
        bookingId: i.booking.id,
        workerId: i.booking.workerId,
        caseRef: i.booking.caseRef,
        startsAt: addMinutes(m.startsAt, i.booking.startMinute),
        lengthMinutes: i.booking.lengthMinutes,
      })),
    });
  }
  return out;
}

async function openCases(deps: Deps): Promise<CaseRecord[]> {
  const ids = (await Promise.all(CLOCK_STATES.map((s) => deps.cases.listByState(s)))).flat().map((s) => s.id);
  const out: CaseRecord[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const found = await Promise.all(ids.slice(i, i + 50).map((id) => deps.cases.get(id)));
    for (const f of found) if (f && f.value.state !== 'CLOSED') out.push(f.value);
  }
  return out;
}

export function clockFacts(deps: Deps, cases: readonly CaseRecord[]): ClockFacts[] {
  return cases
    .filter((c) => c.workerId)
    .map((c) => ({ caseId: c.id, caseRef: c.ref, workerId: c.workerId!, clocks: clocksOf(deps, c) }));
}

/** Follow-up rows of placed cases: due date and whether done (the plan's review dates). */
export async function followUpFacts(deps: Deps): Promise<FollowUpFacts[]> {
  const placed = await deps.cases.listByState('PLACED');
  const out: FollowUpFacts[] = [];
  for (const s of placed) {
    if (!s.workerId) continue;
    for (const r of await deps.cases.rowsOf<Record<string, unknown>>(s.id, 'followup')) {
      const v = r.value;
      const due = [v.dueOn, v.dueDate, v.reviewOn].find((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d));
      const done = Boolean(v.doneAt ?? v.completedAt ?? v.done ?? v.recordedAt);
      if (due && !done) out.push({ followUpId: r.id, caseId: s.id, caseRef: s.ref, workerId: s.workerId, dueDate: due });
    }
  }
  return out;
}

export async function offerFacts(deps: Deps): Promise<OfferFacts[]> {
  const coordinators = (await deps.users.withRole('QueueCoordinator')).map((u) => u.id);
  if (!coordinators.length) return [];
  const units = (await deps.providers.listUnits()).map((u) => u.value);
  const refs: QueueRef[] = [...SERVICES.map((service) => ({ service })), ...units.flatMap((u) => u.services.map((service) => ({ service, unitId: u.id })))];
  const seen = new Set<string>();
  const out: OfferFacts[] = [];
  for (const ref of refs) {
    for (const l of await deps.queues.list(ref)) {
      const e = l.entry;
      if (e.left || e.offer?.state !== 'open' || seen.has(e.id)) continue;
      seen.add(e.id);
      out.push({ entryId: e.id, caseRef: l.facts.ref, service: e.service, answerBy: e.offer.answerBy, coordinatorIds: coordinators });
    }
  }
  return out;
}

export async function noticeFacts(deps: Deps): Promise<NoticeFacts[]> {
  const byNotice = new Map<string, NoticeFacts & { pendingUserIds: string[] }>();
  for (const { recipient, notices } of await unacknowledgedByPerson(deps)) {
    for (const n of notices) {
      const f = byNotice.get(n.id) ?? { noticeId: n.id, title: n.title, publishedAt: n.publishedAt, pendingUserIds: [] };
      f.pendingUserIds.push(recipient.userId);
      byNotice.set(n.id, f);
    }
  }
  return [...byNotice.values()];
}

/** Everything, each source on its own: one failing source does not stop the others. */
export async function gatherFacts(deps: Deps, today: LocalDate): Promise<ReminderFacts> {
  const safe = async <T>(name: string, f: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await f();
    } catch (err) {
      deps.log.warn({ source: name, err: (err as Error)?.name, code: (err as { code?: string })?.code }, 'reminder source failed');
      return [];
    }
  };
  const [meetings, clocks, followUps, offers, notices] = await Promise.all([
    safe('meetings', () => meetingFacts(deps, today)),
    safe('clocks', async () => clockFacts(deps, await openCases(deps))),
    safe('followUps', () => followUpFacts(deps)),
    safe('offers', () => offerFacts(deps)),
    safe('notices', () => noticeFacts(deps)),
  ]);
  return { meetings, clocks, followUps, offers, notices };
}
