import { SecurityDayQuery, SecurityDaySchema } from '../../contract/security.js';
import { listSecurityEvents } from '../../services/security/record-refusal.js';
import { route } from '../route.js';

export const securityRoutes = [
  route({
    method: 'get',
    path: '/api/audit/security-events',
    summary: 'Refused requests on client-data routes of one UTC day (newest first): actor, route template, status; no client data',
    tag: 'audit',
    roles: ['Admin'],
    query: SecurityDayQuery,
    response: SecurityDaySchema,
    handler: async ({ deps, query }) => ({ body: await listSecurityEvents(deps, query.day) }),
  }),
];
