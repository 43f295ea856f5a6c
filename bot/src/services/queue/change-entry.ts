/**
 * The frame of every change to a queued case's entry: relation check and access log, the
 * client's entry version as the guard, the case row + entry + timeline in one transaction
 * (recomputed on a fresh read when only an unrelated write raced it), then the list copy.
 */
import type { CaseQueueDto } from '../../contract/queue.js';
import type { AccessSubject, AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { QueueEntry } from '../../domain/queue/index.js';
import type { Instant, LocalDate } from '../../domain/types.js';
import type { Versioned } from '../../storage/table-store.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadContext, type CaseContext } from '../placement/case-context.js';
import { commitChange, retryCase, todayOf, type CaseChange } from './case-commit.js';
import { readQueueRow, refOf, requireInQueue, syncQueueCopy } from './queue-entry.js';
import { caseQueueView } from './queue-view.js';

export interface EntryStep {
  c: Versioned<CaseRecord>;
  entry: Versioned<QueueEntry>;
  ctx: CaseContext;
  at: Instant;
  today: LocalDate;
}

/**
 * `build` returns either the next entry and its events (the case stays QUEUED), or a whole
 * CaseChange (the case leaves the queue: closing, changed need).
 */
export async function changeQueueEntry(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  clientVersion: string,
  what: AccessSubject,
  build: (s: EntryStep) => Promise<CaseChange | { entry: QueueEntry; events: CaseChange['events'] }>,
): Promise<CaseQueueDto> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what });
  try {
    await retryCase(deps, { value: loaded.record, version: loaded.version }, async (c) => {
      const ctx = await loadContext(deps, c);
      const entry = requireInQueue(c.value, ctx.queue, clientVersion);
      const at = deps.clock.now().toISOString();
      const r = await build({ c, entry, ctx, at, today: todayOf(deps) });
      const change: CaseChange =
        'next' in r
          ? r
          : {
              next: { ...c.value, updatedAt: at },
              events: r.events,
              rows: [{ kind: 'queue', value: r.entry, version: entry.version }],
              after: [() => syncQueueCopy(deps, caseId, refOf(entry.value))],
            };
      await commitChange(deps, c, change);
    });
  } catch (err) {
    // The list showed an entry that is no longer there: repair the copy, then say so.
    if (err instanceof DomainError && err.code === 'queue.notQueued') await syncQueueCopy(deps, caseId).catch(() => undefined);
    throw err;
  }
  const fresh = await deps.cases.mustGet(caseId);
  return caseQueueView(deps, fresh, await readQueueRow(deps, caseId), todayOf(deps));
}
