/**
 * The supervisor's follow-up: per notice the audience size, how many have acknowledged and who
 * has not (staff names only — a notice never concerns a client).
 */
import { ackStatus, isInForce, resolveAudience, type AckStatus, type Notice, type StaffMember } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';
import { loadStaff, todayOf } from './staff.js';

/** The full list is bounded; older notices stay readable one by one. */
export const MAX_LISTED_NOTICES = 200;

export async function noticeStatus(deps: Deps, noticeId: string): Promise<AckStatus & { notice: Notice; inForce: boolean }> {
  const notice = await deps.notices.mustGet(noticeId);
  const [staff, acks] = await Promise.all([loadStaff(deps), deps.notices.acks(noticeId)]);
  const audience = resolveAudience(notice, staff, deps.clock.now().toISOString());
  return { notice, inForce: isInForce(notice, todayOf(deps)), ...ackStatus(audience, acks) };
}

export async function listNotices(deps: Deps, include: 'inForce' | 'all' = 'inForce') {
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  const notices = (await deps.notices.list(include === 'all' ? {} : { inForceOn: today })).slice(0, MAX_LISTED_NOTICES);
  const staff: StaffMember[] = await loadStaff(deps);
  const rows = await Promise.all(
    notices.map(async (n) => {
      const s = ackStatus(resolveAudience(n, staff, now), await deps.notices.acks(n.id));
      return { ...n, inForce: isInForce(n, today), audienceSize: s.audienceSize, acknowledgedCount: s.acknowledgedCount };
    }),
  );
  return { notices: rows };
}
