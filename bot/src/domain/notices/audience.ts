/**
 * Who a notice is for, and who has acknowledged it. Pure: the list of staff and the
 * acknowledgements come in, the audience and the counts come out.
 *
 * Choices:
 * - The audience is resolved when it is read, from the people Polku knows (Users), so a person
 *   who starts while the notice is in force also sees it and is counted.
 * - The publisher is not in their own notice's audience.
 * - A person with no role in Polku is in no audience; nor is one not seen for
 *   AUDIENCE_INACTIVE_DAYS (a leaver must not stay on the "not acknowledged" list forever).
 * - Acknowledgements of people outside the current audience are not counted.
 */
import type { Instant, Role } from '../types.js';
import type { Acknowledgement, AckStatus, Notice, NoticeAudience, StaffMember } from './model.js';

export const AUDIENCE_INACTIVE_DAYS = 180;
const DAY_MS = 86_400_000;

/** Does a person holding these roles belong to the audience? */
export function audienceIncludes(audience: NoticeAudience, roles: readonly Role[]): boolean {
  if (roles.length === 0) return false;
  if (audience.type === 'all') return true;
  return audience.roles.some((r) => roles.includes(r));
}

function isActiveStaff(m: StaffMember, now: Instant): boolean {
  if (!m.lastSeenAt) return true;
  return Date.parse(now) - Date.parse(m.lastSeenAt) <= AUDIENCE_INACTIVE_DAYS * DAY_MS;
}

/** Is this person in the notice's audience (as a reader who should acknowledge)? */
export function isInAudience(notice: Notice, person: Pick<StaffMember, 'id' | 'roles'>): boolean {
  return person.id !== notice.publishedBy.userId && audienceIncludes(notice.audience, person.roles);
}

/** The notice's audience among the known staff, sorted by name (stable for the UI). */
export function resolveAudience(notice: Notice, staff: readonly StaffMember[], now: Instant): StaffMember[] {
  const seen = new Set<string>();
  const out: StaffMember[] = [];
  for (const m of staff) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    if (isInAudience(notice, m) && isActiveStaff(m, now)) out.push(m);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
}

/** Counts and lists for the supervisor. One acknowledgement per person, however many arrive. */
export function ackStatus(audience: readonly StaffMember[], acks: readonly Acknowledgement[]): AckStatus {
  const first = new Map<string, Acknowledgement>();
  for (const a of acks) {
    const prev = first.get(a.userId);
    if (!prev || a.at < prev.at) first.set(a.userId, a);
  }
  const acknowledged: AckStatus['acknowledged'] = [];
  const notAcknowledged: AckStatus['notAcknowledged'] = [];
  for (const m of audience) {
    const a = first.get(m.id);
    if (a) acknowledged.push({ userId: m.id, name: m.name, at: a.at, via: a.via });
    else notAcknowledged.push({ userId: m.id, name: m.name });
  }
  return { audienceSize: audience.length, acknowledgedCount: acknowledged.length, acknowledged, notAcknowledged };
}
