/**
 * THE authorisation table: one row per API route (METHOD path, exactly as in allRoutes). The
 * test (authz-matrix.test.ts) runs every row × every role × with / without a relation to the case
 * and fails when a route of allRoutes has no row here — so a new route cannot be forgotten.
 *
 * A row says who may call the route, written from the SPEC (not read from the route's own
 * `roles`, so a too-wide route is caught):
 *   roles   the roles whose task needs the route ('all' = any signed-in person);
 *   access  how a person of those roles gets in:
 *     role            the role is enough (no client data, or lists of one's own);
 *     relation        the role AND a relation to the case (SPEC "Who uses it": assigned worker,
 *                     SAP member where the case is on the agenda, the deciding lead social
 *                     worker, coordinator for decided/queued/placed cases, secretary for
 *                     decisions to post);
 *     assigned        only the case's assigned worker (own cases: assessment, SAP bookings);
 *     assignedOrLead  the assigned worker, or a lead social worker with a relation (decisions);
 *     member          a member of the SAP meeting (the chair records outcomes);
 *     audience        the notice's audience (and supervisors);
 *     limited         the role is enough, but client identity only with a relation (agenda, minutes);
 *   on      the fixture cases to run against (case routes), see FIXTURE_RELATIONS;
 *   req     a schema-valid request. Writes send a stale `version` where they take one, so an
 *           allowed call answers 412 (authorised, nothing written) and the fixtures stay put.
 */
import { contactBody } from '../support/factories.js';
import type { Role } from '../../bot/src/domain/types.js';

export type FixtureKey = 'received' | 'assessment' | 'sap' | 'sapDraft' | 'toCancel' | 'decided' | 'queued' | 'placed';
export type Access = 'role' | 'relation' | 'assigned' | 'assignedOrLead' | 'member' | 'audience' | 'limited';

export interface FixtureCase {
  caseId: string;
  clientId: string;
  hetu: string;
  name: string;
}

export interface Fixtures {
  cases: Record<FixtureKey, FixtureCase>;
  /** The future meeting with `sap` and `toCancel` booked. */
  meetingId: string;
  sapBookingId: string;
  /** A booking only the DELETE row uses (its allowed call cancels it). */
  toCancelBookingId: string;
  decisionIds: { decided: string; sapDraft: string };
  unitId: string;
  providerId: string;
  /** A notice to workers only. */
  noticeId: string;
  today: string;
  future: string;
}

export interface Req {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Row {
  roles: readonly Role[] | 'all';
  access: Access;
  on?: readonly FixtureKey[];
  req?: (fx: Fixtures, c?: FixtureCase) => Req;
}

/**
 * Who holds a relation to each fixture case: `rel` = the demo staff tied to it (its worker, the
 * chair and lead of its meeting), `unrel` = another person of the same role. Some relations come
 * with the state alone (any coordinator for decided/queued/placed cases, any lead social worker
 * while the case waits for its decision, any secretary while a signed decision waits to be posted).
 */
export const FIXTURE_RELATIONS: Record<FixtureKey, { rel: readonly Role[]; unrel: readonly Role[] }> = {
  received: { rel: ['Worker'], unrel: [] },
  assessment: { rel: ['Worker'], unrel: [] },
  toCancel: { rel: ['Worker', 'Chair', 'LeadSocialWorker'], unrel: ['LeadSocialWorker'] },
  sap: { rel: ['Worker', 'Chair', 'LeadSocialWorker'], unrel: ['LeadSocialWorker'] },
  sapDraft: { rel: ['Worker', 'Chair', 'LeadSocialWorker'], unrel: ['LeadSocialWorker'] },
  decided: { rel: ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'], unrel: ['LeadSocialWorker', 'QueueCoordinator', 'Secretary'] },
  queued: { rel: ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator'], unrel: ['QueueCoordinator'] },
  placed: { rel: ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator'], unrel: ['QueueCoordinator'] },
};

const CLIENT_ROLES: Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'];
const SAP_PEOPLE: Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'Secretary', 'Supervisor'];
const STALE = 'W/"datetime\'2001-01-01T00%3A00%3A00.0000000Z\'"';
const caseP = (c?: FixtureCase) => ({ caseId: c!.caseId });

export const MATRIX: Record<string, Row> = {
  // ---- intake and cases
  'POST /api/contacts': { roles: ['Worker'], access: 'role', req: () => ({ body: contactBody() }) },
  'POST /api/contacts/lookup': { roles: ['Worker'], access: 'role', req: (fx) => ({ body: { hetu: fx.cases.received.hetu } }) },
  'GET /api/cases/:caseId': {
    roles: CLIENT_ROLES,
    access: 'relation',
    on: ['received', 'assessment', 'sap', 'decided', 'queued', 'placed'],
    req: (_fx, c) => ({ params: caseP(c) }),
  },
  'GET /api/my/cases': { roles: ['Worker'], access: 'role' },
  'GET /api/calendar/working-days': { roles: 'all', access: 'role', req: () => ({ query: { from: '2026-12-04', add: '1' } }) },
  'GET /api/county': { roles: 'all', access: 'role' },

  // ---- assessment (the assigned worker writes; SAP members read)
  'POST /api/cases/:caseId/assessment/start': { roles: ['Worker'], access: 'assigned', on: ['assessment'], req: (_fx, c) => ({ params: caseP(c) }) },
  'GET /api/cases/:caseId/assessment': {
    roles: ['Worker', 'Chair', 'LeadSocialWorker'],
    access: 'relation',
    on: ['assessment', 'sap'],
    req: (_fx, c) => ({ params: caseP(c) }),
  },
  'PUT /api/cases/:caseId/assessment': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['assessment'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, content: { clientView: 'Haluan oman kodin.' } } }),
  },
  'POST /api/cases/:caseId/assessment/finish': { roles: ['Worker'], access: 'assigned', on: ['assessment'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/assessment/delivery': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['assessment'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, deliveredOn: fx.today, way: 'post' } }),
  },
  'POST /api/cases/:caseId/assessment/delays': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['assessment'],
    req: (fx, c) => ({ params: caseP(c), body: { from: fx.today, to: fx.today, reason: 'Asiakas pyysi siirtoa.' } }),
  },

  // ---- SAP meetings
  'POST /api/sap/meetings': {
    roles: ['Chair', 'Supervisor'],
    access: 'role',
    req: (fx) => ({ body: { startsAt: fx.future, durationMinutes: 30, leadSocialWorkerId: 'demo-lead-leena', chairId: 'demo-chair-paula' } }),
  },
  'GET /api/sap/meetings': { roles: SAP_PEOPLE, access: 'role' },
  'GET /api/sap/meetings/:meetingId/agenda': { roles: SAP_PEOPLE, access: 'limited', on: ['sap'], req: (fx) => ({ params: { meetingId: fx.meetingId } }) },
  'GET /api/sap/meetings/:meetingId/free-starts': { roles: SAP_PEOPLE, access: 'role', req: (fx) => ({ params: { meetingId: fx.meetingId }, query: { length: '20' } }) },
  'GET /api/sap/meetings/:meetingId/criteria': { roles: SAP_PEOPLE, access: 'role', req: (fx) => ({ params: { meetingId: fx.meetingId } }) },
  'POST /api/sap/meetings/:meetingId/bookings': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['received'],
    req: (fx, c) => ({ params: { meetingId: fx.meetingId }, body: { caseId: c!.caseId, startMinute: 50, lengthMinutes: 10 } }),
  },
  'POST /api/sap/meetings/:meetingId/bookings/:bookingId/move': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['sap'],
    req: (fx) => ({ params: { meetingId: fx.meetingId, bookingId: fx.sapBookingId }, body: { startMinute: 1440 } }),
  },
  'DELETE /api/sap/meetings/:meetingId/bookings/:bookingId': {
    roles: ['Worker'],
    access: 'assigned',
    on: ['toCancel'],
    req: (fx) => ({ params: { meetingId: fx.meetingId, bookingId: fx.toCancelBookingId }, body: { note: 'Asiakas sairastui.' } }),
  },
  'PUT /api/sap/meetings/:meetingId/bookings/:bookingId/outcome': {
    roles: ['Chair'],
    access: 'member',
    on: ['sap'],
    req: (fx) => ({ params: { meetingId: fx.meetingId, bookingId: fx.sapBookingId }, body: { kind: 'moreInfo', rationale: 'Tarvitaan lääkärinlausunto.' } }),
  },
  'GET /api/sap/meetings/:meetingId/minutes': { roles: SAP_PEOPLE, access: 'limited', on: ['sap'], req: (fx) => ({ params: { meetingId: fx.meetingId } }) },
  'GET /api/my/sap-bookings': { roles: ['Worker'], access: 'role' },

  // ---- notices
  'POST /api/notices': {
    roles: ['Supervisor'],
    access: 'role',
    req: () => ({
      body: { category: 'instructions', title: 'Matriisi', summary: 'Ohje muuttui.', link: 'https://intra.example.invalid/x', audience: { type: 'all' }, expiresOn: '2026-12-31' },
    }),
  },
  'GET /api/notices': { roles: ['Supervisor'], access: 'role' },
  'GET /api/notices/:noticeId': { roles: ['Worker', 'Supervisor'], access: 'audience', req: (fx) => ({ params: { noticeId: fx.noticeId } }) },
  'GET /api/notices/:noticeId/acknowledgements': { roles: ['Supervisor'], access: 'role', req: (fx) => ({ params: { noticeId: fx.noticeId } }) },
  'POST /api/notices/:noticeId/acknowledge': { roles: ['Worker'], access: 'audience', req: (fx) => ({ params: { noticeId: fx.noticeId } }) },
  'GET /api/my/notices': { roles: 'all', access: 'role' },
  'GET /api/me': { roles: 'all', access: 'role' },
  'PUT /api/me/preferences': { roles: 'all', access: 'role', req: () => ({ body: { mutedReminders: [] } }) },
  // Staff names and roles only: the chair names meeting members, the supervisor and admin keep people.
  'GET /api/staff': { roles: ['Chair', 'Supervisor', 'Admin'], access: 'role', req: () => ({ query: { role: 'LeadSocialWorker' } }) },

  // ---- audit and retention (the admin: never a case relation; every look-up is logged)
  'GET /api/audit': { roles: ['Admin'], access: 'role', req: (fx) => ({ query: { day: fx.today } }) },
  'POST /api/audit/clients/lookup': { roles: ['Admin'], access: 'role', req: (fx) => ({ body: { hetu: fx.cases.received.hetu } }) },
  'GET /api/audit/clients/:clientId': { roles: ['Admin'], access: 'role', req: (fx) => ({ params: { clientId: fx.cases.received.clientId } }) },
  'GET /api/audit/clients/:clientId/verify': { roles: ['Admin'], access: 'role', req: (fx) => ({ params: { clientId: fx.cases.received.clientId } }) },
  'POST /api/admin/retention/run': { roles: ['Admin'], access: 'role', req: () => ({ body: { dryRun: true } }) },

  // ---- reports (aggregates only)
  'GET /api/reports': { roles: ['Organiser', 'Supervisor'], access: 'role' },
  'GET /api/reports/export.csv': { roles: ['Organiser', 'Supervisor'], access: 'role' },
  'POST /api/reports/rebuild': { roles: ['Admin'], access: 'role', req: () => ({ body: {} }) },

  // ---- decisions
  'GET /api/cases/:caseId/decisions': { roles: CLIENT_ROLES, access: 'relation', on: ['sapDraft', 'decided', 'queued'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/decisions': { roles: ['Worker'], access: 'assigned', on: ['sapDraft'], req: (_fx, c) => ({ params: caseP(c), body: {} }) },
  'GET /api/cases/:caseId/decisions/:decisionId': {
    roles: CLIENT_ROLES,
    access: 'relation',
    on: ['sapDraft', 'decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: c === fx.cases.decided ? fx.decisionIds.decided : fx.decisionIds.sapDraft } }),
  },
  'PATCH /api/cases/:caseId/decisions/:decisionId': {
    roles: ['Worker', 'LeadSocialWorker'],
    access: 'assignedOrLead',
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE, draft: { feeNote: 'Maksu määräytyy tulojen mukaan.' } } }),
  },
  'GET /api/cases/:caseId/decisions/:decisionId/preview': {
    roles: CLIENT_ROLES,
    access: 'relation',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, query: { lang: 'fi' } }),
  },
  'GET /api/cases/:caseId/decisions/:decisionId/pdf': {
    roles: CLIENT_ROLES,
    access: 'relation',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/sign': {
    roles: ['LeadSocialWorker'],
    access: 'relation',
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/corrections': {
    roles: ['Worker', 'LeadSocialWorker'],
    access: 'assignedOrLead',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { reason: 'Alkamispäivä korjataan.' } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/mailed': {
    roles: ['Secretary'],
    access: 'relation',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE, channel: 'post' } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/notified': {
    roles: ['Secretary', 'Worker', 'LeadSocialWorker'],
    access: 'relation',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE } }),
  },
  'GET /api/decisions/to-mail': { roles: ['Secretary'], access: 'role' },
  'POST /api/cases/:caseId/decisions/:decisionId/returned': {
    roles: ['Secretary', 'Worker'],
    access: 'relation',
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/submit': {
    roles: ['Worker', 'LeadSocialWorker'],
    access: 'assignedOrLead',
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE } }),
  },
  'GET /api/decisions/to-sign': { roles: ['LeadSocialWorker'], access: 'role' },
  'GET /api/cases/:caseId/postal-address': { roles: CLIENT_ROLES, access: 'relation', on: ['sap', 'decided'], req: (_fx, c) => ({ params: caseP(c) }) },
  'PUT /api/cases/:caseId/postal-address': {
    roles: ['Worker', 'LeadSocialWorker'],
    access: 'assignedOrLead',
    on: ['sap'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, lines: ['Testitie 1', '02100 ESPOO'], checkedOn: fx.today, source: 'client' } }),
  },

  // ---- criteria
  'GET /api/criteria': { roles: 'all', access: 'role' },
  'GET /api/criteria/:service/versions': { roles: 'all', access: 'role', req: () => ({ params: { service: 'SUPPORTED' } }) },
  'POST /api/criteria': {
    roles: ['Admin'],
    access: 'role',
    req: (fx) => ({ body: { service: 'TEMPORARY', validFrom: fx.today, items: [{ id: 'TMP-X', text: { fi: 'Asunnoton.', sv: 'Bostadslös.' } }] } }),
  },

  // ---- queues and placement
  'GET /api/queues': { roles: 'all', access: 'role' },
  'GET /api/queues/:service': { roles: ['QueueCoordinator'], access: 'role', req: () => ({ params: { service: 'SUPPORTED' } }) },
  'GET /api/cases/:caseId/queue': { roles: CLIENT_ROLES, access: 'relation', on: ['decided', 'queued'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/queue': {
    roles: ['QueueCoordinator', 'Worker'],
    access: 'relation',
    on: ['decided'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: null } }),
  },
  'POST /api/cases/:caseId/queue/offer': {
    roles: ['QueueCoordinator'],
    access: 'relation',
    on: ['queued'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: fx.unitId, answerBy: '2026-12-31' } }),
  },
  'POST /api/cases/:caseId/queue/answer': {
    roles: ['QueueCoordinator', 'Worker'],
    access: 'relation',
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { answer: 'decline', version: STALE, declineReason: 'Liian kaukana.' } }),
  },
  'POST /api/cases/:caseId/queue/expire': { roles: ['QueueCoordinator'], access: 'relation', on: ['queued'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/queue/leave': {
    roles: ['QueueCoordinator', 'Worker'],
    access: 'relation',
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, reason: 'MOVED_AWAY' } }),
  },
  'POST /api/cases/:caseId/queue/move': {
    roles: ['QueueCoordinator'],
    access: 'relation',
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, service: 'COMMUNAL' } }),
  },
  'GET /api/cases/:caseId/placement': { roles: CLIENT_ROLES, access: 'relation', on: ['queued', 'placed'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/placement': {
    roles: ['QueueCoordinator', 'Worker'],
    access: 'relation',
    on: ['queued'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: fx.unitId, startDate: fx.today } }),
  },
  'POST /api/cases/:caseId/placement/end': {
    roles: ['QueueCoordinator', 'Worker'],
    access: 'relation',
    on: ['placed'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, endDate: fx.today, reason: 'Muutti toiselle paikkakunnalle.' } }),
  },

  // ---- providers and units (everyone reads; the admin keeps them)
  'GET /api/providers': { roles: 'all', access: 'role' },
  'GET /api/providers/:providerId': { roles: 'all', access: 'role', req: (fx) => ({ params: { providerId: fx.providerId } }) },
  'POST /api/providers': { roles: ['Admin'], access: 'role', req: () => ({ body: { name: 'Matriisituottaja Oy', kind: 'ownProduction' } }) },
  'PUT /api/providers/:providerId': {
    roles: ['Admin'],
    access: 'role',
    req: (fx) => ({ params: { providerId: fx.providerId }, body: { version: STALE, name: 'Testituottaja Oy', kind: 'purchased' } }),
  },
  'GET /api/units': { roles: 'all', access: 'role', req: () => ({ query: { service: 'SUPPORTED' } }) },
  'GET /api/units/:unitId': { roles: 'all', access: 'role', req: (fx) => ({ params: { unitId: fx.unitId } }) },
  'POST /api/units': {
    roles: ['Admin'],
    access: 'role',
    req: (fx) => ({ body: { providerId: fx.providerId, name: 'Matriisiyksikkö', kind: 'unit', municipality: '049', services: ['SUPPORTED'], places: 3 } }),
  },
  'PUT /api/units/:unitId': {
    roles: ['Admin'],
    access: 'role',
    req: (fx) => ({
      params: { unitId: fx.unitId },
      body: { version: STALE, providerId: fx.providerId, name: 'Testiyksikkö', kind: 'unit', municipality: '049', services: ['SUPPORTED'], places: 10 },
    }),
  },

  // ---- plans, follow-ups, changed need, closing
  'GET /api/cases/:caseId/plan': { roles: CLIENT_ROLES, access: 'relation', on: ['placed'], req: (_fx, c) => ({ params: caseP(c) }) },
  'PUT /api/cases/:caseId/plan': {
    roles: ['Worker'],
    access: 'relation',
    on: ['placed'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, goals: ['Asuu itsenäisesti.'], nextReviewOn: null } }),
  },
  'POST /api/cases/:caseId/followups': {
    roles: ['Worker'],
    access: 'relation',
    on: ['placed'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, reviewedOn: fx.today, outcome: 'continue', notes: 'Sujuu hyvin.', nextReviewOn: '2027-06-01' } }),
  },
  'POST /api/cases/:caseId/need-changed': { roles: ['Worker'], access: 'relation', on: ['placed'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/close': {
    roles: ['Worker'],
    access: 'relation',
    on: ['placed'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, reason: 'MOVED_AWAY' } }),
  },
};
