/** The coordinator offers a vacancy to a queued client, with an answer-by date. */
import type { CaseQueueDto, OfferCreate } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { makeOffer as offer } from '../../domain/queue/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assertCanTake } from '../providers/model.js';
import { changeQueueEntry } from './change-entry.js';

export async function makeOffer(deps: Deps, user: AuthUser, caseId: string, version: string, input: OfferCreate): Promise<CaseQueueDto> {
  const unit = await deps.providers.getUnit(input.unitId);
  if (!unit) throw new DomainError('validation', 'Unknown unit', { field: 'body.unitId' });
  const provider = await deps.providers.getProvider(unit.value.providerId);
  return changeQueueEntry(deps, user, caseId, version, 'queue.offer', async ({ entry, at, today }) => {
    assertCanTake(unit.value, provider?.value, entry.value.service, today);
    const next = offer(entry.value, { unitId: input.unitId, offeredAt: at, answerBy: input.answerBy, today });
    deps.log.info({ caseId, unitId: input.unitId }, 'vacancy offered');
    return {
      entry: next,
      events: [{ type: 'queueOfferMade', at, actor: actorOf(user), data: { entryId: next.id, unitId: input.unitId, answerBy: input.answerBy } }],
    };
  });
}
