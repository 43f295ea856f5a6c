/**
 * Retention as a scheduled job, for the scheduler (teams/ reminders or a timer) to run once a
 * day. The scheduler claims the day's run through a table entity so one instance runs it; a
 * second run the same day finds nothing left to remove (every step is idempotent).
 */
import type { Deps } from '../deps.js';
import { purgeClosedCases, RETENTION_ACTOR } from './purge-closed-cases.js';

export const retentionJob = {
  name: 'retention',
  /** Once a day is plenty; a run removes at most `limit` cases and the next run continues. */
  run: (deps: Deps) => purgeClosedCases(deps, deps.clock.now(), { dryRun: false, limit: 1000, actor: RETENTION_ACTOR }),
};
