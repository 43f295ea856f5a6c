import { z } from 'zod';
import { CaseIdParams, IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  CorrectionCreateSchema,
  DecisionCreateSchema,
  DecisionDocumentSchema,
  DecisionListSchema,
  DecisionParams,
  DecisionSignSchema,
  DecisionUpdateSchema,
  DecisionViewSchema,
  MailedSchema,
  NotifiedSchema,
  PostalAddressPutSchema,
  ReturnedSchema,
  PostalAddressSchema,
  PreviewQuery,
  SubmitSchema,
  ToMailListSchema,
  ToSignListSchema,
} from '../../contract/decisions.js';
import { getPostalAddress, putPostalAddress } from '../../services/decisions/postal-address.js';
import { listToSign, submitForSigning } from '../../services/decisions/to-sign.js';
import { markDecisionReturned } from '../../services/decisions/mark-returned.js';
import { DomainError } from '../../domain/errors.js';
import { correctDecision } from '../../services/decisions/correct-decision.js';
import { decisionPdf } from '../../services/decisions/decision-pdf.js';
import { draftDecision } from '../../services/decisions/draft-decision.js';
import { getDecision } from '../../services/decisions/get-decision.js';
import { listDecisions } from '../../services/decisions/list-decisions.js';
import { listToMail } from '../../services/decisions/list-to-mail.js';
import { markDecisionMailed } from '../../services/decisions/mark-mailed.js';
import { markDecisionNotified } from '../../services/decisions/mark-notified.js';
import { previewDecisionDocument } from '../../services/decisions/preview-decision.js';
import { signDecisionUseCase } from '../../services/decisions/sign-decision.js';
import { updateDecision } from '../../services/decisions/update-decision.js';
import type { Role } from '../../domain/types.js';
import { route } from '../route.js';
import { versionFrom } from '../version.js';

const BASE = '/api/cases/:caseId/decisions';
const ONE = `${BASE}/:decisionId`;
/** Everyone whose task may need a case's decisions; the relation to the case is checked per case. */
const READERS: Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'];
const tag = 'decisions';


export const decisionRoutes = [
  route({
    method: 'get',
    path: BASE,
    summary: "The case's decisions: drafts, signed, corrections, mailing and appeal periods",
    tag,
    roles: READERS,
    clientData: true,
    access: { kind: 'case', subject: 'decision.list', mode: 'read' },
    params: CaseIdParams,
    response: DecisionListSchema,
    handler: async ({ deps, user, params }) => ({ body: await listDecisions(deps, user, params.caseId) }),
  }),
  route({
    method: 'post',
    path: BASE,
    summary: "Draft the decision from the SAP group's outcome (the assigned worker; an open draft is returned)",
    tag,
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.draft', mode: 'write' },
    params: CaseIdParams,
    body: DecisionCreateSchema,
    response: DecisionViewSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, params, body }) => {
      const r = await draftDecision(deps, user, params.caseId, body);
      return { status: r.created ? 201 : 200, body: r.view, version: r.version };
    },
  }),
  route({
    method: 'get',
    path: ONE,
    summary: 'One decision with its version (send it back on the next change)',
    tag,
    roles: READERS,
    clientData: true,
    access: { kind: 'case', subject: 'decision', mode: 'read' },
    params: DecisionParams,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params }) => {
      const r = await getDecision(deps, user, params.caseId, params.decisionId);
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'patch',
    path: ONE,
    summary: 'Edit a draft (version or If-Match; stale → 412; signed → 409 decision.signed)',
    tag,
    roles: ['Worker', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.edit', mode: 'write' },
    params: DecisionParams,
    body: DecisionUpdateSchema,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await updateDecision(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch), body);
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'get',
    path: `${ONE}/preview`,
    summary: 'The structured document: a draft in Finnish or Swedish (?lang=), a signed decision as signed',
    tag,
    roles: READERS,
    clientData: true,
    access: { kind: 'case', subject: 'decision.preview', mode: 'read' },
    params: DecisionParams,
    query: PreviewQuery,
    response: DecisionDocumentSchema,
    handler: async ({ deps, user, params, query }) => ({
      body: await previewDecisionDocument(deps, user, params.caseId, params.decisionId, query.lang),
    }),
  }),
  route({
    method: 'get',
    path: `${ONE}/pdf`,
    summary: 'The decision as PDF for printing and post (access-logged as a print)',
    tag,
    roles: READERS,
    clientData: true,
    access: { kind: 'case', subject: 'decision.pdf', mode: 'read' },
    produces: 'application/pdf',
    params: DecisionParams,
    query: PreviewQuery,
    handler: async ({ deps, user, params, query }) => {
      const r = await decisionPdf(deps, user, params.caseId, params.decisionId, query.lang);
      return { raw: { contentType: 'application/pdf', data: r.data, filename: r.filename } };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/sign`,
    summary: 'Sign the decision (the deciding lead social worker): number, date, frozen document; SAP → DECIDED',
    tag,
    roles: ['LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.sign', mode: 'write' },
    params: DecisionParams,
    body: DecisionSignSchema,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await signDecisionUseCase(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch), body);
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/corrections`,
    summary: 'Start a correction: a new draft that references the signed decision (which is never edited)',
    tag,
    roles: ['Worker', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.correction', mode: 'write' },
    params: DecisionParams,
    body: CorrectionCreateSchema,
    response: DecisionViewSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, params, body }) => {
      const r = await correctDecision(deps, user, params.caseId, params.decisionId, body);
      return { status: r.created ? 201 : 200, body: r.view, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/mailed`,
    summary: 'The secretary marks the decision sent (post or electronic); the appeal clock starts from it',
    tag,
    roles: ['Secretary'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.mailed', mode: 'write' },
    params: DecisionParams,
    body: MailedSchema,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await markDecisionMailed(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch), body);
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/returned`,
    summary: 'A posted letter came back: the notification lapses and the decision waits to be sent again',
    tag,
    roles: ['Secretary', 'Worker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.returned', mode: 'write' },
    params: DecisionParams,
    body: ReturnedSchema,
    response: z.union([DecisionViewSchema, z.object({ version: z.string() })]),
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await markDecisionReturned(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch));
      return 'view' in r ? { body: r.view, version: r.version } : { body: r, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/notified`,
    summary: 'Record the date of notification (presumed, or a day shown otherwise)',
    tag,
    roles: ['Secretary', 'Worker', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.notified', mode: 'write' },
    params: DecisionParams,
    body: NotifiedSchema,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await markDecisionNotified(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch), body);
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'post',
    path: `${ONE}/submit`,
    summary: 'Send a complete draft to the lead social workers\' "to sign" list',
    tag,
    roles: ['Worker', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'decision.submit', mode: 'write' },
    params: DecisionParams,
    body: SubmitSchema,
    response: DecisionViewSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await submitForSigning(deps, user, params.caseId, params.decisionId, versionFrom(body.version, ifMatch));
      return { body: r.view, version: r.version };
    },
  }),
  route({
    method: 'get',
    path: '/api/decisions/to-sign',
    summary: 'The lead social workers\' list of drafts sent for signing (case references, no client names)',
    tag,
    roles: ['LeadSocialWorker'],
    clientData: true,
    access: { kind: 'list', subject: 'decision.toSign' },
    query: z.object({}).strict(),
    response: ToSignListSchema,
    handler: async ({ deps, user }) => ({ body: { items: await listToSign(deps, user) } }),
  }),
  route({
    method: 'get',
    path: '/api/cases/:caseId/postal-address',
    summary: "The client's postal address for decisions (checked date, source; none under address protection)",
    tag,
    roles: READERS,
    clientData: true,
    access: { kind: 'case', subject: 'case.postalAddress', mode: 'read' },
    params: CaseIdParams,
    response: PostalAddressSchema,
    handler: async ({ deps, user, params }) => {
      const r = await getPostalAddress(deps, user, params.caseId);
      return { body: r, ...(r.version ? { version: r.version } : {}) };
    },
  }),
  route({
    method: 'put',
    path: '/api/cases/:caseId/postal-address',
    summary: "Record the client's postal address or address protection (version or If-Match once recorded; stale → 412)",
    tag,
    roles: ['Worker', 'LeadSocialWorker'],
    clientData: true,
    access: { kind: 'case', subject: 'case.postalAddress', mode: 'write' },
    params: CaseIdParams,
    body: PostalAddressPutSchema,
    response: PostalAddressSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await putPostalAddress(deps, user, params.caseId, body, body.version ?? (ifMatch ? versionFrom(undefined, ifMatch) : undefined));
      return { body: r, version: r.version };
    },
  }),
  route({
    method: 'get',
    path: '/api/decisions/to-mail',
    summary: "The secretary's list of signed decisions waiting to be posted (name and address: the task needs them)",
    tag,
    roles: ['Secretary'],
    clientData: true,
    access: { kind: 'list', subject: 'decision.toMail' },
    query: z.object({}).strict(),
    response: ToMailListSchema,
    handler: async ({ deps, user }) => ({ body: { items: await listToMail(deps, user) } }),
  }),
];
