/**
 * DECIDED → QUEUED after a granted decision: the case joins its service's queue (or a named
 * unit's queue). Its place counts from the date the need was first decided (the case's
 * firstDecidedOn, kept for good once set).
 */
import type { CaseQueueDto, QueueJoin } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { newQueueEntry, type QueueEntry } from '../../domain/queue/index.js';
import { transition } from '../../domain/workflow/index.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { commitChange, eventOf, latestDecisionResult, StaleVersion, todayOf } from './case-commit.js';
import { readQueueRow, refOf, syncQueueCopy } from './queue-entry.js';
import { caseQueueView } from './queue-view.js';

export async function queueCase(deps: Deps, user: AuthUser, caseId: string, version: string, input: QueueJoin): Promise<CaseQueueDto> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'queue.join' });
  if (loaded.version !== version) throw new StaleVersion('case');
  const c = loaded.record;
  const service = c.service;
  if (!service) throw new DomainError('validation', 'The case has no decided service', { field: 'service' });
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await deps.providers.getUnit(unitId);
    if (!unit) throw new DomainError('validation', 'Unknown unit', { field: 'body.unitId' });
    if (!unit.value.services.includes(service))
      throw new DomainError('unit.serviceNotOffered', 'The unit does not offer this service', { field: 'body.unitId', service });
  }
  const firstDecidedOn = c.firstDecidedOn ?? (c.decidedAt ? helsinkiDate(c.decidedAt) : undefined);
  if (!firstDecidedOn) throw new DomainError('validation', 'The case has no decision date', { field: 'firstDecidedOn' });

  const at = deps.clock.now().toISOString();
  const decision = await latestDecisionResult(deps, c);
  const t = transition(c.state, 'queue', { actor: actorOf(user), at, decision });
  const entry: QueueEntry = newQueueEntry({ id: deps.newId(), caseId, service, unitId, urgent: c.urgent, firstDecidedOn, queuedAt: at });
  const previous = await readQueueRow(deps, caseId);
  const next: CaseRecord = { ...c, state: t.to, firstDecidedOn, updatedAt: at };
  await commitChange(
    deps,
    { value: c, version: loaded.version },
    {
      next,
      events: [eventOf(t.event, { entryId: entry.id, service, unitId, firstDecidedOn })],
      rows: [{ kind: 'queue', value: entry, version: previous?.version }],
      after: [() => syncQueueCopy(deps, caseId, previous ? refOf(previous.value) : undefined)],
    },
  );
  deps.log.info({ caseId, entryId: entry.id, service, unitId }, 'case queued');
  const fresh = await deps.cases.mustGet(caseId);
  return caseQueueView(deps, fresh, await readQueueRow(deps, caseId), todayOf(deps));
}
