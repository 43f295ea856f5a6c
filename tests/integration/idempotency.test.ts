/**
 * Idempotent creating POSTs (issue 11): every creating route takes an Idempotency-Key; a double
 * click — here five identical requests at once — never creates two. Each route: five concurrent
 * duplicates create exactly one resource (the others get the same answer or 409
 * idempotency.inProgress), a later repeat replays the first answer, the same key with another
 * body is 422 naming header.idempotency-key, and a malformed key is 400.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAt, unitWith } from '../support/case-at.js';
import { caseAtSapOutcome, caseReadyForSap } from '../support/decision-helpers.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type ApiResponse, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

interface Case {
  user: string;
  path: string;
  body: Record<string, unknown>;
  /** Another body for the same key (422). */
  other: Record<string, unknown>;
  /** How many of the resource exist now. */
  count: () => Promise<number>;
  /** The created resource's id in an answer. */
  idOf: (r: ApiResponse) => string;
  /** A client-data route: the case whose repeated answer must be in the access log. */
  caseId?: string;
}

async function checkRoute(c: Case) {
  const before = await c.count();
  const key = randomUUID();
  const headers = { 'idempotency-key': key };
  const rs = await Promise.all(Array.from({ length: 5 }, () => s.as(c.user).post(c.path, c.body, headers)));
  const ok = rs.filter((r) => r.status < 300);
  const busy = rs.filter((r) => r.status >= 300);
  expect(ok.length, JSON.stringify(rs.map((r) => [r.status, r.body?.code]))).toBeGreaterThanOrEqual(1);
  for (const r of busy) {
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('idempotency.inProgress');
  }
  expect(new Set(ok.map(c.idOf)).size).toBe(1);
  expect(await c.count()).toBe(before + 1);

  const repeat = await s.as(c.user).post(c.path, c.body, headers);
  expect(repeat.status).toBe(ok[0]!.status);
  expect(repeat.headers.get('idempotency-replayed')).toBe('true');
  expect(c.idOf(repeat)).toBe(c.idOf(ok[0]!));
  if (c.caseId) {
    const { clientId } = (await s.composed.deps.cases.mustGet(c.caseId)).value;
    const rows = await s.composed.deps.accessLog.forClient(clientId);
    expect(rows.at(-1)).toMatchObject({ action: 'read', actor: { userId: c.user } });
    expect(rows.at(-1)!.what).toContain('(repeated request)');
  }

  const reused = await s.as(c.user).post(c.path, c.other, headers);
  expect(reused.status).toBe(422);
  expect(reused.body.code).toBe('idempotency.keyReused');
  expect(reused.body.errors[0].field).toBe('header.idempotency-key');

  const malformed = await s.as(c.user).post(c.path, c.other, { 'idempotency-key': 'short' });
  expect(malformed.status).toBe(400);
  expect(malformed.body.errors[0].field).toBe('header.idempotency-key');
  expect(await c.count()).toBe(before + 1);
}

const meetingBody = (title: string, hours: number) => {
  const at = new Date(s.clock.now().getTime() + hours * 3600_000);
  at.setUTCMinutes(0, 0, 0);
  return { startsAt: at.toISOString(), durationMinutes: 60, leadSocialWorkerId: USERS.lead, title };
};

describe('a double click never creates two', () => {
  it('SAP meetings', async () => {
    const meetings = async () =>
      ((await s.as(USERS.chair).get('/api/sap/meetings?days=366')).body.meetings as Array<{ title?: string }>).filter((m) => m.title === 'Tuplaklikki').length;
    await checkRoute({
      user: USERS.chair,
      path: '/api/sap/meetings',
      body: meetingBody('Tuplaklikki', 30),
      other: meetingBody('Tuplaklikki', 54),
      count: meetings,
      idOf: (r) => r.body.id,
    });
  });

  it('SAP bookings', async () => {
    const m = await s.as(USERS.chair).post('/api/sap/meetings', meetingBody('Varaustesti', 78));
    expect(m.status).toBe(201);
    const caseId = await caseReadyForSap(s);
    const agenda = async () => (await s.as(USERS.chair).get(`/api/sap/meetings/${m.body.id}/agenda`)).body.items.length as number;
    await checkRoute({
      user: USERS.worker,
      path: `/api/sap/meetings/${m.body.id}/bookings`,
      body: { caseId, startMinute: 0, lengthMinutes: 10 },
      other: { caseId, startMinute: 20, lengthMinutes: 10 },
      count: agenda,
      idOf: (r) => r.body.booking.id,
      caseId,
    });
  });

  it('notices', async () => {
    const body = {
      category: 'instructions',
      title: 'Tuplaklikkitiedote',
      summary: 'Kirjaamisohje päivitetty.',
      link: 'https://intra.example.invalid/ohje',
      audience: { type: 'all' },
      expiresOn: '2026-12-31',
    };
    const notices = async () =>
      ((await s.as(USERS.supervisor).get('/api/notices?include=all')).body.notices as Array<{ title: string }>).filter((n) => n.title === body.title).length;
    await checkRoute({ user: USERS.supervisor, path: '/api/notices', body, other: { ...body, summary: 'Toinen teksti.' }, count: notices, idOf: (r) => r.body.notice.id });
  });

  it('criteria versions', async () => {
    const items = [{ id: 'SUP-1', text: { fi: 'Tuplaklikki.', sv: 'Dubbelklick.' } }];
    const versions = async () => (await s.as(USERS.admin).get('/api/criteria/SUPPORTED/versions')).body.versions.length as number;
    await checkRoute({
      user: USERS.admin,
      path: '/api/criteria',
      body: { service: 'SUPPORTED', validFrom: '2031-01-01', items },
      other: { service: 'SUPPORTED', validFrom: '2032-01-01', items },
      count: versions,
      idOf: (r) => String(r.body.version),
    });
  });

  it('providers and units', async () => {
    const providers = async () =>
      ((await s.as(USERS.admin).get('/api/providers')).body.providers as Array<{ name: string }>).filter((p) => p.name === 'Tuplaklikki Oy').length;
    const p = { name: 'Tuplaklikki Oy', kind: 'purchased', contractStart: '2024-01-01' };
    await checkRoute({ user: USERS.admin, path: '/api/providers', body: p, other: { ...p, contractStart: '2025-01-01' }, count: providers, idOf: (r) => r.body.id });
    const providerId = ((await s.as(USERS.admin).get('/api/providers')).body.providers as Array<{ id: string; name: string }>).find((x) => x.name === p.name)!.id;
    const u = { providerId, name: 'Tuplaklikkiyksikkö', kind: 'unit', municipality: '049', services: ['SUPPORTED'], places: 3, occupied: 0 };
    const units = async () =>
      ((await s.as(USERS.admin).get('/api/units')).body.units as Array<{ name: string }>).filter((x) => x.name === u.name).length;
    await checkRoute({ user: USERS.admin, path: '/api/units', body: u, other: { ...u, places: 4 }, count: units, idOf: (r) => r.body.id });
  });

  it('queue offers', async () => {
    const { unitId } = await unitWith(s, { places: 5, occupied: 0, services: ['SUPPORTED'] });
    const c = await caseAt(s, 'QUEUED', { service: 'SUPPORTED', firstDecidedOn: '2026-05-05', queueUnitId: unitId });
    const version = (await s.as(USERS.worker).get(`/api/cases/${c.caseId}/queue`)).body.version as string;
    const offers = async () => (await s.composed.deps.cases.timeline(c.caseId)).filter((e) => e.type === 'queueOfferMade').length;
    await checkRoute({
      user: USERS.coordinator,
      path: `/api/cases/${c.caseId}/queue/offer`,
      body: { version, unitId, answerBy: '2026-11-30' },
      other: { version, unitId, answerBy: '2026-12-01' },
      count: offers,
      caseId: c.caseId,
      idOf: (r) => r.body.entry.offer.unitId + r.body.entry.offer.answerBy,
    });
  });

  it('decisions (drafted last: the SAP outcome moves the test clock into a meeting)', async () => {
    const { caseId } = await caseAtSapOutcome(s);
    const decisions = async () => (await s.as(USERS.worker).get(`/api/cases/${caseId}/decisions`)).body.decisions.length as number;
    await checkRoute({
      user: USERS.worker,
      path: `/api/cases/${caseId}/decisions`,
      body: { result: 'granted' },
      other: { result: 'granted', language: 'sv' },
      count: decisions,
      caseId,
      idOf: (r) => r.body.decision.id,
    });
  });
});
