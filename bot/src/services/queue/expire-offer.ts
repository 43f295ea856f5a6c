/** The coordinator marks an unanswered offer expired (only after its answer-by day). */
import type { CaseQueueDto } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { DEFAULT_QUEUE_RULES, expireOffer as expire } from '../../domain/queue/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { changeQueueEntry } from './change-entry.js';

export async function expireOffer(deps: Deps, user: AuthUser, caseId: string, version: string): Promise<CaseQueueDto> {
  return changeQueueEntry(deps, user, caseId, version, 'queue.offer.expire', async ({ entry, at, today }) => {
    const next = expire(entry.value, { today }, DEFAULT_QUEUE_RULES);
    return {
      entry: next,
      events: [{ type: 'queueOfferExpired', at, actor: actorOf(user), data: { entryId: next.id, unitId: next.offer?.unitId, answerBy: next.offer?.answerBy } }],
    };
  });
}
