/** The client declines the open offer (reason recorded). The place is kept unless the county's rule says otherwise. */
import type { CaseQueueDto } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { answerOffer, DEFAULT_QUEUE_RULES } from '../../domain/queue/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { changeQueueEntry } from './change-entry.js';

export async function declineOffer(deps: Deps, user: AuthUser, caseId: string, version: string, declineReason: string): Promise<CaseQueueDto> {
  return changeQueueEntry(deps, user, caseId, version, 'queue.offer.decline', async ({ entry, at, today }) => {
    const next = answerOffer(entry.value, { answer: 'decline', at, today, declineReason }, DEFAULT_QUEUE_RULES);
    return {
      entry: next,
      events: [
        {
          type: 'queueOfferDeclined',
          at,
          actor: actorOf(user),
          reason: declineReason,
          data: { entryId: next.id, unitId: next.offer?.unitId, declinedOffers: next.declinedOffers, placeLostOn: next.placeLostOn ?? null },
        },
      ],
    };
  });
}
