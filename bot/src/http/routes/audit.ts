import {
  AuditDayQuery,
  AuditDaySchema,
  ChainVerifySchema,
  ClientAccessSchema,
  ClientIdParams,
  ClientLookupResultSchema,
  ClientLookupSchema,
  RetentionResultSchema,
  RetentionRunSchema,
} from '../../contract/audit.js';
import { clientAccessLog, verifyClientLog } from '../../services/audit/client-access-log.js';
import { findClient } from '../../services/audit/find-client.js';
import { listAccessDay } from '../../services/audit/list-access-day.js';
import { purgeClosedCases } from '../../services/retention/purge-closed-cases.js';
import { actorOf } from '../../services/case-access.js';
import { route } from '../route.js';

export const auditRoutes = [
  route({
    method: 'get',
    path: '/api/audit',
    summary: 'Access log of one day (newest first), optionally one user\'s entries',
    tag: 'audit',
    roles: ['Admin'],
    query: AuditDayQuery,
    response: AuditDaySchema,
    handler: async ({ deps, query }) => ({ body: await listAccessDay(deps, query) }),
  }),
  route({
    method: 'post',
    path: '/api/audit/clients/lookup',
    summary: "A person's internal client ids from the henkilötunnus (in the body, never the URL); logged",
    tag: 'audit',
    roles: ['Admin'],
    clientData: true,
    access: { kind: 'audit' },
    body: ClientLookupSchema,
    response: ClientLookupResultSchema,
    handler: async ({ deps, user, body }) => ({ body: await findClient(deps, user, body) }),
  }),
  route({
    method: 'get',
    path: '/api/audit/clients/:clientId',
    summary: "Who has processed this client's data (703/2023 11 §); the query itself is logged",
    tag: 'audit',
    roles: ['Admin'],
    params: ClientIdParams,
    response: ClientAccessSchema,
    handler: async ({ deps, user, params }) => ({ body: await clientAccessLog(deps, user, params.clientId) }),
  }),
  route({
    method: 'get',
    path: '/api/audit/clients/:clientId/verify',
    summary: "Check the client's access-log hash chain (a removed or altered row breaks it)",
    tag: 'audit',
    roles: ['Admin'],
    params: ClientIdParams,
    response: ChainVerifySchema,
    handler: async ({ deps, params }) => ({ body: await verifyClientLog(deps, params.clientId) }),
  }),
  route({
    method: 'post',
    path: '/api/admin/retention/run',
    summary: 'Remove cases closed longer ago than the retention period (dryRun, the default, only lists them)',
    tag: 'audit',
    roles: ['Admin'],
    body: RetentionRunSchema,
    response: RetentionResultSchema,
    handler: async ({ deps, user, body }) => ({
      body: await purgeClosedCases(deps, deps.clock.now(), { dryRun: body.dryRun, limit: body.limit, actor: actorOf(user) }),
    }),
  }),
];
