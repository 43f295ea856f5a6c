/**
 * Acknowledging (kuittaus) a notice, from the tab or the bot's card. Idempotent: the second
 * acknowledgement answers the first one's time and writes nothing; Teams may repeat an invoke.
 */
import type { AuthUser } from '../../domain/access.js';
import { assertCanAcknowledge, type AckChannel } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';
import { todayOf } from './staff.js';

export interface Acknowledged {
  noticeId: string;
  acknowledgedAt: string;
  alreadyAcknowledged: boolean;
}

export async function acknowledgeNotice(deps: Deps, user: AuthUser, noticeId: string, via: AckChannel = 'tab'): Promise<Acknowledged> {
  const notice = await deps.notices.mustGet(noticeId);
  // A repeat answers the same, even once the notice has expired.
  const existing = await deps.notices.ackOf(noticeId, user.id);
  if (existing) return { noticeId, acknowledgedAt: existing.at, alreadyAcknowledged: true };
  assertCanAcknowledge(notice, user, todayOf(deps));
  const r = await deps.notices.acknowledge({
    noticeId,
    userId: user.id,
    name: user.name,
    at: deps.clock.now().toISOString(),
    via,
  });
  if (r.created) deps.log.info({ noticeId, userId: user.id, via }, 'notice acknowledged');
  return { noticeId, acknowledgedAt: r.ack.at, alreadyAcknowledged: !r.created };
}
