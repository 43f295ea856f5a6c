/**
 * SAP meeting slots (SPEC step 3). A meeting is cut into cells of slotMinutes (10); a booking
 * starts on a cell and covers 1-3 cells (10, 20 or 30 minutes). Storage keeps one entity per
 * cell (cellsOf), so two workers can never hold the same cell: the second insert fails.
 *
 * A booking must start inside the meeting; it may run past the meeting's end (the worker's own
 * estimate), which is allowed but flagged (overruns / overrunMinutes), and the cells past the end
 * are still exclusive. Pure: no clock (pass `now` where it matters).
 */
import type { BookingReason, Instant } from '../types.js';
import { DomainError } from '../errors.js';

export const SLOT_MINUTES = 10;
/** Longest booking a worker may make (three 10-minute cells). */
export const MAX_BOOKING_MINUTES = 30;

export interface SapMeeting {
  id: string;
  startsAt: Instant;
  durationMinutes: number;
  slotMinutes: number;
}

export interface SapBooking {
  id: string;
  meetingId: string;
  /** Minutes from the meeting's start; a multiple of slotMinutes. */
  startMinute: number;
  /** 10, 20 or 30. */
  lengthMinutes: number;
  caseId: string;
  workerId: string;
  reason: BookingReason;
}

export interface BookingRequest {
  /** Set when moving an existing booking: that booking's own cells do not count as taken. */
  id?: string;
  startMinute: number;
  /** Default: one slot (10). */
  lengthMinutes?: number;
}

export interface BookingCheck {
  startMinute: number;
  lengthMinutes: number;
  endMinute: number;
  /** Cell start minutes the booking covers (one storage entity each). */
  cells: number[];
  startsAt: Instant;
  endsAt: Instant;
  overruns: boolean;
  overrunMinutes: number;
}

export interface FreeStart {
  startMinute: number;
  startsAt: Instant;
  endsAt: Instant;
  /** > 0 when a booking of that length here would run past the meeting's end. */
  overrunMinutes: number;
}

/** instant + minutes, as an ISO string in UTC. */
export function addMinutes(at: Instant, minutes: number): Instant {
  const t = Date.parse(at);
  if (!Number.isFinite(t)) throw new DomainError('validation', 'Bad instant', { field: 'startsAt' });
  return new Date(t + minutes * 60_000).toISOString();
}

export const meetingEndsAt = (m: SapMeeting): Instant => addMinutes(m.startsAt, m.durationMinutes);

export function validateMeeting(m: SapMeeting): void {
  if (!m.id) throw new DomainError('validation', 'A meeting needs an id', { field: 'id' });
  if (typeof m.startsAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(m.startsAt) || !Number.isFinite(Date.parse(m.startsAt))) {
    throw new DomainError('validation', 'Bad meeting start', { field: 'startsAt' });
  }
  if (!Number.isInteger(m.slotMinutes) || m.slotMinutes < 1) {
    throw new DomainError('validation', 'Bad slot length', { field: 'slotMinutes' });
  }
  if (!Number.isInteger(m.durationMinutes) || m.durationMinutes < m.slotMinutes || m.durationMinutes % m.slotMinutes !== 0) {
    throw new DomainError('validation', 'Meeting length must be a whole number of slots', { field: 'durationMinutes' });
  }
}

/** The lengths a worker may choose in this meeting: 10, 20, 30 for 10-minute slots. */
export function allowedLengths(slotMinutes: number = SLOT_MINUTES): number[] {
  const out: number[] = [];
  for (let l = slotMinutes; l <= MAX_BOOKING_MINUTES; l += slotMinutes) out.push(l);
  return out;
}

function checkLength(lengthMinutes: number, slotMinutes: number): void {
  if (!allowedLengths(slotMinutes).includes(lengthMinutes)) {
    throw new DomainError('slot.length', `A booking is ${allowedLengths(slotMinutes).join('/')} minutes`, {
      allowed: allowedLengths(slotMinutes),
    });
  }
}

/** The cells a booking covers, as cell start minutes: {startMinute: 20, lengthMinutes: 20} → [20, 30]. */
export function cellsOf(booking: Pick<SapBooking, 'startMinute' | 'lengthMinutes'>, slotMinutes: number = SLOT_MINUTES): number[] {
  const cells: number[] = [];
  for (let m = booking.startMinute; m < booking.startMinute + booking.lengthMinutes; m += slotMinutes) cells.push(m);
  return cells;
}

/** Cells held by bookings of this meeting (optionally leaving one booking out). */
export function takenCells(meeting: SapMeeting, bookings: readonly SapBooking[], exceptId?: string): Set<number> {
  const taken = new Set<number>();
  for (const b of bookings) {
    if (b.meetingId !== meeting.id || b.id === exceptId) continue;
    for (const c of cellsOf(b, meeting.slotMinutes)) taken.add(c);
  }
  return taken;
}

const fits = (taken: Set<number>, start: number, length: number, slot: number): boolean =>
  cellsOf({ startMinute: start, lengthMinutes: length }, slot).every((c) => !taken.has(c));

/** First start ≥ `from` (rounded up to a cell) inside the meeting where `lengthMinutes` fits; null if none. */
export function nextFreeStart(meeting: SapMeeting, bookings: readonly SapBooking[], from: number, lengthMinutes: number, exceptId?: string): number | null {
  validateMeeting(meeting);
  checkLength(lengthMinutes, meeting.slotMinutes);
  const slot = meeting.slotMinutes;
  const taken = takenCells(meeting, bookings, exceptId);
  for (let s = Math.max(0, Math.ceil(from / slot) * slot); s < meeting.durationMinutes; s += slot) {
    if (fits(taken, s, lengthMinutes, slot)) return s;
  }
  return null;
}

/** Every start where a booking of `lengthMinutes` fits, in order (overrunning ones flagged). */
export function freeStarts(meeting: SapMeeting, bookings: readonly SapBooking[], lengthMinutes: number = SLOT_MINUTES): FreeStart[] {
  validateMeeting(meeting);
  checkLength(lengthMinutes, meeting.slotMinutes);
  const slot = meeting.slotMinutes;
  const taken = takenCells(meeting, bookings);
  const out: FreeStart[] = [];
  for (let s = 0; s < meeting.durationMinutes; s += slot) {
    if (!fits(taken, s, lengthMinutes, slot)) continue;
    out.push({
      startMinute: s,
      startsAt: addMinutes(meeting.startsAt, s),
      endsAt: addMinutes(meeting.startsAt, s + lengthMinutes),
      overrunMinutes: Math.max(0, s + lengthMinutes - meeting.durationMinutes),
    });
  }
  return out;
}

/**
 * Checks a booking request against the meeting and its existing bookings. Throws
 * 'slot.misaligned' { slotMinutes }, 'slot.length' { allowed }, 'slot.outsideMeeting'
 * { durationMinutes }, 'meeting.past' (the slot's start is before `now`, when given), and
 * 'slot.taken' { nextFree } (the next free start at or after the requested one, else the first
 * free start of the meeting, else null). An overrun is allowed and returned as a flag.
 */
export function validateBooking(
  meeting: SapMeeting,
  existing: readonly SapBooking[],
  request: BookingRequest,
  opts: { now?: Instant } = {},
): BookingCheck {
  validateMeeting(meeting);
  const slot = meeting.slotMinutes;
  const { startMinute } = request;
  const lengthMinutes = request.lengthMinutes ?? slot;
  if (!Number.isInteger(startMinute) || startMinute % slot !== 0) {
    throw new DomainError('slot.misaligned', `A booking starts on a ${slot}-minute boundary`, { slotMinutes: slot });
  }
  checkLength(lengthMinutes, slot);
  if (startMinute < 0 || startMinute >= meeting.durationMinutes) {
    throw new DomainError('slot.outsideMeeting', 'The booking must start inside the meeting', { durationMinutes: meeting.durationMinutes });
  }
  const startsAt = addMinutes(meeting.startsAt, startMinute);
  if (opts.now !== undefined && Date.parse(startsAt) < Date.parse(opts.now)) {
    throw new DomainError('meeting.past', 'That time has already passed', { meetingId: meeting.id });
  }
  const taken = takenCells(meeting, existing, request.id);
  if (!fits(taken, startMinute, lengthMinutes, slot)) {
    const nextFree =
      nextFreeStart(meeting, existing, startMinute, lengthMinutes, request.id) ?? nextFreeStart(meeting, existing, 0, lengthMinutes, request.id);
    throw new DomainError('slot.taken', 'Someone has that time already', { nextFree });
  }
  const endMinute = startMinute + lengthMinutes;
  const overrunMinutes = Math.max(0, endMinute - meeting.durationMinutes);
  return {
    startMinute,
    lengthMinutes,
    endMinute,
    cells: cellsOf({ startMinute, lengthMinutes }, slot),
    startsAt,
    endsAt: addMinutes(meeting.startsAt, endMinute),
    overruns: overrunMinutes > 0,
    overrunMinutes,
  };
}
