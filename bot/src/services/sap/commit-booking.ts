/**
 * Placing a booking in a meeting and on the case — the part bookSlot and a move to another
 * meeting share. First the meeting's transaction (booking row + its cells: the race for the slot
 * is decided here, exactly one wins); then the case's transaction (state through the workflow,
 * sapMemberIds, the case's booking row, the timeline event). If the case cannot be written, the
 * meeting booking is removed again; if even that fails, agendas treat it as an orphan.
 */
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { BookingCheck } from '../../domain/sap/index.js';
import { transition, type CaseAction } from '../../domain/workflow/index.js';
import type { CaseRowWrite } from '../../storage/case-repository.js';
import type { MeetingPartition, SapBookingRecord } from '../../storage/sap-repository.js';
import { timelineOf } from '../assessment/model.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { caseBookings, liveBooking, livePointer, memberIdsOf, membersOf, requireOwnCase, sapAccessOf, sapMemberIds, type CaseBookingRow, type StoredCaseBooking } from './model.js';
import { slotTakenNow } from './slots.js';

export interface Placement {
  target: MeetingPartition;
  booking: SapBookingRecord;
  check: BookingCheck;
  /** The booking this one replaces (a move to another meeting). */
  replaces?: StoredCaseBooking;
}

export interface Placed {
  row: CaseBookingRow;
  record: CaseRecord;
}

export async function placeBooking(deps: Deps, user: AuthUser, p: Placement): Promise<Placed> {
  const { booking, check } = p;
  if (!(await deps.sap.insertBooking(booking, check.cells))) {
    throw await slotTakenNow(deps, booking.meetingId, booking.startMinute, booking.lengthMinutes);
  }
  try {
    return await commitToCase(deps, user, p);
  } catch (err) {
    // Was the case written after all (a lost answer)? Then the booking stands. If that cannot be
    // known now, leave the meeting row: agendas drop it once it is clearly an orphan.
    const written = await deps.cases.row<CaseBookingRow>(booking.caseId, 'booking', booking.id).then(
      (r) => r,
      () => null,
    );
    if (written) {
      const c = await deps.cases.mustGet(booking.caseId);
      return { row: written.value, record: c.value };
    }
    if (written === undefined) {
      await deps.sap.removeBooking(booking.meetingId, booking.id).catch((e: unknown) =>
        deps.log.warn({ err: e, meetingId: booking.meetingId, bookingId: booking.id }, 'could not undo a SAP booking; agendas will drop it'),
      );
    }
    throw err;
  }
}

async function commitToCase(deps: Deps, user: AuthUser, p: Placement): Promise<Placed> {
  const { booking, check, target } = p;
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = await deps.cases.mustGet(booking.caseId);
    const c = found.value;
    requireOwnCase(user, c);
    const rows = await caseBookings(deps, c.id);
    const mine = rows.find((r) => r.value.id === booking.id);
    if (mine) return { row: mine.value, record: c }; // an earlier attempt was written after all
    const live = liveBooking(rows);
    let action: CaseAction;
    if (p.replaces) {
      if (live?.value.id !== p.replaces.value.id) throw new DomainError('booking.notActive', 'The booking was changed or cancelled meanwhile');
      action = 'rebook';
    } else {
      if (live) throw new DomainError('case.wrongState', 'The case was booked meanwhile', { from: c.state, action: 'bookSap' });
      action = c.state === 'SAP' ? 'rebook' : 'bookSap';
    }
    const now = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const t = transition(c.state, action, { actor, at: now, note: booking.note });
    const row: CaseBookingRow = {
      id: booking.id,
      meetingId: booking.meetingId,
      meetingStartsAt: target.meeting.startsAt,
      startMinute: check.startMinute,
      lengthMinutes: check.lengthMinutes,
      startsAt: check.startsAt,
      endsAt: check.endsAt,
      overrunMinutes: check.overrunMinutes,
      reason: booking.reason,
      ...(booking.note ? { note: booking.note } : {}),
      workerId: booking.workerId,
      workerName: booking.workerName,
      memberIds: memberIdsOf(target.meeting),
      members: membersOf(target.meeting),
      status: 'booked',
      bookedAt: now,
      bookedBy: actor,
      ...(p.replaces ? { movedFrom: { meetingId: p.replaces.value.meetingId, bookingId: p.replaces.value.id } } : {}),
    };
    const writes: CaseRowWrite[] = [{ kind: 'booking', id: row.id, value: row }];
    let after = rows.map((r) => r.value);
    if (p.replaces && live) {
      const moved: CaseBookingRow = { ...live.value, status: 'moved', movedTo: { meetingId: row.meetingId, bookingId: row.id } };
      writes.push({ kind: 'booking', id: moved.id, value: moved, version: live.version });
      after = after.map((r) => (r.id === moved.id ? moved : r));
    }
    after.push(row);
    writes.push(livePointer(after));
    const members = p.replaces ? sapMemberIds(after) : [...new Set([...c.sapMemberIds, ...row.memberIds])].sort();
    const next: CaseRecord = { ...c, state: t.to, sapMemberIds: members, sapAccess: sapAccessOf(after), updatedAt: now };
    const data = {
      meetingId: row.meetingId,
      bookingId: row.id,
      startsAt: row.startsAt,
      lengthMinutes: row.lengthMinutes,
      reason: row.reason,
      overrunMinutes: row.overrunMinutes,
      ...(row.movedFrom ? { movedFrom: row.movedFrom } : {}),
    };
    try {
      await deps.cases.update(c, next, found.version, [timelineOf(t.event, data)], writes);
      return { row, record: next };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version') continue;
      throw err;
    }
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}
