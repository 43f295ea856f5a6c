/**
 * A follow-up (asiakasseuranta) on the plan's review date, with its outcome, in one transaction:
 * - continue: the plan's next review date moves on;
 * - needChanged: back to ASSESSMENT (and SAP) by the workflow; a queued client leaves the queue;
 * - serviceEnded: the case closes (CLOSED with the reason), the place is freed.
 */
import type { FollowUpCreate, PlanView } from '../../contract/plans.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadContext } from '../placement/case-context.js';
import { commitChange, latestDecisionResult, retryCase, StaleVersion, todayOf, type CaseChange } from '../queue/case-commit.js';
import { needChangedChange } from './change-need.js';
import { closingChange } from './close-case.js';
import { FOLLOW_UP_STATES, planView, readPlan, type FollowUp, type ServicePlan } from './model.js';

export async function recordFollowUp(deps: Deps, user: AuthUser, caseId: string, version: string, input: Omit<FollowUpCreate, 'version'>): Promise<PlanView> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'followup' });
  if (input.reviewedOn > todayOf(deps))
    throw new DomainError('validation', 'A review is recorded on or after the day it was held', { field: 'body.reviewedOn' });
  await retryCase(deps, { value: loaded.record, version: loaded.version }, async (c) => {
    if (!FOLLOW_UP_STATES.includes(c.value.state))
      throw new DomainError('case.wrongState', `No follow-up in state ${c.value.state}`, { from: c.value.state, action: 'followUp' });
    const plan = await readPlan(deps, caseId);
    if (!plan) throw new DomainError('plan.required', 'Write the service plan first: follow-ups review it', {});
    if (plan.version !== version) throw new StaleVersion('plan');
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const followUp: FollowUp = {
      id: deps.newId(),
      caseId,
      dueOn: plan.value.nextReviewOn,
      reviewedOn: input.reviewedOn,
      outcome: input.outcome,
      notes: input.notes,
      nextReviewOn: input.nextReviewOn ?? null,
      ...(input.outcome === 'serviceEnded' ? { closeReason: input.closeReason ?? 'SERVICE_ENDED' } : {}),
      planRevision: plan.value.revision,
      recordedAt: at,
      recordedBy: actor,
    };
    const ctx = await loadContext(deps, c);
    let change: CaseChange;
    if (input.outcome === 'needChanged') {
      const decision = c.value.state === 'DECIDED' ? await latestDecisionResult(deps, c.value) : undefined;
      change = needChangedChange(deps, ctx, input.notes, actor, at, decision);
    } else if (input.outcome === 'serviceEnded') {
      change = closingChange(deps, ctx, { reason: followUp.closeReason!, note: input.closeNote }, actor, at);
    } else {
      change = { next: { ...c.value, updatedAt: at }, events: [], rows: [], after: [] };
    }
    const nextPlan: ServicePlan = { ...plan.value, nextReviewOn: input.outcome === 'serviceEnded' ? null : (input.nextReviewOn ?? plan.value.nextReviewOn) };
    change.events.unshift({
      type: 'followUpRecorded',
      at,
      actor,
      reason: input.outcome,
      data: { followUpId: followUp.id, reviewedOn: followUp.reviewedOn, dueOn: followUp.dueOn, nextReviewOn: followUp.nextReviewOn },
    });
    change.rows.push({ kind: 'followup', id: followUp.id, value: followUp }, { kind: 'plan', value: nextPlan, version: plan.version });
    await commitChange(deps, c, change);
  });
  deps.log.info({ caseId, outcome: input.outcome }, 'follow-up recorded');
  const fresh = await deps.cases.mustGet(caseId);
  return planView(deps, fresh.value, fresh.version);
}
