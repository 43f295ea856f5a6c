/**
 * Free starts of a meeting for a booking of a given length (the booking picker and the bot's
 * "pick a free start"), those already passed left out; a start that would overrun is flagged.
 */
import { freeStarts } from '../../domain/sap/index.js';
import type { Deps } from '../deps.js';
import { bookingsOf } from './slots.js';

export async function listFreeStarts(deps: Deps, meetingId: string, lengthMinutes: number) {
  const p = await deps.sap.mustGetMeeting(meetingId);
  const now = deps.clock.now().getTime();
  const starts = freeStarts(p.meeting, bookingsOf(p), lengthMinutes).filter((s) => Date.parse(s.startsAt) >= now);
  return { meetingId, lengthMinutes, starts };
}
