/** Queues (SPEC step 5) and placement (step 6). */
import { z } from 'zod';
import { CaseIdParams, IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  CaseQueueSchema,
  OfferAnswerSchema,
  OfferCreateSchema,
  PlacementCreateSchema,
  PlacementEndSchema,
  PlacementListSchema,
  PlacementResultSchema,
  PlacementSchema,
  QueueJoinSchema,
  QueueLeaveSchema,
  QueueListQuery,
  QueueListSchema,
  QueueMoveSchema,
  QueueParams,
  QueueSummarySchema,
  VersionOnlySchema,
} from '../../contract/queue.js';
import { CLIENT_DATA_ROLES } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { endPlacement } from '../../services/placement/end-placement.js';
import { getPlacements } from '../../services/placement/get-placements.js';
import { placeCase } from '../../services/placement/place-case.js';
import { declineOffer } from '../../services/queue/decline-offer.js';
import { expireOffer } from '../../services/queue/expire-offer.js';
import { getCaseQueue } from '../../services/queue/get-case-queue.js';
import { leaveQueue } from '../../services/queue/leave-queue.js';
import { listQueue } from '../../services/queue/list-queue.js';
import { listQueues } from '../../services/queue/list-queues.js';
import { makeOffer } from '../../services/queue/make-offer.js';
import { moveQueue } from '../../services/queue/move-queue.js';
import { queueCase } from '../../services/queue/queue-case.js';
import { route } from '../route.js';

/** The version the client read: body.version, or the If-Match header (the ETag as sent). */
export function versionFrom(body: { version?: string } | undefined, ifMatch?: string): string {
  let v = body?.version;
  if (!v && ifMatch) {
    try {
      const parsed: unknown = JSON.parse(ifMatch);
      v = typeof parsed === 'string' ? parsed : ifMatch;
    } catch {
      v = ifMatch;
    }
  }
  if (!v) throw new DomainError('validation', 'Send the version you read (body.version or If-Match)', { field: 'body.version' });
  return v;
}

const COORD = ['QueueCoordinator'] as const;
const COORD_OR_WORKER = ['QueueCoordinator', 'Worker'] as const;
const CaseQueueResult = CaseQueueSchema;

export const queueRoutes = [
  route({
    method: 'get',
    path: '/api/queues',
    summary: 'Every queue (per service, per unit) with its length, urgent count and longest wait; no client data',
    tag: 'queue',
    roles: 'anyUser',
    response: QueueSummarySchema,
    handler: async ({ deps }) => ({ body: await listQueues(deps) }),
  }),
  route({
    method: 'get',
    path: '/api/queues/:service',
    summary: "One queue in order (the coordinator's list): position, waiting days, SHL 45 § clock and why; paged",
    tag: 'queue',
    roles: COORD,
    clientData: true,
    access: { kind: 'list', subject: 'queue.place' },
    params: QueueParams,
    query: QueueListQuery,
    response: QueueListSchema,
    handler: async ({ deps, user, params, query }) => ({ body: await listQueue(deps, user, params.service, query) }),
  }),
  route({
    method: 'get',
    path: '/api/cases/:caseId/queue',
    summary: "The case's place in its queue (the worker's view of their client)",
    tag: 'queue',
    roles: CLIENT_DATA_ROLES,
    clientData: true,
    access: { kind: 'case', subject: 'queue.place', mode: 'read' },
    params: CaseIdParams,
    response: CaseQueueSchema,
    handler: async ({ deps, user, params }) => {
      const body = await getCaseQueue(deps, user, params.caseId);
      return { body, version: body.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue',
    summary: 'DECIDED → QUEUED after a granted decision (the service queue, or a named unit); version = the case',
    tag: 'queue',
    roles: COORD_OR_WORKER,
    clientData: true,
    access: { kind: 'case', subject: 'queue.join', mode: 'write' },
    params: CaseIdParams,
    body: QueueJoinSchema,
    response: CaseQueueResult,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await queueCase(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { status: 201, body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue/offer',
    summary: 'Offer a vacancy (unit with a free place, answer-by date); version = the entry',
    tag: 'queue',
    roles: COORD,
    clientData: true,
    access: { kind: 'case', subject: 'queue.offer', mode: 'write' },
    params: CaseIdParams,
    body: OfferCreateSchema,
    response: CaseQueueResult,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await makeOffer(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue/answer',
    summary: "The client's answer to the open offer: accept (placed from startDate) or decline (reason); version = the entry",
    tag: 'queue',
    roles: COORD_OR_WORKER,
    clientData: true,
    access: { kind: 'case', subject: 'queue.offer.accept', mode: 'write' },
    params: CaseIdParams,
    body: OfferAnswerSchema,
    response: z.union([CaseQueueResult, PlacementResultSchema]),
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const version = versionFrom(body, ifMatch);
      if (body.answer === 'decline') {
        const r = await declineOffer(deps, user, params.caseId, version, body.declineReason);
        return { body: r, version: r.version ?? undefined };
      }
      const r = await placeCase(deps, user, params.caseId, { startDate: body.startDate, viaOffer: true, guard: { of: 'entry', version } });
      return { status: 201, body: r, version: r.caseVersion };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue/expire',
    summary: 'Mark the unanswered offer expired (after its answer-by day); version = the entry',
    tag: 'queue',
    roles: COORD,
    clientData: true,
    access: { kind: 'case', subject: 'queue.offer.expire', mode: 'write' },
    params: CaseIdParams,
    body: VersionOnlySchema,
    response: CaseQueueResult,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await expireOffer(deps, user, params.caseId, versionFrom(body, ifMatch));
      return { body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue/leave',
    summary: 'Remove from the queue with a reason from the fixed list (OTHER needs text); NEED_CHANGED → ASSESSMENT, others → CLOSED',
    tag: 'queue',
    roles: COORD_OR_WORKER,
    clientData: true,
    access: { kind: 'case', subject: 'queue.leave', mode: 'write' },
    params: CaseIdParams,
    body: QueueLeaveSchema,
    response: CaseQueueResult,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await leaveQueue(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.caseVersion };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/queue/move',
    summary: 'Move to another queue (service, or unit); the first-decided date is kept; version = the entry',
    tag: 'queue',
    roles: COORD,
    clientData: true,
    access: { kind: 'case', subject: 'queue.move', mode: 'write' },
    params: CaseIdParams,
    body: QueueMoveSchema,
    response: CaseQueueResult,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await moveQueue(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.version ?? undefined };
    },
  }),
  route({
    method: 'get',
    path: '/api/cases/:caseId/placement',
    summary: "The case's active placement and its history",
    tag: 'placement',
    roles: CLIENT_DATA_ROLES,
    clientData: true,
    access: { kind: 'case', subject: 'placement', mode: 'read' },
    params: CaseIdParams,
    response: PlacementListSchema,
    handler: async ({ deps, user, params }) => {
      const body = await getPlacements(deps, user, params.caseId);
      return { body, version: body.caseVersion };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/placement',
    summary: 'Place the client (DECIDED → PLACED when a place is free, or QUEUED → PLACED): unit, start date; version = the case',
    tag: 'placement',
    roles: COORD_OR_WORKER,
    clientData: true,
    access: { kind: 'case', subject: 'placement', mode: 'write' },
    params: CaseIdParams,
    body: PlacementCreateSchema,
    response: PlacementResultSchema,
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const version = versionFrom(body, ifMatch);
      const r = await placeCase(deps, user, params.caseId, { unitId: body.unitId, startDate: body.startDate, viaOffer: false, guard: { of: 'case', version } });
      return { status: 201, body: r, version: r.caseVersion };
    },
  }),
  route({
    method: 'post',
    path: '/api/cases/:caseId/placement/end',
    summary: 'End the active placement of a case that has moved on (frees the place); version = the case',
    tag: 'placement',
    roles: COORD_OR_WORKER,
    clientData: true,
    access: { kind: 'case', subject: 'placement.end', mode: 'write' },
    params: CaseIdParams,
    body: PlacementEndSchema,
    response: z.object({ caseId: z.string(), state: z.string(), placement: PlacementSchema, caseVersion: z.string() }),
    handler: async ({ deps, user, params, body, ifMatch }) => {
      const r = await endPlacement(deps, user, params.caseId, versionFrom(body, ifMatch), body);
      return { body: r, version: r.caseVersion };
    },
  }),
];
