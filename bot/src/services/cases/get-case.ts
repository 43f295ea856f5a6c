/**
 * Reading one case: the record, its clocks, timeline, contacts and the actions now allowed — or,
 * for a relation that reads only part of it (docs/ACCESS.md), that view of it: the secretary's
 * mailing view, the coordinator's placing view, the SAP members' meeting view. A view never
 * carries the henkilötunnus, the birth date, the contacts' free text or the timeline.
 */
import { viewOf, type AuthUser, type CaseView } from '../../domain/access.js';
import { allowedActions } from '../../domain/workflow/index.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { clocksOf } from './clocks.js';

export async function getCase(deps: Deps, user: AuthUser, caseId: string) {
  const { record, version, relation, part } = await loadCase(deps, user, caseId, { action: 'read', what: 'case' });
  const view = part as CaseView;
  if (view !== 'case')
    return {
      version,
      body: {
        case: viewOf(record, view),
        view,
        relation,
        clocks: view === 'placing' ? clocksOf(deps, record) : [],
        timeline: [],
        contacts: [],
        // The workflow's next steps (no client data); the table still decides who may take them.
        allowedActions: allowedActions(record.state, record.decisionResult),
      },
    };
  const [timeline, contacts] = await Promise.all([deps.cases.timeline(caseId), deps.cases.contacts(caseId)]);
  return {
    version,
    body: {
      case: record,
      view,
      relation,
      clocks: clocksOf(deps, record),
      timeline,
      contacts,
      allowedActions: allowedActions(record.state, record.decisionResult),
    },
  };
}
