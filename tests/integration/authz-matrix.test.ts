/**
 * The authorisation matrix: every route of allRoutes × every role × with / without a relation to
 * the case. A route missing from the table in authz-matrix.ts fails the run. Callers are
 * Entra-shaped tokens carrying exactly one role each, so a result never depends on a second
 * role; "with relation" callers are the demo staff the fixture cases are tied to.
 *
 * Generated from the access table: for a route on one case, the expectation is the domain's
 * `authorise` (bot/src/domain/access) over the fixture case's stored facts, the caller, the
 * route's declared need (subject, read or write) and the test clock. The same for the client
 * named on agendas and minutes (their declared subject).
 *
 * Denied: 403 problem+json with a forbidden code, no access-log row, nothing written. Allowed:
 * past authorisation (a schema-valid request; a stale version makes writes answer 412). Never
 * 5xx. Client identity (henkilötunnus, name) never reaches a person without a relation, and never
 * a supervisor, organiser or admin; a view of the case (mailing, placing, meeting) never carries
 * the henkilötunnus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../bot/src/http/routes/index.js';
import { ROLES, type Role } from '../../bot/src/domain/types.js';
import { helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { caseAt, unitWith } from '../support/case-at.js';
import { caseReadyForSap, casesAtSapOutcome } from '../support/decision-helpers.js';
import { APP_ID_URI, CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from '../support/entra.js';
import { testHetu, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { MATRIX, type FixtureCase, type FixtureKey, type Fixtures, type Row } from './authz-matrix.js';
import { authorise, type CasePart } from '../../bot/src/domain/access.js';
import type { CaseRecord } from '../../bot/src/domain/cases/model.js';
import type { RouteDef } from '../../bot/src/http/route.js';
import { loadCounty } from '../../bot/src/county.js';

const FORBIDDEN = ['forbidden', 'case.notAssigned', 'booking.notOwn', 'meeting.notMember', 'notice.notInAudience'];
const NO_CLIENT_DATA: Role[] = ['Supervisor', 'Organiser', 'Admin'];
const RELATED: Record<Role, string> = {
  Worker: USERS.worker,
  Chair: USERS.chair,
  LeadSocialWorker: USERS.lead,
  QueueCoordinator: USERS.coordinator,
  Secretary: USERS.secretary,
  Supervisor: USERS.supervisor,
  Organiser: USERS.organiser,
  Admin: USERS.admin,
};
const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

let s: TestServer;
let entra: FakeEntra;
let fx: Fixtures;
const tokens = new Map<string, string>();

async function tokenFor(role: Role, related: boolean): Promise<string> {
  const oid = related ? RELATED[role] : `mx-${role.toLowerCase()}`;
  const k = `${oid}/${role}`;
  let t = tokens.get(k);
  if (!t) {
    t = await entra.sign({ oid, roles: [role], name: related ? `Liitetty ${role}` : `Ulkopuolinen ${role}` });
    tokens.set(k, t);
  }
  return t;
}

const SAP_DAYS = loadCounty().access.sapMeetingDays;
const PARTIAL_VIEWS: readonly CasePart[] = ['meetingView', 'mailing', 'placing', 'assessmentSummary'];
const callerOf = (role: Role, related: boolean) => ({ id: related ? RELATED[role] : `mx-${role.toLowerCase()}`, name: 'x', roles: [role] });

/** What the access table (case routes, agenda and minutes) or the row (other routes) expects of one call. */
function expected(route: RouteDef, row: Row, role: Role, related: boolean, rec?: CaseRecord): { want: 'allow' | 'deny' | 'limited'; part?: CasePart } {
  const a = route.access;
  const ctx = { now: s.clock.now().toISOString(), sapAccessDays: SAP_DAYS };
  if (a?.kind === 'case') {
    if (route.roles !== 'anyUser' && !route.roles.includes(role)) return { want: 'deny' };
    const d = authorise(callerOf(role, related), rec!, { subject: a.subject, mode: a.mode }, ctx);
    return d.ok ? { want: 'allow', part: d.part } : { want: 'deny' };
  }
  if (row.roles !== 'all' && !row.roles?.includes(role)) return { want: 'deny' };
  if (row.access === 'limited' && a?.kind === 'list' && rec)
    return authorise(callerOf(role, related), rec, { subject: a.subject, mode: 'read' }, ctx).ok ? { want: 'allow' } : { want: 'limited' };
  return { want: 'allow' };
}

async function call(method: string, path: string, token: string, req: ReturnType<NonNullable<Row['req']>>) {
  const url = new URL(s.baseUrl + path.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(req.params?.[p] ?? `missing-${p}`)));
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const r = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
  });
  const text = await r.text();
  let body: { code?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* PDF, CSV */
  }
  return { status: r.status, type: r.headers.get('content-type') ?? '', text, body };
}

async function fixtureCase(caseId: string): Promise<FixtureCase> {
  const c = (await s.composed.deps.cases.mustGet(caseId)).value;
  return { caseId, clientId: c.clientId, hetu: c.client.hetu ?? '', name: `${c.client.firstName} ${c.client.lastName}` };
}

const client = (n: number) => ({ hetu: testHetu(), firstName: 'Matriisi', lastName: `Kuvitteellinen${'ABCDEFGH'[n]}` });

beforeAll(async () => {
  entra = await startFakeEntra();
  s = await startTestServer({ env: { AAD_CLIENT_ID: CLIENT_ID, AAD_TENANT_ID: TENANT, AAD_APP_ID_URI: APP_ID_URI, AAD_JWKS_URL: entra.jwksUrl } });
  const { unitId, providerId } = await unitWith(s, { places: 10, services: ['SUPPORTED', 'COMMUNAL'] });
  const received = await caseAt(s, 'RECEIVED', { contact: { client: client(0) } });
  const assessment = await caseAt(s, 'ASSESSMENT', { contact: { client: client(1) } });

  // Four cases through a real SAP meeting (chair, lead, worker become members): their decisions
  // are drafted; three are signed; one waits in the queue and one is placed (both posted).
  const [decided, queued, placed, sapDraft] = await casesAtSapOutcome(s, 4);
  const w = s.as(USERS.worker);
  const lead = s.as(USERS.lead);
  const drafts: Record<string, { id: string; version: string }> = {};
  for (const c of [decided!, queued!, placed!, sapDraft!]) {
    const d = await w.post(`/api/cases/${c.caseId}/decisions`, {});
    expect(d.status).toBe(201);
    drafts[c.caseId] = d.body.decision;
  }
  for (const c of [decided!, queued!, placed!]) {
    const signed = await lead.post(`/api/cases/${c.caseId}/decisions/${drafts[c.caseId]!.id}/sign`, { version: drafts[c.caseId]!.version });
    expect(signed.status).toBe(200);
    drafts[c.caseId] = signed.body.decision;
  }
  for (const c of [queued!, placed!]) {
    const m = await s.as(USERS.secretary).post(`/api/cases/${c.caseId}/decisions/${drafts[c.caseId]!.id}/mailed`, { version: drafts[c.caseId]!.version, channel: 'post' });
    expect(m.status).toBe(200);
  }
  const today = helsinkiDate(s.clock.now());
  const caseVersion = async (id: string) => (await s.composed.deps.cases.mustGet(id)).version;
  expect((await w.post(`/api/cases/${queued!.caseId}/queue`, { version: await caseVersion(queued!.caseId), unitId: null })).status).toBe(201);
  expect((await w.post(`/api/cases/${placed!.caseId}/placement`, { version: await caseVersion(placed!.caseId), unitId, startDate: today })).status).toBe(201);
  expect((await w.put(`/api/cases/${placed!.caseId}/plan`, { goals: ['Asuu tuetusti.'], nextReviewOn: '2027-03-01' })).status).toBeLessThan(300);

  // A meeting ahead with two cases booked.
  const startsAt = new Date(s.clock.now().getTime() + 5 * 24 * 3600_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const m = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: startsAt.toISOString(), durationMinutes: 60, leadSocialWorkerId: USERS.lead });
  expect(m.status).toBe(201);
  const sapId = await caseReadyForSap(s);
  const booked = await w.post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId: sapId, startMinute: 0, lengthMinutes: 10 });
  expect(booked.status).toBe(201);
  const toCancelId = await caseReadyForSap(s);
  const toCancel = await w.post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId: toCancelId, startMinute: 10, lengthMinutes: 10 });
  expect(toCancel.status).toBe(201);

  const notice = await s.as(USERS.supervisor).post('/api/notices', {
    category: 'instructions',
    title: 'Työntekijöille',
    summary: 'Vain työntekijöille.',
    link: 'https://intra.example.invalid/ohje',
    audience: { type: 'roles', roles: ['Worker'] },
    expiresOn: '2026-12-31',
  });
  expect(notice.status).toBe(201);

  fx = {
    cases: {
      received: await fixtureCase(received.caseId),
      assessment: await fixtureCase(assessment.caseId),
      sap: await fixtureCase(sapId),
      sapDraft: await fixtureCase(sapDraft!.caseId),
      toCancel: await fixtureCase(toCancelId),
      decided: await fixtureCase(decided!.caseId),
      queued: await fixtureCase(queued!.caseId),
      placed: await fixtureCase(placed!.caseId),
    },
    meetingId: m.body.id,
    sapBookingId: booked.body.booking.id,
    toCancelBookingId: toCancel.body.booking.id,
    decisionIds: { decided: drafts[decided!.caseId]!.id, sapDraft: drafts[sapDraft!.caseId]!.id },
    unitId,
    providerId,
    noticeId: notice.body.notice.id,
    today,
    future: startsAt.toISOString(),
  };
}, 180_000);

afterAll(async () => {
  await s?.close();
  await entra?.close();
});

describe('authorisation matrix', () => {
  it('has a row for every route and no row for a route that does not exist', () => {
    const routes = allRoutes.map(keyOf);
    const missing = routes.filter((k) => !MATRIX[k]);
    const stale = Object.keys(MATRIX).filter((k) => !routes.includes(k));
    expect(missing, 'routes without a row in tests/integration/authz-matrix.ts').toEqual([]);
    expect(stale, 'rows in authz-matrix.ts for routes that no longer exist').toEqual([]);
    for (const [k, row] of Object.entries(MATRIX)) {
      const route = allRoutes.find((r) => keyOf(r) === k);
      if (route?.access?.kind === 'case' || row.access === 'limited') expect(row.on?.length, `${k} needs fixture cases (on)`).toBeGreaterThan(0);
      if (route?.access?.kind !== 'case') expect(row.access, `${k}: a route that is not on one case says who may call it`).toBeDefined();
      if (route?.clientData) expect(route.access, `${k}: a client-data route declares its need (access)`).toBeDefined();
    }
  });

  for (const route of allRoutes) {
    const key = keyOf(route);
    it(`${key}`, async () => {
      const row = MATRIX[key];
      if (!row) return; // reported by the test above
      const problems: string[] = [];
      for (const on of row.on ?? [undefined]) {
        const c = on ? fx.cases[on] : undefined;
        const req = row.req?.(fx, c) ?? {};
        const rec = c ? (await s.composed.deps.cases.mustGet(c.caseId)).value : undefined;
        const plan = ROLES.flatMap((role) => [true, false].map((related) => ({ role, related, ...expected(route, row, role, related, rec) })));
        const check = async (p: (typeof plan)[number]) => {
          const r = await call(route.method.toUpperCase(), route.path, await tokenFor(p.role, p.related), req);
          const who = `${on ? `${on} ` : ''}${p.related ? 'related' : 'unrelated'} ${p.role}`;
          if (r.status >= 500) problems.push(`${who}: ${r.status} ${r.text.slice(0, 200)}`);
          else if (p.want === 'deny') {
            if (r.status !== 403 || !r.type.includes('application/problem+json') || !FORBIDDEN.includes(r.body.code ?? ''))
              problems.push(`${who}: expected 403, got ${r.status} ${r.body.code ?? ''}`);
          } else {
            if (r.status === 401 || r.status === 403) problems.push(`${who}: expected access, got ${r.status} ${r.body.code ?? ''}`);
            if (r.status === 400 && r.body.code === 'validation') problems.push(`${who}: the table's request is not schema-valid: ${r.text.slice(0, 300)}`);
          }
          // A view of the case (or the assessment summary) never carries the henkilötunnus.
          if (p.want === 'allow' && p.part && PARTIAL_VIEWS.includes(p.part) && route.access?.kind === 'case' && ['case', 'assessment'].includes(route.access.subject))
            for (const k of Object.keys(fx.cases) as FixtureKey[])
              if (fx.cases[k].hetu && r.text.includes(fx.cases[k].hetu)) problems.push(`${who}: the ${p.part} view holds the henkilötunnus of the ${k} client`);
          // Identity never reaches someone without a relation, nor the roles that never see client data.
          if (p.want !== 'allow' || NO_CLIENT_DATA.includes(p.role)) {
            for (const k of Object.keys(fx.cases) as FixtureKey[]) {
              const id = fx.cases[k];
              if ((id.hetu && r.text.includes(id.hetu)) || r.text.includes(id.name)) problems.push(`${who}: the answer holds the identity of the ${k} client`);
            }
          }
        };
        // Refusals first (all at once): they must leave the case and its access log as they were.
        const snapshot = async () =>
          c ? { version: (await s.composed.deps.cases.mustGet(c.caseId)).version, log: (await s.composed.deps.accessLog.forClient(c.clientId)).length } : undefined;
        const before = await snapshot();
        await Promise.all(plan.filter((p) => p.want === 'deny').map(check));
        const after = await snapshot();
        if (before && after && after.version !== before.version) problems.push(`${on}: a refused call changed the case`);
        if (before && after && after.log !== before.log) problems.push(`${on}: a refused call wrote ${after.log - before.log} access-log row(s)`);
        await Promise.all(plan.filter((p) => p.want !== 'deny').map(check));
      }
      expect(problems).toEqual([]);
    });
  }
});
