/**
 * The SAP side of a case. The meeting's partition (storage/sap-repository.ts) holds the slot
 * cells — the lock two workers race for — and the agenda order; the case's own partition holds a
 * row of kind 'booking' per booking with its status and outcome. The case row is the truth about
 * whether a booking is live: it is written in the same transaction as the case's state change.
 * A meeting booking whose case row does not list it as live (a failed write between the two
 * partitions) is an orphan: agendas leave it out and remove it (see meeting-view.ts).
 */
import type { AuthUser, MeetingRole, SapGrant } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { SapOutcome } from '../../domain/sap/index.js';
import type { Actor, BookingReason, Instant } from '../../domain/types.js';
import type { CaseRowWrite } from '../../storage/case-repository.js';
import type { SapMeetingRecord } from '../../storage/sap-repository.js';
import type { Deps } from '../deps.js';

export const BOOKING_STATUSES = ['booked', 'handled', 'cancelled', 'moved'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface RecordedOutcome extends SapOutcome {
  recordedAt: Instant;
  recordedBy: Actor;
  /** Corrections until the decision was signed: who, when, why and the version it replaced. */
  corrections?: Array<{ at: Instant; by: Actor; reason: string; was: Omit<RecordedOutcome, 'corrections'> }>;
}

/** A booking as the case keeps it (its SAP history). */
export interface CaseBookingRow {
  id: string;
  meetingId: string;
  meetingStartsAt: Instant;
  startMinute: number;
  lengthMinutes: number;
  startsAt: Instant;
  endsAt: Instant;
  overrunMinutes: number;
  reason: BookingReason;
  note?: string;
  workerId: string;
  workerName: string;
  /** Members of the meeting when booked: they get the sapMember relation to the case. */
  memberIds: string[];
  /** The same members with their part in the meeting (the access table's SAP relations). */
  members?: Array<{ userId: string; role: MeetingRole }>;
  status: BookingStatus;
  bookedAt: Instant;
  bookedBy: Actor;
  cancelledAt?: Instant;
  cancelledBy?: Actor;
  cancelNote?: string;
  movedTo?: { meetingId: string; bookingId: string };
  movedFrom?: { meetingId: string; bookingId: string };
  outcome?: RecordedOutcome;
}

export interface StoredCaseBooking {
  value: CaseBookingRow;
  version: string;
}

/** A booking counts as live (on an agenda) while booked, and stays on it once handled. */
export const isOnAgenda = (s: BookingStatus) => s === 'booked' || s === 'handled';

/** Seconds a meeting booking may exist before its case row is written (one request's time). */
export const IN_FLIGHT_MS = 60_000;

export async function caseBookings(deps: Deps, caseId: string): Promise<StoredCaseBooking[]> {
  const rows = await deps.cases.rowsOf<CaseBookingRow>(caseId, 'booking');
  return rows.map((r) => ({ value: r.value, version: r.version })).sort((a, b) => a.value.bookedAt.localeCompare(b.value.bookedAt));
}

/** The case's booking waiting for the group (at most one). */
export const liveBooking = (rows: readonly StoredCaseBooking[]) => rows.find((r) => r.value.status === 'booked');

/**
 * The case's pointer to its booking waiting for the group (row `sapLive` of the case partition):
 * written in the same transaction as every change of a booking row, with a copy of the waiting
 * row, so "my bookings" point-reads one row instead of querying the case's booking range.
 * `bookingId` null: nothing waiting.
 */
export interface LiveBookingPointer {
  bookingId: string | null;
  booking?: CaseBookingRow;
}

export function livePointer(rows: readonly CaseBookingRow[]): CaseRowWrite {
  const live = rows.find((r) => r.status === 'booked');
  const value: LiveBookingPointer = live ? { bookingId: live.id, booking: live } : { bookingId: null };
  return { kind: 'sapLive', value, version: 'upsert' };
}

/**
 * The case's booking waiting for the group, from its pointer (one point read). A case without a
 * pointer (booked before pointers were written), or with one that does not hold a waiting row,
 * is read the old way: its booking range.
 */
export async function waitingBooking(deps: Deps, caseId: string): Promise<CaseBookingRow | undefined> {
  const pointer = (await deps.cases.row<LiveBookingPointer>(caseId, 'sapLive'))?.value;
  if (pointer && pointer.bookingId === null) return undefined;
  if (pointer?.booking?.id === pointer?.bookingId && pointer?.booking?.status === 'booked') return pointer.booking;
  return liveBooking(await caseBookings(deps, caseId))?.value;
}

/**
 * The sapMember relation: members of every meeting where the case is (or was handled) on the
 * agenda. Recomputed from the case's own booking rows, so a cancelled booking's members lose it.
 */
export function sapMemberIds(rows: ReadonlyArray<Pick<CaseBookingRow, 'status' | 'memberIds'>>): string[] {
  const ids = new Set<string>();
  for (const r of rows) if (isOnAgenda(r.status)) for (const id of r.memberIds) ids.add(id);
  return [...ids].sort();
}

/**
 * The SAP access grants (domain/access): one per meeting where the case is (or was handled) on
 * the agenda, with the meeting's start and its members' parts; rows from before parts were kept
 * count their members as guests (read only).
 */
export function sapAccessOf(rows: ReadonlyArray<Pick<CaseBookingRow, 'status' | 'memberIds' | 'members' | 'meetingId' | 'meetingStartsAt'>>): SapGrant[] {
  return rows
    .filter((r) => isOnAgenda(r.status))
    .map((r) => ({ meetingId: r.meetingId, meetingStartsAt: r.meetingStartsAt, members: r.members ?? r.memberIds.map((userId) => ({ userId, role: 'guest' as const })) }));
}

export const membersOf = (m: SapMeetingRecord): Array<{ userId: string; role: MeetingRole }> => m.members.map((x) => ({ userId: x.userId, role: x.role }));

export const memberIdsOf = (m: SapMeetingRecord) => [...new Set(m.members.map((x) => x.userId))];

export const isMember = (m: SapMeetingRecord, userId: string) => m.members.some((x) => x.userId === userId);

/** Only the assigned worker books, moves or cancels the case's bookings ("own cases only"). */
export function requireOwnCase(user: AuthUser, c: CaseRecord): void {
  if (c.workerId !== user.id) throw new DomainError('booking.notOwn', 'Only the assigned worker of the case books its SAP slots');
}
