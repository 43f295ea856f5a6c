/** Service plans (step 7), follow-ups (step 8), a changed need and closing the case. */
import { CaseIdParams } from '../../contract/common.js';
import { CaseStateChangeSchema, CloseCaseSchema, FollowUpCreateSchema, NeedChangedSchema, PlanSaveSchema, PlanViewSchema } from '../../contract/plans.js';
import { CLIENT_DATA_ROLES } from '../../domain/access.js';
import { changeNeed } from '../../services/plans/change-need.js';
import { closeCase } from '../../services/plans/close-case.js';
import { getPlan } from '../../services/plans/get-plan.js';
import { recordFollowUp } from '../../services/plans/record-follow-up.js';
import { savePlan } from '../../services/plans/save-plan.js';
import { route } from '../route.js';
import { versionFrom } from './queue.js';

const WORKERS = ['Worker'] as const;

export const planRoutes = [
  route({
    method: 'get',
    path: '/api/cases/:caseId/plan',
    summary: 'The service plan, its follow-ups and the next review',
    tag: 'plans',
    roles: CLIENT_DATA_ROLES,
    clientData: true,
    access: { kind: 'case', subject: 'plan', mode: 'read' },
    params: CaseIdParams,
    response: PlanViewSchema,
    handler: async ({ deps, user, params }) => {
      const body = await getPlan(deps, user, params.caseId);
      return { body, version: body.version ?? undefined };
    },
  }),
  route({
    method: 'put',
    path: '/api/cases/:caseId/plan',
    summary: 'Write the service plan: goals, means, who does what, next review (no version = create; else the version read)',
    tag: 'plans',
    roles: WORKERS,
    clientData: true,
    access: { kind: 'case', subject: 'plan', mode: 'write' },
    params: CaseIdParams,
    body: PlanSaveSchema,
    response: PlanViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const { version, ...input } = body;
      const v = version ?? (ifMatch ? versionFrom(undefined, ifMatch) : undefined);
      const r = await savePlan(deps, user, params.caseId, v, input);
      return { body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/followups',
    summary: 'Record a follow-up on the plan: continue (next review), need changed (→ ASSESSMENT) or service ended (→ CLOSED); version = the plan',
    tag: 'plans',
    roles: WORKERS,
    clientData: true,
    access: { kind: 'case', subject: 'followup', mode: 'write' },
    params: CaseIdParams,
    body: FollowUpCreateSchema,
    response: PlanViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const { version: _v, ...input } = body;
      const r = await recordFollowUp(deps, user, params.caseId, versionFrom(body, ifMatch), input);
      return { status: 201, body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/need-changed',
    summary: 'The need changed: back to ASSESSMENT (leaves the queue; a place is kept until replaced or closed); version = the case',
    tag: 'plans',
    roles: WORKERS,
    clientData: true,
    access: { kind: 'case', subject: 'case.needChanged', mode: 'write' },
    params: CaseIdParams,
    body: NeedChangedSchema,
    response: CaseStateChangeSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await changeNeed(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.caseVersion };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/close',
    summary: 'Close the case with a reason (ends the place and the queue entry); version = the case',
    tag: 'plans',
    roles: WORKERS,
    clientData: true,
    access: { kind: 'case', subject: 'case.close', mode: 'write' },
    params: CaseIdParams,
    body: CloseCaseSchema,
    response: CaseStateChangeSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await closeCase(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.caseVersion };
    },
  }),
];
