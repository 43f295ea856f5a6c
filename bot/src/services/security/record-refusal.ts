/**
 * A refused request on a client-data route goes to the security event log (not the client's
 * access log). When one person is refused `access.refusalBurst.count` times within
 * `access.refusalBurst.minutes` (county config; default 20 in 10), the Admins get a security
 * notice through the notices mechanism (the tab's notices and, through the notifier, the bot) —
 * once per person and window across instances.
 */
import { burstNotice, burstSince, burstWindowStart, isBurst, type SecurityEvent } from '../../domain/access/security.js';
import { addDays, helsinkiDate } from '../../domain/calendar/index.js';
import { resolveAudience, type Notice } from '../../domain/notices/index.js';
import type { Deps } from '../deps.js';
import { loadStaff, recipientOf } from '../notices/staff.js';

export async function recordRefusal(deps: Deps, e: SecurityEvent, link: string): Promise<{ burst: boolean }> {
  await deps.security.append(e);
  if (!e.actor) return { burst: false };
  const rule = deps.county.access.refusalBurst;
  const n = await deps.security.countSince(e.actor.userId, burstSince(e.at, rule));
  if (!isBurst(n, rule)) return { burst: false };
  if (!(await deps.security.claimBurst(e.actor.userId, burstWindowStart(e.at, rule), e.at))) return { burst: false };
  const today = helsinkiDate(new Date(e.at));
  const text = burstNotice(e.actor, n, rule);
  const notice: Notice = {
    id: deps.newId(),
    category: 'other',
    title: text.title,
    summary: text.summary,
    link,
    audience: { type: 'roles', roles: ['Admin'] },
    expiresOn: addDays(today, 7),
    publishedAt: e.at,
    publishedBy: { userId: 'system:security', name: 'Polku' },
  };
  await deps.notices.create(notice);
  deps.log.warn({ userId: e.actor.userId, refusals: n, minutes: rule.minutes, noticeId: notice.id }, 'security notice: refusal burst');
  try {
    const audience = resolveAudience(notice, await loadStaff(deps), e.at);
    await deps.notifier.noticePublished(notice, audience.map(recipientOf));
  } catch (err) {
    deps.log.warn({ err, noticeId: notice.id }, 'security notice notifier failed; reminders will reach the admins');
  }
  return { burst: true };
}

/** The Admin's view of one day's security events (UTC day, newest first). */
export async function listSecurityEvents(deps: Deps, day: string) {
  return { day, events: await deps.security.forDay(day) };
}
