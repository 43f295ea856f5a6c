/**
 * Moving a queued client to another queue (another service, or a unit's queue and back). The
 * entry keeps its first-decided date and urgency, so the client does not lose their turn.
 */
import type { CaseQueueDto, QueueMove } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { moveToQueue, queueKeyOf } from '../../domain/queue/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { changeQueueEntry } from './change-entry.js';
import { refOf, syncQueueCopy } from './queue-entry.js';

export async function moveQueue(deps: Deps, user: AuthUser, caseId: string, version: string, input: QueueMove): Promise<CaseQueueDto> {
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await deps.providers.getUnit(unitId);
    if (!unit) throw new DomainError('validation', 'Unknown unit', { field: 'body.unitId' });
    if (!unit.value.services.includes(input.service))
      throw new DomainError('unit.serviceNotOffered', 'The unit does not offer this service', { field: 'body.unitId', service: input.service });
  }
  return changeQueueEntry(deps, user, caseId, version, 'queue.move', async ({ c, entry, at }) => {
    const next = moveToQueue(entry.value, { service: input.service, unitId, at });
    return {
      next: { ...c.value, service: input.service, updatedAt: at },
      events: [
        {
          type: 'queueMoved',
          at,
          actor: actorOf(user),
          data: { entryId: next.id, from: queueKeyOf(entry.value), to: queueKeyOf(next), firstDecidedOn: next.firstDecidedOn },
        },
      ],
      rows: [{ kind: 'queue', value: next, version: entry.version }],
      after: [() => syncQueueCopy(deps, caseId, refOf(entry.value))],
    };
  });
}
