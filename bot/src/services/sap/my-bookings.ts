/**
 * "My bookings": the signed-in worker's bookings still waiting for their meeting, soonest first
 * (the tab and the bot's chat list). From the worker's case projection (one query) and each SAP
 * case's own booking rows; every case listed is logged as read.
 */
import type { AuthUser } from '../../domain/access.js';
import { logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';
import { bookingDto } from './dto.js';
import { caseBookings } from './model.js';

export async function myBookings(deps: Deps, user: AuthUser) {
  const summaries = (await deps.cases.listByWorker(user.id)).filter((s) => s.state === 'SAP');
  const found = await Promise.all(summaries.map(async (s) => ({ c: await deps.cases.get(s.id), rows: await caseBookings(deps, s.id) })));
  const meetings = new Map<string, string | undefined>();
  const out = [];
  for (const { c: f, rows } of found) {
    if (!f || f.value.workerId !== user.id || f.value.state !== 'SAP') continue;
    const c = f.value;
    const waiting = rows.filter((r) => r.value.status === 'booked');
    if (waiting.length === 0) continue;
    await logAccess(deps, user, c, 'assignedWorker', { action: 'read', what: 'sap.myBookings' });
    for (const r of waiting) {
      if (!meetings.has(r.value.meetingId)) meetings.set(r.value.meetingId, (await deps.sap.getMeeting(r.value.meetingId))?.meeting.title);
      const title = meetings.get(r.value.meetingId);
      out.push({ ...bookingDto(r.value, c.id, c.ref), clientName: `${c.client.lastName} ${c.client.firstName}`, ...(title ? { meetingTitle: title } : {}) });
    }
  }
  out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { bookings: out };
}
