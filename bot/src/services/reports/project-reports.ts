/**
 * The report projection: fed by every case write (CaseRepository's projection hook), it turns the
 * events just written into contributions and stores them (idempotent upserts keyed by case and
 * event, so a retry cannot double count). It never fails the write it follows: a failure is
 * logged with ids only, and `rebuildReports` repairs what was missed.
 */
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import {
  clockContributions,
  eventContributions,
  needsHistory,
  type ProjectionContext,
  type UnitFacts,
} from '../../domain/reports/index.js';
import type { CaseProjection } from '../../storage/case-repository.js';
import type { Deps } from '../deps.js';
import { unitFactsOf } from './unit-facts.js';

export function projectionContext(deps: Deps, units: Map<string, UnitFacts> = new Map()): ProjectionContext {
  return { calendar: deps.calendar, deadlines: deps.county.deadlines, unitFacts: (id) => units.get(id) };
}

const placedUnits = (record: CaseRecord, events: readonly TimelineEvent[]): string[] =>
  events
    .filter((e) => e.type === 'place')
    .map((e) => (typeof e.data?.unitId === 'string' ? e.data.unitId : record.unitId))
    .filter((id): id is string => !!id);

export async function projectCaseWrite(deps: Deps, previous: CaseRecord | undefined, next: CaseRecord, events: TimelineEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const history = needsHistory(events);
  const walked = history ? await deps.cases.timeline(next.id) : events;
  const ctx = projectionContext(deps, await unitFactsOf(deps, placedUnits(next, walked)));
  const contributions = history
    ? eventContributions(next, walked, ctx, new Set(events.map((e) => e.seq)))
    : eventContributions(next, events, ctx);
  const last = events[events.length - 1]!;
  contributions.push(...clockContributions(next, last.at, last.seq, ctx, previous));
  if (contributions.length) await deps.reports.add(contributions, () => deps.newId(), { newCase: previous === undefined });
  return contributions.length;
}

/** The hook for compose.ts; `getDeps` is read at call time (deps are built after the repositories). */
export function reportProjection(getDeps: () => Deps): CaseProjection {
  return async (previous, next, events) => {
    const deps = getDeps();
    try {
      await projectCaseWrite(deps, previous, next, events);
    } catch (err) {
      const e = err as { code?: string; name?: string };
      deps.log.warn({ caseId: next.id, seq: events.map((x) => x.seq), code: e?.code, error: e?.name }, 'report projection failed; rebuildReports repairs it');
    }
  };
}
