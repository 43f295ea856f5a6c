/**
 * A meeting as the agenda and minutes see it: its partition (one query) reconciled with the
 * cases' own booking rows (point reads, in parallel). A booking is on the agenda while its case
 * row says booked or handled. A meeting booking without a live case row is an orphan of a write
 * that failed between the two partitions: it is left out and removed (idempotently) — unless it
 * is younger than one request's time, when its case row may still be on the way.
 */
import type { CaseRecord } from '../../domain/cases/model.js';
import type { MeetingPartition, SapBookingRecord } from '../../storage/sap-repository.js';
import type { Deps } from '../deps.js';
import { IN_FLIGHT_MS, isOnAgenda, type CaseBookingRow, type StoredCaseBooking } from './model.js';

export interface ViewItem {
  booking: SapBookingRecord;
  caseRecord?: CaseRecord;
  caseRow?: StoredCaseBooking;
}

export interface MeetingView {
  partition: MeetingPartition;
  items: ViewItem[];
}

export async function meetingView(deps: Deps, meetingId: string): Promise<MeetingView> {
  const partition = await deps.sap.mustGetMeeting(meetingId);
  const now = deps.clock.now().getTime();
  const checked = await Promise.all(
    partition.bookings.map(async ({ value: b }): Promise<ViewItem | null> => {
      const [found, row] = await Promise.all([deps.cases.get(b.caseId), deps.cases.row<CaseBookingRow>(b.caseId, 'booking', b.id)]);
      if (row && isOnAgenda(row.value.status)) return { booking: b, caseRecord: found?.value, caseRow: row };
      if (!row && now - Date.parse(b.createdAt) < IN_FLIGHT_MS) return { booking: b, caseRecord: found?.value };
      await deps.sap.removeBooking(meetingId, b.id).then(
        () => deps.log.warn({ meetingId, bookingId: b.id, caseId: b.caseId }, 'removed an orphaned SAP booking'),
        (err: unknown) => deps.log.warn({ err, meetingId, bookingId: b.id }, 'could not remove an orphaned SAP booking'),
      );
      return null;
    }),
  );
  const items = checked.filter((x): x is ViewItem => x !== null);
  const live = new Set(items.map((i) => i.booking.id));
  return { partition: { ...partition, bookings: partition.bookings.filter((b) => live.has(b.value.id)) }, items };
}
