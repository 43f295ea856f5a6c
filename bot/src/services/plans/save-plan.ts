/**
 * Writing the service plan (palvelusuunnitelma): goals, means, who does what, next review date.
 * One row per case, versioned: the first save creates it, later saves replace it only from the
 * version read (stale → 412). Each save is a timeline event with the plan's revision.
 */
import type { PlanSave, PlanView } from '../../contract/plans.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { commitChange, retryCase, StaleVersion, todayOf } from '../queue/case-commit.js';
import { PLAN_STATES, planView, readPlan, type ServicePlan } from './model.js';

export async function savePlan(deps: Deps, user: AuthUser, caseId: string, version: string | undefined, input: Omit<PlanSave, 'version'>): Promise<PlanView> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'plan' });
  if (input.nextReviewOn && input.nextReviewOn < todayOf(deps))
    throw new DomainError('validation', 'The next review cannot be in the past', { field: 'body.nextReviewOn' });
  await retryCase(deps, { value: loaded.record, version: loaded.version }, async (c) => {
    if (!PLAN_STATES.includes(c.value.state))
      throw new DomainError('case.wrongState', `No plan is written in state ${c.value.state}`, { from: c.value.state, action: 'savePlan' });
    const current = await readPlan(deps, caseId);
    if (current ? current.version !== version : version !== undefined) throw new StaleVersion('plan');
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const plan: ServicePlan = {
      caseId,
      revision: (current?.value.revision ?? 0) + 1,
      goals: input.goals,
      means: input.means,
      responsibilities: input.responsibilities,
      ...(input.clientView ? { clientView: input.clientView } : {}),
      nextReviewOn: input.nextReviewOn,
      createdAt: current?.value.createdAt ?? at,
      createdBy: current?.value.createdBy ?? actor,
      updatedAt: at,
      updatedBy: actor,
    };
    await commitChange(deps, c, {
      next: { ...c.value, updatedAt: at },
      events: [{ type: current ? 'planUpdated' : 'planCreated', at, actor, data: { revision: plan.revision, nextReviewOn: plan.nextReviewOn } }],
      rows: [{ kind: 'plan', value: plan, version: current?.version }],
      after: [],
    });
  });
  const fresh = await deps.cases.mustGet(caseId);
  return planView(deps, fresh.value, fresh.version);
}
