/** Reading one case: the record, its clocks, timeline, contacts and the actions now allowed. */
import type { AuthUser } from '../../domain/access.js';
import { allowedActions } from '../../domain/workflow/index.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { clocksOf } from './clocks.js';

export async function getCase(deps: Deps, user: AuthUser, caseId: string) {
  const { record, version, relation } = await loadCase(deps, user, caseId, { action: 'read', what: 'case' });
  const [timeline, contacts] = await Promise.all([deps.cases.timeline(caseId), deps.cases.contacts(caseId)]);
  return {
    version,
    body: {
      case: record,
      relation,
      clocks: clocksOf(deps, record),
      timeline,
      contacts,
      allowedActions: allowedActions(record.state, record.decisionResult),
    },
  };
}
