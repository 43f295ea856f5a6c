/**
 * Retention: removes cases closed more than county.retentionYears ago — every row of the case
 * partition, its index rows and person keys — and writes the removal to the client's access log
 * (action 'delete', relation 'retention') before the data goes. The access log itself stays.
 *
 * Safe to interrupt and re-run: each step is idempotent and the index rows go last, so the next
 * run finds an unfinished case again. A dry run lists what would go and writes nothing.
 *
 * Not here: rows other aggregates keep about a case outside its partition (e.g. SAP meeting or
 * queue tables). Their owners add their removal next to deps.cases.purge below.
 */
import type { RetentionResult } from '../../contract/audit.js';
import type { CaseRecord, CaseSummary } from '../../domain/cases/model.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { Actor } from '../../domain/types.js';
import type { Deps } from '../deps.js';
import { identityKeys } from '../intake/identity.js';
import { isRemovable, removableFrom } from './policy.js';

export const RETENTION_ACTOR: Actor = { userId: 'system:retention', name: 'Retention (scheduled)' };

export interface PurgeOptions {
  dryRun?: boolean;
  /** At most this many cases per run (oldest closings first). */
  limit?: number;
  /** Who started the run: the admin, or the scheduler (RETENTION_ACTOR). */
  actor?: Actor;
}

const closedAtOf = (c: CaseRecord) => c.closedAt ?? c.updatedAt;

export async function purgeClosedCases(deps: Deps, now: Date, opts: PurgeOptions = {}): Promise<RetentionResult> {
  const dryRun = opts.dryRun ?? false;
  const limit = opts.limit ?? 200;
  const actor = opts.actor ?? RETENTION_ACTOR;
  const years = deps.county.retentionYears;
  const today = helsinkiDate(now);

  const closed = await deps.cases.listByState('CLOSED');
  const eligible: CaseRecord[] = [];
  const orphans: CaseSummary[] = [];
  for (let i = 0; i < closed.length; i += 16) {
    const batch = await Promise.all(closed.slice(i, i + 16).map((s) => deps.cases.get(s.id).then((c) => [s, c] as const)));
    for (const [s, c] of batch) {
      if (!c) orphans.push(s); // an interrupted purge: only index rows are left
      else if (c.value.state === 'CLOSED' && isRemovable(closedAtOf(c.value), today, years)) eligible.push(c.value);
    }
  }
  eligible.sort((a, b) => (closedAtOf(a) < closedAtOf(b) ? -1 : 1));
  const chosen = eligible.slice(0, limit);
  const result: RetentionResult = {
    dryRun,
    retentionYears: years,
    examined: closed.length,
    cases: chosen.map((c) => ({ caseId: c.id, ref: c.ref, closedAt: closedAtOf(c), removableFrom: removableFrom(closedAtOf(c), years) })),
    removed: 0,
    remaining: eligible.length - chosen.length,
  };
  if (dryRun) return result;

  for (const s of orphans) await deps.cases.purge(s.id, s.workerId ? [s.workerId] : []);
  for (const c of chosen) {
    await purgeCase(deps, c, actor, now);
    result.removed++;
  }
  deps.log.info({ removed: result.removed, remaining: result.remaining, orphans: orphans.length, by: actor.userId }, 'retention run');
  return result;
}

async function purgeCase(deps: Deps, c: CaseRecord, actor: Actor, now: Date): Promise<void> {
  // Logged first: a removal that happened is always in the log (a retry may log it twice).
  await deps.accessLog.record({
    at: now.toISOString(),
    actor,
    clientId: c.clientId,
    caseId: c.id,
    action: 'delete',
    what: 'case.retention',
    relation: 'retention',
  });
  const keys = identityKeys(deps, c.client);
  if (keys.hetu) await deps.cases.releaseOpenCase(keys.hetu, c.id);
  await deps.cases.removePossibleKey(keys.nameBirth, c.id);
  await deps.cases.purge(c.id, c.workerId ? [c.workerId] : []);
  deps.log.info({ caseId: c.id, clientId: c.clientId }, 'case removed (retention)');
}
