/**
 * The queue entry of a case: the 'queue' row of its partition (authoritative, written with the
 * case row) and its copy in the queue's list partition (QueueRepository), kept in step here.
 */
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { QueueEntry } from '../../domain/queue/index.js';
import type { QueueFacts, QueueRef } from '../../storage/queue-repository.js';
import type { Versioned } from '../../storage/table-store.js';
import type { Deps } from '../deps.js';
import { daysBetween } from '../../domain/calendar/index.js';
import type { Actor, Instant, LocalDate } from '../../domain/types.js';
import { StaleVersion, type NewEvent } from './case-commit.js';

export const refOf = (e: Pick<QueueEntry, 'service' | 'unitId'>): QueueRef => ({ service: e.service, unitId: e.unitId ?? null });
const sameRef = (a: QueueRef, b: QueueRef) => a.service === b.service && (a.unitId ?? null) === (b.unitId ?? null);

/** What the queue list may show of a case: ids, reference and clock facts; no name, no henkilötunnus. */
export function factsOf(c: CaseRecord): QueueFacts {
  return {
    clientId: c.clientId,
    ref: c.ref,
    municipality: c.municipality,
    language: c.language,
    workerId: c.workerId,
    workerName: c.workerName,
    pendingAt: c.pendingAt,
    urgent: c.urgent,
    lawGroups: c.lawGroups,
    assessmentStartedAt: c.assessmentStartedAt,
    assessmentFinishedAt: c.assessmentFinishedAt,
    decidedAt: c.decidedAt,
    clientDelays: c.clientDelays.map((d) => ({ from: d.from, to: d.to })),
  };
}

export const readQueueRow = (deps: Deps, caseId: string) => deps.cases.row<QueueEntry>(caseId, 'queue');

/** The entry of a case that is in a queue now, at the version the client read. */
export function requireInQueue(c: CaseRecord, row: Versioned<QueueEntry> | undefined, clientVersion?: string): Versioned<QueueEntry> {
  if (c.state !== 'QUEUED' || !row || row.value.left)
    throw new DomainError('queue.notQueued', 'The case is not in a queue', { state: c.state });
  if (clientVersion !== undefined && row.version !== clientVersion) throw new StaleVersion('queue entry');
  return row;
}

/**
 * Brings the case's copy in the list partitions in line with its 'queue' row: written to its
 * queue while it is queued, removed from `previous` (and from its own queue once it has left).
 * Idempotent; also the repair after a crash, and the refresh after the case's facts changed
 * (urgency, worker, client-caused delays): other use cases may call it after their commit.
 */
export async function syncQueueCopy(deps: Deps, caseId: string, previous?: QueueRef): Promise<void> {
  const c = await deps.cases.get(caseId);
  if (!c) return;
  const row = await readQueueRow(deps, caseId);
  const seq = c.value.lastEventSeq;
  const inQueue = c.value.state === 'QUEUED' && row && !row.value.left;
  if (row && inQueue) {
    // Urgency is the case's: a case that became urgent while queued tops the list at once.
    const entry = { ...row.value, urgent: c.value.urgent };
    await deps.queues.put(refOf(row.value), { entry, facts: factsOf(c.value), version: row.version, seq });
  } else if (row) {
    await deps.queues.remove(refOf(row.value), caseId, seq);
  }
  if (previous && !(row && inQueue && sameRef(previous, refOf(row.value)))) await deps.queues.remove(previous, caseId, seq);
}

/** Export for other use cases: call after changing a queued case's urgency, worker or client delays. */
export const refreshQueueCopy = (deps: Deps, caseId: string) => syncQueueCopy(deps, caseId);

/** The timeline event of an entry that has just left its queue (reason, waiting time; ids only). */
export function queueLeftEvent(left: QueueEntry, actor: Actor, at: Instant, today: LocalDate): NewEvent {
  return {
    type: 'queueLeft',
    at,
    actor,
    reason: left.left?.reason,
    data: {
      entryId: left.id,
      service: left.service,
      unitId: left.unitId ?? null,
      text: left.left?.text ?? null,
      firstDecidedOn: left.firstDecidedOn,
      waitingDays: Math.max(0, daysBetween(left.firstDecidedOn, today)),
    },
  };
}
