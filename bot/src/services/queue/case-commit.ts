/**
 * Writing a change to a case, shared by the queue, placement and plan use cases: the case row,
 * its timeline events and its other rows go in ONE transaction (CaseRepository.update); work on
 * other partitions (the queue list, a unit's places, the person's open-case claim) runs after
 * the commit and is idempotent, so running it again repairs what a crash left undone.
 *
 * Versions: the client sends the version of the thing it read (the case, the queue entry, the
 * plan). When that thing is unchanged but the case row moved on for another reason (a contact
 * linked, an access-log-free field), the change is recomputed on a fresh read — the client's
 * version is still the guard, so nothing it did not see is overwritten.
 */
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { CaseEvent, DecisionResult } from '../../domain/workflow/index.js';
import type { CaseRowWrite } from '../../storage/case-repository.js';
import type { Versioned } from '../../storage/table-store.js';
import type { Deps } from '../deps.js';

import { StaleVersion, todayOf } from '../case-access.js';

export { StaleVersion, todayOf };

export type NewEvent = Omit<TimelineEvent, 'seq'>;

export interface CaseChange {
  next: CaseRecord;
  events: NewEvent[];
  rows: CaseRowWrite[];
  /** Idempotent work on other partitions after the commit (errors are logged, not thrown). */
  after: Array<() => Promise<void>>;
}

/** A workflow transition as a timeline event (who, when, why), with extra facts (ids only). */
export function eventOf(e: CaseEvent, data: Record<string, unknown> = {}): NewEvent {
  const facts: Record<string, unknown> = { ...data };
  if (e.decision) facts.decision = e.decision;
  if (e.reason && e.note) facts.note = e.note;
  return {
    type: e.type,
    from: e.from,
    to: e.to,
    at: e.at,
    actor: e.actor,
    ...(e.reason || e.note ? { reason: e.reason ?? e.note ?? undefined } : {}),
    data: facts,
  };
}


const isConflict = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version' && !(err instanceof StaleVersion);

/**
 * Runs `attempt` on `first` and, when only an unrelated write raced it (conflict on the case
 * row, not a StaleVersion), again on a fresh read — up to 6 times.
 */
export async function retryCase<T>(
  deps: Deps,
  first: Versioned<CaseRecord>,
  attempt: (c: Versioned<CaseRecord>) => Promise<T>,
): Promise<T> {
  let current = first;
  for (let i = 0; ; i++) {
    try {
      return await attempt(current);
    } catch (err) {
      if (!isConflict(err) || i >= 5) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 15 * (i + 1)));
      current = await deps.cases.mustGet(first.value.id);
    }
  }
}

/** Commits the change (ETag on the case row at `version`), then runs its after-work. */
export async function commitChange(deps: Deps, prev: Versioned<CaseRecord>, change: CaseChange): Promise<string> {
  const version = await deps.cases.update(prev.value, change.next, prev.version, change.events, change.rows);
  await runAfter(deps, prev.value.id, change.after);
  return version;
}

export async function runAfter(deps: Deps, caseId: string, after: Array<() => Promise<void>>): Promise<void> {
  for (const work of after) {
    try {
      await work();
    } catch (err) {
      // The commit stands; the next change of this case (or of the unit) repairs this.
      deps.log.warn({ caseId, code: (err as { code?: string })?.code }, 'after-commit work failed; will be repaired');
    }
  }
}

/**
 * The outcome of the case's latest signed decision (granted / refused), which the workflow's
 * guarded moves out of DECIDED need: the case's decisionResult (set at signing); for older rows
 * without it, the latest signed decision row, then the latest 'decide' event of the timeline.
 */
export async function latestDecisionResult(deps: Deps, c: CaseRecord): Promise<DecisionResult | undefined> {
  if (c.decisionResult) return c.decisionResult;
  const caseId = c.id;
  type DecisionRow = { status?: string; signedAt?: string; draft?: { outcome?: { kind?: string } } };
  const signed = (await deps.cases.rowsOf<DecisionRow>(caseId, 'decision'))
    .map((r) => r.value)
    .filter((d) => d.status && d.status !== 'DRAFT' && d.signedAt)
    .sort((a, b) => (a.signedAt! < b.signedAt! ? -1 : 1));
  const latest = signed.at(-1)?.draft?.outcome?.kind;
  if (latest === 'positive') return 'granted';
  if (latest === 'negative') return 'refused';
  const decided = (await deps.cases.timeline(caseId)).filter((e) => e.type === 'decide').at(-1);
  const d = (decided?.data?.decision ?? (decided as { decision?: unknown } | undefined)?.decision) as unknown;
  return d === 'granted' || d === 'refused' ? d : undefined;
}
