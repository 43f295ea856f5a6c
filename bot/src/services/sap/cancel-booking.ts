/**
 * Cancelling one's own booking that still waits for the meeting. The case is written first (its
 * booking row cancelled, the meeting's members no longer related through it, and SAP → ASSESSMENT
 * through the workflow — unless an earlier service outcome still waits for its decision), then the
 * meeting's booking and cells are removed; if that second step fails, agendas drop the orphan.
 */
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { transition } from '../../domain/workflow/index.js';
import { timelineOf } from '../assessment/model.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { bookingDto } from './dto.js';
import { caseBookings, livePointer, requireOwnCase, sapAccessOf, sapMemberIds, type CaseBookingRow } from './model.js';

export async function cancelBooking(deps: Deps, user: AuthUser, meetingId: string, bookingId: string, note?: string) {
  const source = await deps.sap.mustGetMeeting(meetingId);
  const b = source.bookings.find((x) => x.value.id === bookingId);
  if (!b) throw new DomainError('notFound', 'Booking not found', { resource: 'booking' });
  for (let attempt = 0; attempt < 6; attempt++) {
    const { record: c, version } = await loadCase(deps, user, b.value.caseId, { action: 'update', what: 'sap.booking.cancel' });
    requireOwnCase(user, c);
    const rows = await caseBookings(deps, c.id);
    const row = rows.find((r) => r.value.id === bookingId);
    if (!row || row.value.status !== 'booked') throw new DomainError('booking.notActive', 'Only a booking waiting for the meeting can be cancelled');
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const cancelled: CaseBookingRow = { ...row.value, status: 'cancelled', cancelledAt: at, cancelledBy: actor, ...(note ? { cancelNote: note } : {}) };
    const after = rows.map((r) => (r.value.id === bookingId ? cancelled : r.value));
    const waitingDecision = c.state === 'SAP' && after.some((r) => r.status === 'handled' && r.outcome?.kind === 'service');
    const data = { meetingId, bookingId, startsAt: row.value.startsAt };
    let state = c.state;
    let event;
    if (waitingDecision) {
      event = { type: 'sapBookingCancelled', at, actor, ...(note ? { reason: note } : {}), data };
    } else {
      const t = transition(c.state, 'cancelSap', { actor, at, note });
      state = t.to;
      event = timelineOf(t.event, data);
    }
    const next = { ...c, state, sapMemberIds: sapMemberIds(after), sapAccess: sapAccessOf(after), updatedAt: at };
    try {
      await deps.cases.update(c, next, version, [event], [
        { kind: 'booking', id: bookingId, value: cancelled, version: row.version },
        livePointer(after),
      ]);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') continue;
      throw err;
    }
    await deps.sap.removeBooking(meetingId, bookingId).catch((err: unknown) =>
      deps.log.warn({ err, meetingId, bookingId }, 'could not remove a cancelled SAP booking; agendas will drop it'),
    );
    return { booking: bookingDto(cancelled, c.id, c.ref), caseState: state };
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}
