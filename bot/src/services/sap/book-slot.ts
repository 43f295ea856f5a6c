/**
 * Booking a SAP slot for one of the worker's own cases (SPEC step 3; also called directly by the
 * bot's chat booking). The case must be in ASSESSMENT (→ SAP through the workflow) or already in
 * SAP: a case with a booking waiting is moved (rebook); a case whose earlier booking was handled
 * gets a new one (changed need). The estimate is 10, 20 or 30 minutes; a booking that runs past
 * the meeting's end is allowed and flagged. Two workers taking one slot at once: exactly one
 * wins, the other gets 'slot.taken' with the next free start.
 */
import type { BookingCreate, BookingResult } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { transition } from '../../domain/workflow/index.js';
import type { SapBookingRecord } from '../../storage/sap-repository.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { placeBooking } from './commit-booking.js';
import { bookingDto } from './dto.js';
import { caseBookings, IN_FLIGHT_MS, isOnAgenda, liveBooking, requireOwnCase } from './model.js';
import { moveBooking } from './move-booking.js';
import { checkSlot } from './slots.js';

export interface BookSlotInput extends Omit<BookingCreate, 'lengthMinutes'> {
  meetingId: string;
  lengthMinutes?: number;
}

export async function bookSlot(deps: Deps, user: AuthUser, input: BookSlotInput): Promise<BookingResult> {
  const { record: c } = await loadCase(deps, user, input.caseId, { action: 'update', what: 'sap.booking' });
  requireOwnCase(user, c);
  const rows = await caseBookings(deps, c.id);
  const live = liveBooking(rows);
  if (live && c.state === 'SAP') {
    return moveBooking(deps, user, live.value.meetingId, live.value.id, {
      toMeetingId: input.meetingId,
      startMinute: input.startMinute,
      lengthMinutes: input.lengthMinutes,
    });
  }
  const now = deps.clock.now();
  transition(c.state, c.state === 'SAP' ? 'rebook' : 'bookSap', { actor: actorOf(user), at: now.toISOString() }); // case.wrongState early

  const target = await deps.sap.mustGetMeeting(input.meetingId);
  // A booking of this case left behind by a failed earlier attempt holds its cells: free them.
  const onAgenda = new Set(rows.filter((r) => isOnAgenda(r.value.status)).map((r) => r.value.id));
  for (const b of target.bookings) {
    const stale = now.getTime() - Date.parse(b.value.createdAt) >= IN_FLIGHT_MS;
    if (b.value.caseId === c.id && !onAgenda.has(b.value.id) && stale) {
      await deps.sap.removeBooking(target.meeting.id, b.value.id);
      target.bookings = target.bookings.filter((x) => x.value.id !== b.value.id);
    }
  }
  const lengthMinutes = input.lengthMinutes ?? target.meeting.slotMinutes;
  const check = checkSlot(target, { startMinute: input.startMinute, lengthMinutes }, now);
  const changedNeed = rows.some((r) => r.value.outcome?.kind === 'service') || Boolean(c.firstDecidedOn);
  const booking: SapBookingRecord = {
    id: deps.newId(),
    meetingId: target.meeting.id,
    startMinute: check.startMinute,
    lengthMinutes: check.lengthMinutes,
    caseId: c.id,
    caseRef: c.ref,
    workerId: user.id,
    workerName: user.name,
    reason: input.reason ?? (changedNeed ? 'CHANGED_NEED' : 'NEW_CLIENT'),
    ...(input.note ? { note: input.note } : {}),
    createdAt: now.toISOString(),
    createdBy: actorOf(user),
  };
  const placed = await placeBooking(deps, user, { target, booking, check });
  deps.log.info({ meetingId: booking.meetingId, bookingId: booking.id, caseId: c.id, overrunMinutes: check.overrunMinutes }, 'SAP slot booked');
  return { booking: bookingDto(placed.row, c.id, c.ref), caseState: placed.record.state };
}
