/**
 * Slot checks around domain/sap: the request checked against a meeting snapshot, and the
 * 'slot.taken' answer with the next free start that has not already passed.
 */
import { DomainError } from '../../domain/errors.js';
import { nextFreeStart, validateBooking, type BookingCheck, type SapBooking, type SapMeeting } from '../../domain/sap/index.js';
import { addMinutes } from '../../domain/sap/slots.js';
import type { MeetingPartition } from '../../storage/sap-repository.js';
import type { Deps } from '../deps.js';

export const bookingsOf = (p: MeetingPartition): SapBooking[] => p.bookings.map((b) => b.value);

/** The first cell start of the meeting that is not in the past. */
function firstOpenMinute(m: SapMeeting, now: Date): number {
  const passed = (now.getTime() - Date.parse(m.startsAt)) / 60_000;
  return passed <= 0 ? 0 : Math.ceil(passed / m.slotMinutes) * m.slotMinutes;
}

/** Next free start at or after `from` (else the first free one still ahead), or null. */
export function nextFree(m: SapMeeting, bookings: readonly SapBooking[], from: number, lengthMinutes: number, now: Date, exceptId?: string) {
  const open = firstOpenMinute(m, now);
  const minute = nextFreeStart(m, bookings, Math.max(from, open), lengthMinutes, exceptId) ?? nextFreeStart(m, bookings, open, lengthMinutes, exceptId);
  return { nextFree: minute, nextFreeStartsAt: minute === null ? null : addMinutes(m.startsAt, minute) };
}

export function slotTaken(m: SapMeeting, bookings: readonly SapBooking[], from: number, lengthMinutes: number, now: Date, exceptId?: string) {
  return new DomainError('slot.taken', 'Someone has that time already', {
    meetingId: m.id,
    ...nextFree(m, bookings, from, lengthMinutes, now, exceptId),
  });
}

/** validateBooking on a snapshot; a taken slot answers with the next free start ahead. */
export function checkSlot(p: MeetingPartition, req: { id?: string; startMinute: number; lengthMinutes: number }, now: Date): BookingCheck {
  try {
    return validateBooking(p.meeting, bookingsOf(p), req, { now: now.toISOString() });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'slot.taken')
      throw slotTaken(p.meeting, bookingsOf(p), req.startMinute, req.lengthMinutes, now, req.id);
    throw err;
  }
}

/** After a lost race: read the meeting again and say what is free now. */
export async function slotTakenNow(deps: Deps, meetingId: string, from: number, lengthMinutes: number, exceptId?: string): Promise<DomainError> {
  const p = await deps.sap.mustGetMeeting(meetingId);
  return slotTaken(p.meeting, bookingsOf(p), from, lengthMinutes, deps.clock.now(), exceptId);
}
