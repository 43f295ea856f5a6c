/**
 * Creating a SAP meeting (chair or supervisor): start, length, members — the chair, the lead
 * social worker and the invited. Members are staff known to the user directory; their names and
 * roles come from there, not from the request. Slots are 10 minutes (domain/sap SLOT_MINUTES).
 */
import type { MeetingCreate } from '../../contract/sap.js';
import { hasRole, type AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { SLOT_MINUTES, validateMeeting } from '../../domain/sap/index.js';
import type { Role } from '../../domain/types.js';
import type { MeetingMember, SapMeetingRecord } from '../../storage/sap-repository.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { meetingDto } from './dto.js';

async function person(deps: Deps, userId: string, field: string, role?: Role) {
  const found = await deps.users.get(userId);
  if (!found) throw new DomainError('validation', 'No such user in the directory', { field });
  if (role && !found.value.roles.includes(role)) throw new DomainError('validation', `That person does not have the role ${role}`, { field });
  return { userId: found.value.id, name: found.value.name };
}

export async function createMeeting(deps: Deps, user: AuthUser, input: MeetingCreate) {
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt).toISOString();
  if (Date.parse(startsAt) <= now.getTime()) throw new DomainError('meeting.past', 'The meeting would start in the past', { field: 'body.startsAt' });
  const chairId = input.chairId ?? (hasRole(user, 'Chair') ? user.id : undefined);
  if (!chairId) throw new DomainError('validation', 'Name the chair', { field: 'body.chairId' });
  const members: MeetingMember[] = [
    { ...(await person(deps, chairId, 'body.chairId', 'Chair')), role: 'chair' },
    { ...(await person(deps, input.leadSocialWorkerId, 'body.leadSocialWorkerId', 'LeadSocialWorker')), role: 'leadSocialWorker' },
  ];
  for (const [i, id] of input.invitedIds.entries()) {
    if (members.some((m) => m.userId === id)) continue;
    members.push({ ...(await person(deps, id, `body.invitedIds.${i}`)), role: 'guest' });
  }
  const meeting: SapMeetingRecord = {
    id: deps.newId(),
    startsAt,
    durationMinutes: input.durationMinutes,
    slotMinutes: SLOT_MINUTES,
    ...(input.title ? { title: input.title } : {}),
    members,
    createdAt: now.toISOString(),
    createdBy: actorOf(user),
  };
  validateMeeting(meeting);
  await deps.sap.createMeeting(meeting);
  deps.log.info({ meetingId: meeting.id, userId: user.id }, 'SAP meeting created');
  return meetingDto(meeting, user);
}
