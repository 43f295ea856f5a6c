/**
 * Meetings a worker can book into (chat): the upcoming meetings of the next `days` with free
 * minutes left, soonest first, at most `limit`; one meeting's summary and its free starts for
 * the booking steps. Workers only (the summary: anyone signed in, as the tab's meeting view). Counts only, no client data (contract MeetingSummary).
 */
import type { MeetingSummary } from '../../contract/sap.js';
import { hasRole, type AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { agenda } from '../../domain/sap/index.js';
import type { Deps } from '../deps.js';
import { meetingDto } from './dto.js';
import { listFreeStarts } from './free-starts.js';
import { listMeetings } from './list-meetings.js';
import { bookingsOf } from './slots.js';

const requireWorker = (u: AuthUser) => {
  if (!hasRole(u, 'Worker')) throw new DomainError('forbidden', 'Only workers book SAP slots');
};

export async function bookableMeetings(deps: Deps, user: AuthUser, opts: { days: number; limit: number }): Promise<{ meetings: MeetingSummary[] }> {
  requireWorker(user);
  const now = deps.clock.now().getTime();
  const { meetings } = await listMeetings(deps, user, { days: opts.days });
  return { meetings: meetings.filter((m) => Date.parse(m.startsAt) > now && m.totals.freeMinutes > 0).slice(0, opts.limit) };
}

/** One meeting with its booked and free minutes (notFound when there is none). */
export async function meetingSummary(deps: Deps, user: AuthUser, meetingId: string): Promise<MeetingSummary> {
  const m = await deps.sap.mustGetMeeting(meetingId);
  const a = agenda(m.meeting, bookingsOf(m));
  return { ...meetingDto(m.meeting, user), totals: a.totals, expectedEndsAt: a.expectedEndsAt };
}

/** The free starts of a meeting for a booking of `lengthMinutes` (workers only). */
export async function bookableStarts(deps: Deps, user: AuthUser, meetingId: string, lengthMinutes: number) {
  requireWorker(user);
  return listFreeStarts(deps, meetingId, lengthMinutes);
}
