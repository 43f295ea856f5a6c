/** The case's service plan with its follow-ups and the next review. */
import type { PlanView } from '../../contract/plans.js';
import type { AuthUser } from '../../domain/access.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { planView } from './model.js';

export async function getPlan(deps: Deps, user: AuthUser, caseId: string): Promise<PlanView> {
  const { record, version } = await loadCase(deps, user, caseId, { action: 'read', what: 'plan' });
  return planView(deps, record, version);
}
