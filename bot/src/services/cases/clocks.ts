/** The legal clocks of a case, from its record (rules in domain/deadlines). */
import type { CaseRecord } from '../../domain/cases/model.js';
import { computeClocks, sortClocks, type Clock } from '../../domain/deadlines/index.js';
import type { Deps } from '../deps.js';

export function clocksOf(deps: Deps, c: CaseRecord): Clock[] {
  return sortClocks(
    computeClocks(
      {
        pendingAt: c.pendingAt,
        urgent: c.urgent,
        lawGroups: c.lawGroups,
        assessmentStartedAt: c.assessmentStartedAt,
        assessmentFinishedAt: c.assessmentFinishedAt,
        decidedAt: c.decidedAt,
        placedAt: c.placedAt,
        clientDelays: c.clientDelays,
        decisionNotifications: c.decisionNotifications,
        closedAt: c.closedAt,
      },
      deps.clock.now().toISOString(),
      deps.calendar,
      deps.county.deadlines,
    ),
  );
}
