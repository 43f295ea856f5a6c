/**
 * Upcoming SAP meetings with their booked and free minutes. The list is one range query on the
 * time-ordered list partition; the minutes come from each meeting's own partition (one query per
 * meeting, in parallel). No client data: counts only.
 */
import type { MeetingListInput } from '../../contract/sap.js';
import type { AuthUser } from '../../domain/access.js';
import { addDays, helsinkiDate, helsinkiStartOfDay } from '../../domain/calendar/index.js';
import { agenda } from '../../domain/sap/index.js';
import type { Deps } from '../deps.js';
import { meetingDto } from './dto.js';
import { bookingsOf } from './slots.js';

export async function listMeetings(deps: Deps, user: AuthUser, input: MeetingListInput) {
  const from = input.from ?? helsinkiDate(deps.clock.now());
  const meetings = await deps.sap.listMeetings(helsinkiStartOfDay(from), helsinkiStartOfDay(addDays(from, input.days)));
  const rows = await Promise.all(
    meetings.map(async (m) => {
      const p = await deps.sap.getMeeting(m.id);
      if (!p) return null;
      const a = agenda(p.meeting, bookingsOf(p));
      return { ...meetingDto(p.meeting, user), totals: a.totals, expectedEndsAt: a.expectedEndsAt };
    }),
  );
  return { meetings: rows.filter((r) => r !== null) };
}
