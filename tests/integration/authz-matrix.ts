/**
 * The authorisation matrix's fixtures: one row per API route (METHOD path, exactly as in
 * allRoutes). The test (authz-matrix.test.ts) runs every row × every role × with / without a
 * relation to the case, and fails when a route of allRoutes has no row here.
 *
 * Routes on one case (`access: { kind: 'case', … }` in the route) take their expectation from
 * THE access table (bot/src/domain/access/table.ts, docs/ACCESS.md): the test computes it with
 * the domain's `authorise` over the fixture case's stored facts, the caller and the test clock —
 * so the matrix is generated from the same table that loadCase enforces. Their rows here give
 * only the fixture cases (`on`) and a schema-valid request (`req`).
 *
 * Other routes (no client data, lists, intake, audit) say who may call them, written from the
 * SPEC (not read from the route's own `roles`, so a too-wide route is caught):
 *   roles   the roles whose task needs the route ('all' = any signed-in person);
 *   access  role      the role is enough (no client data, or lists of one's own);
 *           audience  the notice's audience (and supervisors);
 *           limited   the role is enough, but client identity only with a relation (agenda, minutes);
 *   req     a schema-valid request. Writes send a stale `version` where they take one, so an
 *           allowed call answers 412 (authorised, nothing written) and the fixtures stay put.
 */
import { contactBody } from '../support/factories.js';
import type { Role } from '../../bot/src/domain/types.js';

export type FixtureKey = 'received' | 'assessment' | 'sap' | 'sapDraft' | 'toCancel' | 'decided' | 'queued' | 'placed';
export type Access = 'role' | 'audience' | 'limited';

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
  /** Routes that are not on one case only: on one case, the access table decides. */
  roles?: readonly Role[] | 'all';
  access?: Access;
  on?: readonly FixtureKey[];
  req?: (fx: Fixtures, c?: FixtureCase) => Req;
}

const SAP_PEOPLE: Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'Secretary', 'Supervisor'];
const STALE = 'W/"datetime\'2001-01-01T00%3A00%3A00.0000000Z\'"';
const caseP = (c?: FixtureCase) => ({ caseId: c!.caseId });

export const MATRIX: Record<string, Row> = {
  // ---- intake and cases
  'POST /api/contacts': { roles: ['Worker'], access: 'role', req: () => ({ body: contactBody() }) },
  'POST /api/contacts/lookup': { roles: ['Worker'], access: 'role', req: (fx) => ({ body: { hetu: fx.cases.received.hetu } }) },
  'GET /api/cases/:caseId': {
    on: ['received', 'assessment', 'sap', 'decided', 'queued', 'placed'],
    req: (_fx, c) => ({ params: caseP(c) }),
  },
  'GET /api/my/cases': { roles: ['Worker'], access: 'role' },
  'GET /api/calendar/working-days': { roles: 'all', access: 'role', req: () => ({ query: { from: '2026-12-04', add: '1' } }) },
  'GET /api/county': { roles: 'all', access: 'role' },

  // ---- assessment (the assigned worker writes; SAP members read)
  'POST /api/cases/:caseId/assessment/start': { on: ['assessment'], req: (_fx, c) => ({ params: caseP(c) }) },
  'GET /api/cases/:caseId/assessment': {
    on: ['assessment', 'sap'],
    req: (_fx, c) => ({ params: caseP(c) }),
  },
  'PUT /api/cases/:caseId/assessment': {
    on: ['assessment'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, content: { clientView: 'Haluan oman kodin.' } } }),
  },
  'POST /api/cases/:caseId/assessment/finish': { on: ['assessment'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/assessment/delivery': {
    on: ['assessment'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, deliveredOn: fx.today, way: 'post' } }),
  },
  'POST /api/cases/:caseId/assessment/delays': {
    on: ['assessment'],
    req: (fx, c) => ({ params: caseP(c), body: { from: fx.today, to: fx.today, reason: 'Asiakas pyysi siirtoa.' } }),
  },
  'POST /api/cases/:caseId/assessment/delays/close': {
    on: ['assessment'],
    req: (fx, c) => ({ params: caseP(c), body: { index: 0, to: fx.today } }),
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
    on: ['received'],
    req: (fx, c) => ({ params: { meetingId: fx.meetingId }, body: { caseId: c!.caseId, startMinute: 50, lengthMinutes: 10 } }),
  },
  'POST /api/sap/meetings/:meetingId/bookings/:bookingId/move': {
    on: ['sap'],
    req: (fx) => ({ params: { meetingId: fx.meetingId, bookingId: fx.sapBookingId }, body: { startMinute: 1440 } }),
  },
  'DELETE /api/sap/meetings/:meetingId/bookings/:bookingId': {
    on: ['toCancel'],
    req: (fx) => ({ params: { meetingId: fx.meetingId, bookingId: fx.toCancelBookingId }, body: { note: 'Asiakas sairastui.' } }),
  },
  'PUT /api/sap/meetings/:meetingId/bookings/:bookingId/outcome': {
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
  'GET /api/audit/security-events': { roles: ['Admin'], access: 'role', req: (fx) => ({ query: { day: fx.today } }) },
  'POST /api/admin/retention/run': { roles: ['Admin'], access: 'role', req: () => ({ body: { dryRun: true } }) },

  // ---- reports (aggregates only)
  'GET /api/reports': { roles: ['Organiser', 'Supervisor'], access: 'role' },
  'GET /api/reports/export.csv': { roles: ['Organiser', 'Supervisor'], access: 'role' },
  'POST /api/reports/rebuild': { roles: ['Admin'], access: 'role', req: () => ({ body: {} }) },

  // ---- decisions
  'GET /api/cases/:caseId/decisions': { on: ['sapDraft', 'decided', 'queued'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/decisions': { on: ['sapDraft'], req: (_fx, c) => ({ params: caseP(c), body: {} }) },
  'GET /api/cases/:caseId/decisions/:decisionId': {
    on: ['sapDraft', 'decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: c === fx.cases.decided ? fx.decisionIds.decided : fx.decisionIds.sapDraft } }),
  },
  'PATCH /api/cases/:caseId/decisions/:decisionId': {
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE, draft: { feeNote: 'Maksu määräytyy tulojen mukaan.' } } }),
  },
  'GET /api/cases/:caseId/decisions/:decisionId/preview': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, query: { lang: 'fi' } }),
  },
  'GET /api/cases/:caseId/decisions/:decisionId/pdf': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/sign': {
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/corrections': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { reason: 'Alkamispäivä korjataan.' } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/mailed': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE, channel: 'post' } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/notified': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE } }),
  },
  'GET /api/decisions/to-mail': { roles: ['Secretary'], access: 'role' },
  'POST /api/cases/:caseId/decisions/:decisionId/returned': {
    on: ['decided'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.decided }, body: { version: STALE } }),
  },
  'POST /api/cases/:caseId/decisions/:decisionId/submit': {
    on: ['sapDraft'],
    req: (fx, c) => ({ params: { ...caseP(c), decisionId: fx.decisionIds.sapDraft }, body: { version: STALE } }),
  },
  'GET /api/decisions/to-sign': { roles: ['LeadSocialWorker'], access: 'role' },
  'GET /api/cases/:caseId/postal-address': { on: ['sap', 'decided'], req: (_fx, c) => ({ params: caseP(c) }) },
  'PUT /api/cases/:caseId/postal-address': {
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
  'GET /api/cases/:caseId/queue': { on: ['decided', 'queued'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/queue': {
    on: ['decided'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: null } }),
  },
  'POST /api/cases/:caseId/queue/offer': {
    on: ['queued'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: fx.unitId, answerBy: '2026-12-31' } }),
  },
  'POST /api/cases/:caseId/queue/answer': {
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { answer: 'decline', version: STALE, declineReason: 'Liian kaukana.' } }),
  },
  'POST /api/cases/:caseId/queue/expire': { on: ['queued'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/queue/leave': {
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, reason: 'MOVED_AWAY' } }),
  },
  'POST /api/cases/:caseId/queue/move': {
    on: ['queued'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, service: 'COMMUNAL' } }),
  },
  'GET /api/cases/:caseId/placement': { on: ['queued', 'placed'], req: (_fx, c) => ({ params: caseP(c) }) },
  'POST /api/cases/:caseId/placement': {
    on: ['queued'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, unitId: fx.unitId, startDate: fx.today } }),
  },
  'POST /api/cases/:caseId/placement/end': {
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
  'GET /api/cases/:caseId/plan': { on: ['placed'], req: (_fx, c) => ({ params: caseP(c) }) },
  'PUT /api/cases/:caseId/plan': {
    on: ['placed'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, goals: ['Asuu itsenäisesti.'], nextReviewOn: null } }),
  },
  'POST /api/cases/:caseId/followups': {
    on: ['placed'],
    req: (fx, c) => ({ params: caseP(c), body: { version: STALE, reviewedOn: fx.today, outcome: 'continue', notes: 'Sujuu hyvin.', nextReviewOn: '2027-06-01' } }),
  },
  'POST /api/cases/:caseId/need-changed': { on: ['placed'], req: (_fx, c) => ({ params: caseP(c), body: { version: STALE } }) },
  'POST /api/cases/:caseId/close': {
    on: ['placed'],
    req: (_fx, c) => ({ params: caseP(c), body: { version: STALE, reason: 'MOVED_AWAY' } }),
  },
};
