import { z } from 'zod';
import { CaseIdParams, LocalDate } from '../../contract/common.js';
import { getCase } from '../../services/cases/get-case.js';
import { myCases } from '../../services/cases/my-work.js';
import { route } from '../route.js';

export const caseRoutes = [
  route({
    method: 'get',
    path: '/api/cases/:caseId',
    summary: 'One case: record, clocks, timeline, contacts, allowed actions',
    tag: 'cases',
    roles: ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'],
    clientData: true,
    access: { kind: 'case', subject: 'case', mode: 'read' },
    params: CaseIdParams,
    handler: async ({ deps, user, params }) => getCase(deps, user, params.caseId),
  }),
  route({
    method: 'get',
    path: '/api/my/cases',
    summary: "The signed-in worker's open cases with their deadline clocks, most urgent first",
    tag: 'cases',
    roles: ['Worker'],
    clientData: true,
    access: { kind: 'list', subject: 'case' },
    handler: async ({ deps, user }) => ({ body: { cases: await myCases(deps, user) } }),
  }),
];

export const calendarRoutes = [
  route({
    method: 'get',
    path: '/api/calendar/working-days',
    summary: 'The date N working days after a date (county calendar, Europe/Helsinki)',
    tag: 'calendar',
    roles: 'anyUser',
    query: z.object({ from: LocalDate, add: z.coerce.number().int().min(0).max(3650) }).strict(),
    response: z.object({ date: LocalDate }),
    handler: async ({ deps, query }) => ({ body: { date: deps.calendar.addWorkingDays(query.from, query.add) } }),
  }),
];
