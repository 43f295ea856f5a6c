/**
 * Publishing a notice of a material change (supervisor). The notice is stored first; then the
 * notifier (teams/) posts it to the channel and to each person in the audience. A notice never
 * carries client data: checkNoticeDraft refuses anything that looks like it.
 */
import type { NoticeCreate } from '../../contract/notices.js';
import type { AuthUser } from '../../domain/access.js';
import { checkNoticeDraft, resolveAudience, type Notice, type NoticeAudience } from '../../domain/notices/index.js';
import { ROLES } from '../../domain/types.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadStaff, recipientOf, todayOf } from './staff.js';

const normaliseAudience = (a: NoticeAudience): NoticeAudience =>
  a.type === 'all' ? { type: 'all' } : { type: 'roles', roles: ROLES.filter((r) => a.roles.includes(r)) };

export async function publishNotice(deps: Deps, user: AuthUser, input: NoticeCreate): Promise<{ notice: Notice; audienceSize: number }> {
  const now = deps.clock.now().toISOString();
  checkNoticeDraft(input, todayOf(deps));
  const notice: Notice = {
    id: deps.newId(),
    category: input.category,
    title: input.title,
    summary: input.summary,
    link: input.link,
    audience: normaliseAudience(input.audience),
    expiresOn: input.expiresOn,
    publishedAt: now,
    publishedBy: actorOf(user),
  };
  await deps.notices.create(notice);
  const audience = resolveAudience(notice, await loadStaff(deps), now);
  deps.log.info({ noticeId: notice.id, category: notice.category, audienceSize: audience.length, by: user.id }, 'notice published');
  try {
    await deps.notifier.noticePublished(notice, audience.map(recipientOf));
  } catch (err) {
    deps.log.warn({ err, noticeId: notice.id }, 'notice notifier failed; reminders will reach the audience');
  }
  return { notice, audienceSize: audience.length };
}
