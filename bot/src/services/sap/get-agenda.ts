/**
 * The agenda of a meeting (esityslista): its bookings in time order with case reference, worker,
 * start and end, length, reason and overrun, and the totals that show whether the meeting would
 * overrun. The client's name is added only for a user with a relation to the case (a meeting
 * member once the case is booked, the assigned worker), and each such read is logged.
 */
import type { AccessEntry } from '../../audit/access-log.js';
import { authorise, type AuthUser } from '../../domain/access.js';
import { agenda } from '../../domain/sap/index.js';
import { accessContext, actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { meetingDto } from './dto.js';
import { meetingView } from './meeting-view.js';
import { bookingsOf } from './slots.js';

export async function getAgenda(deps: Deps, user: AuthUser, meetingId: string) {
  const { partition, items } = await meetingView(deps, meetingId);
  const a = agenda(partition.meeting, bookingsOf(partition));
  const byId = new Map(items.map((i) => [i.booking.id, i]));
  const rows = [];
  const reads: AccessEntry[] = [];
  const at = deps.clock.now().toISOString();
  const ctx = accessContext(deps);
  for (const it of a.items) {
    const v = byId.get(it.bookingId)!;
    const c = v.caseRecord;
    const allowed = c ? authorise(user, c, { subject: 'sap.agenda', mode: 'read' }, ctx) : null;
    const relation = allowed?.ok ? allowed.relation : null;
    const finished = relation && c ? { assessmentFinished: Boolean(c.assessmentFinishedAt) } : {};
    if (relation && c) reads.push({ at, actor: actorOf(user), clientId: c.clientId, caseId: c.id, action: 'read', what: 'sap.agenda', relation });
    rows.push({
      order: it.order,
      bookingId: it.bookingId,
      caseId: it.caseId,
      caseRef: v.booking.caseRef,
      workerId: it.workerId,
      workerName: v.booking.workerName,
      reason: it.reason,
      startMinute: it.startMinute,
      lengthMinutes: it.lengthMinutes,
      startsAt: it.startsAt,
      endsAt: it.endsAt,
      overrunMinutes: it.overrunMinutes,
      overruns: it.overrunMinutes > 0,
      status: v.caseRow?.value.status === 'handled' ? ('handled' as const) : ('booked' as const),
      ...(v.caseRow?.value.outcome ? { outcomeKind: v.caseRow.value.outcome.kind } : {}),
      ...(relation && c ? { client: { name: `${c.client.lastName} ${c.client.firstName}`, language: c.language } } : {}),
      ...(relation && v.booking.note ? { note: v.booking.note } : {}),
      ...finished,
    });
  }
  // Every client whose name is shown is logged before the agenda is answered: the chains are
  // per client, so they are written concurrently (audit/access-log.ts recordMany).
  await deps.accessLog.recordMany(reads);
  // Outcomes are recorded once the meeting has started (by the server's clock, not the device's).
  const outcomesOpen = deps.clock.now().getTime() >= Date.parse(partition.meeting.startsAt);
  return { meeting: meetingDto(partition.meeting, user), expectedEndsAt: a.expectedEndsAt, totals: a.totals, items: rows, outcomesOpen };
}
