/** Presenting queue rows: position, waiting days, why, and the SHL 45 § clock. */
import type { CaseQueueDto, QueueRowDto } from '../../contract/queue.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import type { Clock } from '../../domain/deadlines/index.js';
import { orderQueue, type QueueEntry, type QueueRow } from '../../domain/queue/index.js';
import type { LocalDate } from '../../domain/types.js';
import type { QueueFacts, QueueListing } from '../../storage/queue-repository.js';
import type { Versioned } from '../../storage/table-store.js';
import { clocksOf } from '../cases/clocks.js';
import type { Deps } from '../deps.js';

/** The case's 'implementation' clock (SHL 45 §, days left to the 3-month limit). */
export function implementationClock(deps: Deps, c: CaseRecord): Clock | null {
  return clocksOf(deps, c).find((k) => k.id === 'implementation') ?? null;
}

/**
 * The same clock from the list copy's facts (no case read per row). clocksOf reads only these
 * fields of a case, so the copy gives the same answer as the case itself.
 */
export function implementationClockOf(deps: Deps, f: QueueFacts): Clock | null {
  const asCase = {
    pendingAt: f.pendingAt,
    urgent: f.urgent,
    lawGroups: f.lawGroups,
    assessmentStartedAt: f.assessmentStartedAt,
    assessmentFinishedAt: f.assessmentFinishedAt,
    decidedAt: f.decidedAt,
    clientDelays: f.clientDelays.map((d) => ({ ...d, reason: '', recordedBy: { userId: '', name: '' }, recordedAt: f.pendingAt })),
    decisionNotifications: [],
  } as Partial<CaseRecord> as CaseRecord;
  return implementationClock(deps, asCase);
}

export function rowDto(deps: Deps, row: QueueRow, listing: QueueListing): QueueRowDto {
  const f = listing.facts;
  return {
    caseId: row.entry.caseId,
    ref: f.ref,
    municipality: f.municipality,
    language: f.language,
    workerId: f.workerId,
    workerName: f.workerName,
    urgent: row.entry.urgent,
    position: row.position,
    waitingDays: row.waitingDays,
    orderDate: row.orderDate,
    why: row.why,
    clock: implementationClockOf(deps, f),
    entry: row.entry,
    version: listing.version,
  };
}

/**
 * A case's place: its queue ordered with the case's own entry as it is now (the list copy may
 * lag a moment behind a change that was just committed).
 */
export async function caseQueueView(
  deps: Deps,
  c: Versioned<CaseRecord>,
  row: Versioned<QueueEntry> | undefined,
  today: LocalDate,
): Promise<CaseQueueDto> {
  const base = { caseId: c.value.id, state: c.value.state, caseVersion: c.version, clock: implementationClock(deps, c.value) };
  const inQueue = c.value.state === 'QUEUED' && !!row && !row.value.left;
  if (!row || !inQueue) {
    return { ...base, inQueue: false, entry: row?.value ?? null, position: null, length: null, waitingDays: null, why: null, version: row?.version ?? null };
  }
  const mine: QueueEntry = { ...row.value, urgent: c.value.urgent };
  const others = (await deps.queues.list({ service: mine.service, unitId: mine.unitId ?? null }))
    .map((l) => l.entry)
    .filter((e) => e.caseId !== mine.caseId);
  const ordered = orderQueue([...others, mine], today);
  const me = ordered.find((r) => r.entry.caseId === mine.caseId)!;
  return {
    ...base,
    inQueue: true,
    entry: row.value,
    position: me.position,
    length: ordered.length,
    waitingDays: me.waitingDays,
    why: me.why,
    version: row.version,
  };
}
