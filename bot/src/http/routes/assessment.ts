import { CaseIdParams } from '../../contract/common.js';
import {
  AssessmentDeliverySchema,
  AssessmentFinishSchema,
  AssessmentSaveSchema,
  AssessmentViewSchema,
  ClientDelayCloseSchema,
  ClientDelayCreateSchema,
  ClientDelaysViewSchema,
} from '../../contract/assessment.js';
import { finishAssessment } from '../../services/assessment/finish-assessment.js';
import { getAssessment } from '../../services/assessment/get-assessment.js';
import { versionFrom } from '../version.js';
import { closeClientDelay, recordClientDelay } from '../../services/assessment/record-client-delay.js';
import { recordDelivery } from '../../services/assessment/record-delivery.js';
import { saveAssessment } from '../../services/assessment/save-assessment.js';
import { startAssessment } from '../../services/assessment/start-assessment.js';
import { route } from '../route.js';

const base = '/api/cases/:caseId/assessment';

export const assessmentRoutes = [
  route({
    method: 'post',
    path: `${base}/start`,
    summary: 'Start the service-need assessment (RECEIVED → ASSESSMENT; assigns the caller when unassigned), or a new round after a finished one',
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'assessment.start', mode: 'write' },
    params: CaseIdParams,
    response: AssessmentViewSchema,
    handler: async ({ deps, user, params }) => {
      const r = await startAssessment(deps, user, params.caseId);
      return { status: r.started ? 201 : 200, body: r.view, version: r.view.version };
    },
  }),
  route({
    method: 'get',
    path: base,
    summary: 'The current assessment round with its version (assigned worker, SAP members, deciding lead)',
    tag: 'assessment',
    roles: ['Worker', 'Chair', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'assessment', mode: 'read' },
    params: CaseIdParams,
    response: AssessmentViewSchema,
    handler: async ({ deps, user, params }) => {
      const view = await getAssessment(deps, user, params.caseId);
      return { body: view, version: view.version };
    },
  }),
  route({
    method: 'put',
    path: base,
    summary: 'Save the assessment draft (whole content) with the version read; stale → 412, nothing written',
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'assessment', mode: 'write' },
    params: CaseIdParams,
    body: AssessmentSaveSchema,
    response: AssessmentViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const view = await saveAssessment(deps, user, params.caseId, body, versionFrom(body.version, ifMatch));
      return { body: view, version: view.version };
    },
  }),
  route({
    method: 'post',
    path: `${base}/finish`,
    summary: "Finish the assessment (needs the client's view, conclusion and proposed service)",
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'assessment.finish', mode: 'write' },
    params: CaseIdParams,
    body: AssessmentFinishSchema,
    response: AssessmentViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const view = await finishAssessment(deps, user, params.caseId, versionFrom(body.version, ifMatch));
      return { body: view, version: view.version };
    },
  }),
  route({
    method: 'post',
    path: `${base}/delivery`,
    summary: 'Record when and how the client received the finished assessment',
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'assessment.delivery', mode: 'write' },
    params: CaseIdParams,
    body: AssessmentDeliverySchema,
    response: AssessmentViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const view = await recordDelivery(deps, user, params.caseId, body, versionFrom(body.version, ifMatch));
      return { body: view, version: view.version };
    },
  }),
  route({
    method: 'post',
    path: `${base}/delays`,
    summary: 'Record a delay caused by the client (extends the SHL 45 § clock)',
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'clientDelay', mode: 'write' },
    params: CaseIdParams,
    body: ClientDelayCreateSchema,
    response: ClientDelaysViewSchema,
    handler: async ({ deps, user, params, body }) => ({ status: 201, body: await recordClientDelay(deps, user, params.caseId, body) }),
  }),
  route({
    method: 'post',
    path: `${base}/delays/close`,
    summary: 'Close an ongoing client-caused delay on its last day (not after today)',
    tag: 'assessment',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'clientDelay', mode: 'write' },
    params: CaseIdParams,
    body: ClientDelayCloseSchema,
    response: ClientDelaysViewSchema,
    handler: async ({ deps, user, params, body }) => ({ status: 200, body: await closeClientDelay(deps, user, params.caseId, body) }),
  }),
];
