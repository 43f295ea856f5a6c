/** The signed-in person's notices: those in force addressed to them, with their acknowledgement. */
import type { AuthUser } from '../../domain/access.js';
import { hasRole } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { isInAudience, isInForce, type Notice } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';
import { todayOf } from './staff.js';

export interface MyNotice extends Notice {
  inForce: boolean;
  acknowledgedAt: string | null;
}

export async function myNotices(
  deps: Deps,
  user: AuthUser,
  status: 'unacknowledged' | 'all' = 'all',
): Promise<{ notices: MyNotice[]; unacknowledgedCount: number }> {
  const today = todayOf(deps);
  const mine = (await deps.notices.list({ inForceOn: today })).filter((n) => isInAudience(n, user));
  const acks = await Promise.all(mine.map((n) => deps.notices.ackOf(n.id, user.id)));
  const items = mine.map((n, i): MyNotice => ({ ...n, inForce: true, acknowledgedAt: acks[i]?.at ?? null }));
  const open = items.filter((n) => n.acknowledgedAt === null);
  return { notices: status === 'unacknowledged' ? open : items, unacknowledgedCount: open.length };
}

/** One notice: for a person in its audience (with their acknowledgement) or a supervisor. */
export async function getNotice(deps: Deps, user: AuthUser, noticeId: string): Promise<MyNotice> {
  const n = await deps.notices.mustGet(noticeId);
  if (!isInAudience(n, user) && !hasRole(user, 'Supervisor') && n.publishedBy.userId !== user.id)
    throw new DomainError('notice.notInAudience', 'This notice is not addressed to you', { noticeId });
  const ack = await deps.notices.ackOf(noticeId, user.id);
  return { ...n, inForce: isInForce(n, todayOf(deps)), acknowledgedAt: ack?.at ?? null };
}
