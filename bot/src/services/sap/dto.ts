/** Meeting and booking records as the contract (contract/sap.ts) shows them. */
import type { BookingDto } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { meetingEndsAt } from '../../domain/sap/index.js';
import type { SapMeetingRecord } from '../../storage/sap-repository.js';
import { isMember, type CaseBookingRow } from './model.js';

export function meetingDto(m: SapMeetingRecord, user: AuthUser) {
  return {
    id: m.id,
    ...(m.title ? { title: m.title } : {}),
    startsAt: m.startsAt,
    endsAt: meetingEndsAt(m),
    durationMinutes: m.durationMinutes,
    slotMinutes: m.slotMinutes,
    members: m.members.map((x) => ({ userId: x.userId, name: x.name, role: x.role })),
    youAreMember: isMember(m, user.id),
  };
}

export function bookingDto(r: CaseBookingRow, caseId: string, caseRef: string): BookingDto {
  return {
    id: r.id,
    meetingId: r.meetingId,
    meetingStartsAt: r.meetingStartsAt,
    caseId,
    caseRef,
    startMinute: r.startMinute,
    lengthMinutes: r.lengthMinutes,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    reason: r.reason,
    overruns: r.overrunMinutes > 0,
    overrunMinutes: r.overrunMinutes,
    status: r.status,
  };
}
