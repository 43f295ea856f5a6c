/**
 * The criteria in force on a meeting's day, per service: what the chair may cite in outcomes
 * (the version shown is the one stored with the outcome).
 */
import { helsinkiDate } from '../../domain/calendar/index.js';
import { criteriaInForce } from '../../domain/criteria/index.js';
import { SERVICES } from '../../domain/types.js';
import type { Deps } from '../deps.js';

export async function meetingCriteria(deps: Deps, meetingId: string) {
  const p = await deps.sap.mustGetMeeting(meetingId);
  const on = helsinkiDate(p.meeting.startsAt);
  const all = await deps.criteria();
  const sets = SERVICES.map((s) => criteriaInForce(all, s, on)).filter((s) => s !== null);
  return { meetingId, on, sets: sets.map((s) => ({ service: s.service, version: s.version, validFrom: s.validFrom, items: s.items.map((i) => ({ id: i.id, text: { fi: i.text.fi, sv: i.text.sv } })) })) };
}
