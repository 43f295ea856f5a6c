/**
 * "My bookings": the signed-in worker's bookings still waiting for their meeting, soonest first
 * (the tab and the bot's chat list). From the worker's case projection (one CaseIndex partition
 * query) and, per SAP case, two point reads: the case row and its `sapLive` pointer, which holds
 * the waiting booking (model.ts waitingBooking) — no query of the Cases table. Every case listed is
 * logged as read; the clients' chains are written concurrently.
 */
import type { AccessEntry } from '../../audit/access-log.js';
import type { AuthUser } from '../../domain/access.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { bookingDto } from './dto.js';
import { waitingBooking } from './model.js';

export async function myBookings(deps: Deps, user: AuthUser) {
  const summaries = (await deps.cases.listByWorker(user.id)).filter((s) => s.state === 'SAP');
  const found = await Promise.all(
    summaries.map(async (s) => {
      const [f, waiting] = await Promise.all([deps.cases.get(s.id), waitingBooking(deps, s.id)]);
      return { f, waiting };
    }),
  );
  const listed = found.flatMap(({ f, waiting }) =>
    f && waiting && f.value.workerId === user.id && f.value.state === 'SAP' ? [{ c: f.value, row: waiting }] : [],
  );
  const meetingIds = [...new Set(listed.map((l) => l.row.meetingId))];
  const at = deps.clock.now().toISOString();
  const reads: AccessEntry[] = listed.map(({ c }) => ({
    at,
    actor: actorOf(user),
    clientId: c.clientId,
    caseId: c.id,
    action: 'read',
    what: 'sap.myBookings',
    relation: 'assignedWorker',
  }));
  const [titles] = await Promise.all([
    Promise.all(meetingIds.map(async (id) => [id, (await deps.sap.getMeetingRecord(id))?.title] as const)),
    deps.accessLog.recordMany(reads),
  ]);
  const titleOf = new Map(titles);
  const out = listed.map(({ c, row }) => {
    const title = titleOf.get(row.meetingId);
    return { ...bookingDto(row, c.id, c.ref), clientName: `${c.client.lastName} ${c.client.firstName}`, ...(title ? { meetingTitle: title } : {}) };
  });
  out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { bookings: out };
}
