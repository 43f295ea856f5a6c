/**
 * Moving one's own booking: inside the same meeting it is one transaction on the meeting's
 * partition (the booking row, ETag-checked; cells left deleted, cells entered inserted), then the
 * case's copy and a timeline event. To another meeting it is a new booking there (the workflow's
 * `rebook`, the old row marked moved in the same case transaction), then the old one is removed.
 * A retry of the same move is harmless.
 */
import type { BookingResult } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { cellsOf } from '../../domain/sap/index.js';
import type { SapBookingRecord } from '../../storage/sap-repository.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { placeBooking } from './commit-booking.js';
import { bookingDto } from './dto.js';
import { caseBookings, livePointer, requireOwnCase, type CaseBookingRow } from './model.js';
import { bookingsOf, checkSlot, slotTaken } from './slots.js';

export interface MoveInput {
  toMeetingId?: string;
  startMinute: number;
  lengthMinutes?: number;
}

export async function moveBooking(deps: Deps, user: AuthUser, meetingId: string, bookingId: string, input: MoveInput): Promise<BookingResult> {
  const source = await deps.sap.mustGetMeeting(meetingId);
  const b = source.bookings.find((x) => x.value.id === bookingId);
  if (!b) throw new DomainError('notFound', 'Booking not found', { resource: 'booking' });
  const { record: c } = await loadCase(deps, user, b.value.caseId, { action: 'update', what: 'sap.booking.move' });
  requireOwnCase(user, c);
  const row = (await caseBookings(deps, c.id)).find((r) => r.value.id === bookingId);
  if (!row || row.value.status !== 'booked') throw new DomainError('booking.notActive', 'Only a booking waiting for the meeting can be moved');
  const now = deps.clock.now();
  const lengthMinutes = input.lengthMinutes ?? b.value.lengthMinutes;

  if (input.toMeetingId && input.toMeetingId !== meetingId) {
    const target = await deps.sap.mustGetMeeting(input.toMeetingId);
    const check = checkSlot(target, { startMinute: input.startMinute, lengthMinutes }, now);
    const booking: SapBookingRecord = {
      ...b.value,
      id: deps.newId(),
      meetingId: target.meeting.id,
      startMinute: check.startMinute,
      lengthMinutes: check.lengthMinutes,
      createdAt: now.toISOString(),
      createdBy: actorOf(user),
    };
    const placed = await placeBooking(deps, user, { target, booking, check, replaces: row });
    await deps.sap.removeBooking(meetingId, bookingId).catch((err: unknown) =>
      deps.log.warn({ err, meetingId, bookingId }, 'could not remove a moved SAP booking; agendas will drop it'),
    );
    return { booking: bookingDto(placed.row, c.id, c.ref), caseState: placed.record.state };
  }

  const check = checkSlot(source, { id: bookingId, startMinute: input.startMinute, lengthMinutes }, now);
  const before = cellsOf(b.value, source.meeting.slotMinutes);
  const leave = before.filter((x) => !check.cells.includes(x));
  const enter = check.cells.filter((x) => !before.includes(x));
  const moved: SapBookingRecord = { ...b.value, startMinute: check.startMinute, lengthMinutes: check.lengthMinutes };
  if (!(await deps.sap.moveWithin(moved, b.version, leave, enter))) {
    const again = await deps.sap.mustGetMeeting(meetingId);
    const cur = again.bookings.find((x) => x.value.id === bookingId);
    if (!cur || cur.version !== b.version) throw new DomainError('conflict.version', 'The booking was changed meanwhile');
    throw slotTaken(again.meeting, bookingsOf(again), input.startMinute, lengthMinutes, now, bookingId);
  }
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = await deps.cases.mustGet(c.id);
    const cur = (await caseBookings(deps, c.id)).find((r) => r.value.id === bookingId);
    if (!cur || cur.value.status !== 'booked') throw new DomainError('booking.notActive', 'The booking was cancelled meanwhile');
    const at = deps.clock.now().toISOString();
    const next: CaseBookingRow = {
      ...cur.value,
      startMinute: check.startMinute,
      lengthMinutes: check.lengthMinutes,
      startsAt: check.startsAt,
      endsAt: check.endsAt,
      overrunMinutes: check.overrunMinutes,
    };
    const event = {
      type: 'sapBookingMoved',
      at,
      actor: actorOf(user),
      data: { meetingId, bookingId, fromStartMinute: cur.value.startMinute, startMinute: next.startMinute, lengthMinutes: next.lengthMinutes, overrunMinutes: next.overrunMinutes },
    };
    try {
      await deps.cases.update(found.value, { ...found.value, updatedAt: at }, found.version, [event], [
        { kind: 'booking', id: bookingId, value: next, version: cur.version },
        livePointer([next]), // the pointer's copy of the waiting row moves with it
      ]);
      return { booking: bookingDto(next, c.id, c.ref), caseState: found.value.state };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') continue;
      throw err;
    }
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}
