/** The service plan (row 'plan' of the case) and its follow-ups (rows 'followup-<id>'). */
import type { z } from 'zod';
import type { FollowUpSchema, PlanSchema, PlanView } from '../../contract/plans.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { daysBetween } from '../../domain/calendar/index.js';
import type { CaseState, LocalDate } from '../../domain/types.js';
import type { Deps } from '../deps.js';
import { todayOf } from '../queue/case-commit.js';

export type ServicePlan = z.infer<typeof PlanSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** States where a plan is kept up to date (after intake, before closing). */
export const PLAN_STATES: readonly CaseState[] = ['ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED', 'PLACED'];
/** States where the service is followed up. */
export const FOLLOW_UP_STATES: readonly CaseState[] = ['DECIDED', 'QUEUED', 'PLACED'];

export const readPlan = (deps: Deps, caseId: string) => deps.cases.row<ServicePlan>(caseId, 'plan');

export async function planView(deps: Deps, c: CaseRecord, caseVersion: string): Promise<PlanView> {
  const [plan, rows] = await Promise.all([readPlan(deps, c.id), deps.cases.rowsOf<FollowUp>(c.id, 'followup')]);
  const followUps = rows.map((r) => r.value).sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn) || a.recordedAt.localeCompare(b.recordedAt));
  const today: LocalDate = todayOf(deps);
  const dueOn = c.state === 'CLOSED' ? null : (plan?.value.nextReviewOn ?? null);
  return {
    caseId: c.id,
    state: c.state,
    plan: plan?.value ?? null,
    version: plan?.version ?? null,
    followUps,
    nextReview: dueOn ? { dueOn, daysLeft: daysBetween(today, dueOn), overdue: dueOn < today } : null,
    caseVersion,
  };
}
