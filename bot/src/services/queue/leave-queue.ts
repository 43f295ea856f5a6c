/**
 * Removing a client from the queue with a reason from the fixed list. The case cannot stay
 * QUEUED without an entry, so it moves on by the workflow: NEED_CHANGED → back to ASSESSMENT;
 * MOVED_AWAY, DECLINED_SERVICE, DIED, OTHER → CLOSED with the matching close reason (OTHER keeps
 * its text). Placement leaves the queue by itself (PLACED).
 */
import type { CaseQueueDto, QueueLeave } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import type { CloseReason } from '../../domain/types.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { needChangedChange } from '../plans/change-need.js';
import { closingChange } from '../plans/close-case.js';
import { changeQueueEntry } from './change-entry.js';

const CLOSE_FOR: Record<Exclude<QueueLeave['reason'], 'NEED_CHANGED'>, CloseReason> = {
  MOVED_AWAY: 'MOVED_AWAY',
  DECLINED_SERVICE: 'CLIENT_DECLINED',
  DIED: 'DIED',
  OTHER: 'OTHER',
};

export async function leaveQueue(deps: Deps, user: AuthUser, caseId: string, version: string, input: QueueLeave): Promise<CaseQueueDto> {
  return changeQueueEntry(deps, user, caseId, version, 'queue.leave', async ({ ctx, at }) => {
    const actor = actorOf(user);
    deps.log.info({ caseId, reason: input.reason }, 'leaving the queue');
    if (input.reason === 'NEED_CHANGED') return needChangedChange(deps, ctx, input.text, actor, at, undefined);
    return closingChange(
      deps,
      ctx,
      { reason: CLOSE_FOR[input.reason], note: input.text, leave: { reason: input.reason, text: input.text } },
      actor,
      at,
    );
  });
}
