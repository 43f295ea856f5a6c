/**
 * The SAP agenda (esityslista / föredragningslista): the meeting's bookings in time order, with
 * start and end instants, and totals that show whether the meeting would overrun.
 */
import type { BookingReason, Instant } from '../types.js';
import { addMinutes, cellsOf, meetingEndsAt, validateMeeting } from './slots.js';
import type { SapBooking, SapMeeting } from './slots.js';

export interface AgendaItem {
  /** 1-based. */
  order: number;
  bookingId: string;
  caseId: string;
  workerId: string;
  reason: BookingReason;
  startMinute: number;
  lengthMinutes: number;
  startsAt: Instant;
  endsAt: Instant;
  /** Minutes of this item past the meeting's planned end. */
  overrunMinutes: number;
}

export interface AgendaTotals {
  items: number;
  /** Sum of booking lengths (including any part past the end). */
  bookedMinutes: number;
  /** Unbooked minutes inside the meeting's planned time. */
  freeMinutes: number;
  /** How far the last booking runs past the planned end. */
  overrunMinutes: number;
  overruns: boolean;
}

export interface Agenda {
  meetingId: string;
  startsAt: Instant;
  /** Planned end. */
  endsAt: Instant;
  /** Planned end, or later when bookings overrun. */
  expectedEndsAt: Instant;
  items: AgendaItem[];
  totals: AgendaTotals;
}

/** Builds the agenda from the meeting's bookings (bookings of other meetings are ignored). */
export function agenda(meeting: SapMeeting, bookings: readonly SapBooking[]): Agenda {
  validateMeeting(meeting);
  const own = bookings
    .filter((b) => b.meetingId === meeting.id)
    .sort((a, b) => a.startMinute - b.startMinute || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<number>();
  let lastEnd = 0;
  const items = own.map((b, i): AgendaItem => {
    for (const c of cellsOf(b, meeting.slotMinutes)) taken.add(c);
    const end = b.startMinute + b.lengthMinutes;
    lastEnd = Math.max(lastEnd, end);
    return {
      order: i + 1,
      bookingId: b.id,
      caseId: b.caseId,
      workerId: b.workerId,
      reason: b.reason,
      startMinute: b.startMinute,
      lengthMinutes: b.lengthMinutes,
      startsAt: addMinutes(meeting.startsAt, b.startMinute),
      endsAt: addMinutes(meeting.startsAt, end),
      overrunMinutes: Math.max(0, end - Math.max(b.startMinute, meeting.durationMinutes)),
    };
  });
  let takenInside = 0;
  for (const c of taken) if (c >= 0 && c < meeting.durationMinutes) takenInside += 1;
  const overrunMinutes = Math.max(0, lastEnd - meeting.durationMinutes);
  return {
    meetingId: meeting.id,
    startsAt: meeting.startsAt,
    endsAt: meetingEndsAt(meeting),
    expectedEndsAt: addMinutes(meeting.startsAt, Math.max(meeting.durationMinutes, lastEnd)),
    items,
    totals: {
      items: items.length,
      bookedMinutes: own.reduce((sum, b) => sum + b.lengthMinutes, 0),
      freeMinutes: meeting.durationMinutes - takenInside * meeting.slotMinutes,
      overrunMinutes,
      overruns: overrunMinutes > 0,
    },
  };
}
