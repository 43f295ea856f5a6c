/**
 * docs/ACCESS.md over real HTTP and Azurite: a guest reads what the meeting needs and never
 * writes; meeting relations lapse the set number of days after the meeting; the secretary and the
 * coordinator get views, not the case; the possible-match answer is logged for the asker; refused
 * changes are never logged as done; refusals go to the security event log, and a burst of them
 * raises a notice to the Admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReadyForSap, casesAtSapOutcome } from '../support/decision-helpers.js';
import { contactBody, USERS } from '../support/factories.js';
import { helsinkiDate } from '../../bot/src/domain/calendar/index.js';
import { startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
const caseOf = async (id: string) => (await s.composed.deps.cases.mustGet(id)).value;

beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe('relations and their windows', () => {
  let caseId: string;
  let meetingStartsAt: string;
  let hetu: string;

  beforeAll(async () => {
    caseId = await caseReadyForSap(s);
    hetu = (await caseOf(caseId)).client.hetu!;
    const startsAt = new Date(s.clock.now().getTime() + 3 * 24 * 3600_000);
    startsAt.setUTCHours(8, 0, 0, 0);
    const m = await s.as(USERS.chair).post('/api/sap/meetings', {
      startsAt: startsAt.toISOString(),
      durationMinutes: 30,
      leadSocialWorkerId: USERS.lead,
      invitedIds: [USERS.worker2],
    });
    expect(m.status).toBe(201);
    meetingStartsAt = m.body.startsAt;
    const b = await s.as(USERS.worker).post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId, startMinute: 0, lengthMinutes: 10 });
    expect(b.status).toBe(201);
  }, 120_000);

  it('a guest reads the meeting view and the assessment summary, and never writes', async () => {
    const guest = s.as(USERS.worker2);
    const c = await guest.get(`/api/cases/${caseId}`);
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ view: 'meetingView', relation: 'sapGuest', contacts: [], timeline: [] });
    expect(JSON.stringify(c.body)).not.toContain(hetu);
    expect(JSON.stringify(c.body)).not.toContain('Tarvitsee');
    const a = await guest.get(`/api/cases/${caseId}/assessment`);
    expect(a.status).toBe(200);
    expect(a.body.scope).toBe('summary');
    expect(a.body.assessment.content.housingSituation).toBe('');
    expect(a.body.assessment.content.conclusion).not.toBe('');

    const version = (await s.composed.deps.cases.mustGet(caseId)).version;
    const before = (await s.composed.deps.accessLog.forClient((await caseOf(caseId)).clientId)).length;
    const today = helsinkiDate(s.clock.now());
    const writes = await Promise.all([
      guest.post(`/api/cases/${caseId}/close`, { version, reason: 'MOVED_AWAY' }),
      guest.put(`/api/cases/${caseId}/plan`, { version, goals: ['Asuu itsenäisesti.'], nextReviewOn: null }),
      guest.post(`/api/cases/${caseId}/queue`, { version, unitId: null }),
      // A delay that already ended (one ending in the future is bad input before any access check).
      guest.post(`/api/cases/${caseId}/assessment/delays`, { from: today, to: today, reason: 'Asiakas pyysi.' }),
      guest.get(`/api/cases/${caseId}/plan`),
    ]);
    expect(writes.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await s.composed.deps.cases.mustGet(caseId)).version).toBe(version);
    expect((await s.composed.deps.accessLog.forClient((await caseOf(caseId)).clientId)).length).toBe(before);
  });

  it('the chair and the guest read until 14 days after the meeting, then not; the worker still does', async () => {
    s.clock.set(new Date(Date.parse(meetingStartsAt) + 5 * 60_000).toISOString());
    const c = await caseOf(caseId);
    const [booking] = (await s.composed.deps.cases.rowsOf<{ id: string; meetingId: string }>(caseId, 'booking')).map((r) => r.value);
    const outcome = await s.as(USERS.chair).put(`/api/sap/meetings/${booking!.meetingId}/bookings/${booking!.id}/outcome`, {
      kind: 'moreInfo',
      rationale: 'Tarvitaan lääkärinlausunto.',
    });
    expect(outcome.status).toBeLessThan(300);
    expect(c.sapAccess?.[0]?.members).toContainEqual({ userId: USERS.worker2, role: 'guest' });

    // Day 14 after the meeting, 23:00 in Helsinki: still in the window.
    const day14 = new Date(Date.parse(meetingStartsAt) + 14 * 24 * 3600_000);
    day14.setUTCHours(21, 0, 0, 0);
    s.clock.set(day14.toISOString());
    expect((await s.as(USERS.chair).get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await s.as(USERS.worker2).get(`/api/cases/${caseId}`)).status).toBe(200);

    s.clock.advance(2 * 3600_000); // day 15, 01:00 in Helsinki
    expect((await s.as(USERS.chair).get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await s.as(USERS.worker2).get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await s.as(USERS.chair).get(`/api/cases/${caseId}/assessment`)).status).toBe(403);
    expect((await s.as(USERS.worker).get(`/api/cases/${caseId}`)).status).toBe(200);
  });
});

describe('views, logging and refusals', () => {
  let decided: { caseId: string; decisionId: string };
  let draft: { caseId: string; decisionId: string; version: string };

  beforeAll(async () => {
    const [a, b] = await casesAtSapOutcome(s, 2);
    const w = s.as(USERS.worker);
    const da = await w.post(`/api/cases/${a!.caseId}/decisions`, {});
    const db = await w.post(`/api/cases/${b!.caseId}/decisions`, {});
    expect([da.status, db.status]).toEqual([201, 201]);
    const signed = await s.as(USERS.lead).post(`/api/cases/${a!.caseId}/decisions/${da.body.decision.id}/sign`, { version: da.body.decision.version });
    expect(signed.status).toBe(200);
    decided = { caseId: a!.caseId, decisionId: da.body.decision.id };
    draft = { caseId: b!.caseId, decisionId: db.body.decision.id, version: db.body.decision.version };
  }, 180_000);

  it('the secretary gets the mailing view and the coordinator the placing view, not the case', async () => {
    const c = await caseOf(decided.caseId);
    const sec = await s.as(USERS.secretary).get(`/api/cases/${decided.caseId}`);
    expect(sec.status).toBe(200);
    expect(sec.body).toMatchObject({ view: 'mailing', relation: 'secretary', contacts: [], timeline: [] });
    expect(sec.body.case.decisionsToMail).toBe(1);
    for (const secret of [c.client.hetu!, c.client.birthDate, 'Tarvitsee']) expect(JSON.stringify(sec.body)).not.toContain(secret);
    expect((await s.as(USERS.secretary).get(`/api/cases/${decided.caseId}/assessment`)).status).toBe(403);
    expect((await s.as(USERS.secretary).get(`/api/cases/${decided.caseId}/decisions/${decided.decisionId}/pdf`)).status).toBe(200);

    const coord = await s.as(USERS.coordinator).get(`/api/cases/${decided.caseId}`);
    expect(coord.status).toBe(200);
    expect(coord.body).toMatchObject({ view: 'placing', relation: 'coordinator', contacts: [], timeline: [] });
    expect(coord.body.case).toMatchObject({ service: 'SUPPORTED', municipality: c.municipality, language: c.language });
    for (const secret of [c.client.hetu!, c.client.birthDate, 'Tarvitsee']) expect(JSON.stringify(coord.body)).not.toContain(secret);
    expect((await s.as(USERS.coordinator).get(`/api/cases/${decided.caseId}/plan`)).status).toBe(403);
    expect((await s.as(USERS.coordinator).get(`/api/cases/${decided.caseId}/decisions`)).status).toBe(403);

    const log = await s.composed.deps.accessLog.forClient(c.clientId);
    expect(log.filter((e) => e.what === 'case' && e.action === 'read').map((e) => e.relation)).toEqual(expect.arrayContaining(['secretary', 'coordinator']));
  });

  it('of ten concurrent signs, one is logged as done and the refused nine with their outcome', async () => {
    const sign = () => s.as(USERS.lead).post(`/api/cases/${draft.caseId}/decisions/${draft.decisionId}/sign`, { version: draft.version });
    const answers = await Promise.all(Array.from({ length: 10 }, sign));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refusedCodes = answers.filter((r) => r.status !== 200).map((r) => r.body.code as string);
    const rows = (await s.composed.deps.accessLog.forClient((await caseOf(draft.caseId)).clientId)).filter((e) => e.what === 'decision.sign');
    expect(rows.filter((e) => e.outcome === undefined)).toHaveLength(1);
    expect(rows.filter((e) => e.outcome !== undefined).map((e) => e.outcome).sort()).toEqual(refusedCodes.sort());
    expect((await s.composed.deps.accessLog.verifyChain((await caseOf(draft.caseId)).clientId)).ok).toBe(true);
  });

  it("logs the possible-match answer for the asker: it discloses another worker's case", async () => {
    const client = { hetu: undefined, firstName: 'Matti', lastName: 'Mahdollinenkin', birthDate: '1968-03-03' };
    const first = await s.as(USERS.worker).post('/api/contacts', contactBody({}, client));
    expect(first.status).toBe(201);
    const again = await s.as(USERS.worker2).post('/api/contacts', contactBody({}, client));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('intake.possibleMatch');
    const log = await s.composed.deps.accessLog.forClient((await caseOf(first.body.caseId)).clientId);
    expect(log.find((e) => e.actor.userId === USERS.worker2)).toMatchObject({ action: 'search', what: 'contact.possibleMatch', relation: 'intake', caseId: first.body.caseId });
  });

  it('refusals go to the security event log without client identifiers; a burst raises one notice to the Admins', async () => {
    const target = decided.caseId;
    const day = s.clock.now().toISOString().slice(0, 10);
    expect((await s.as(USERS.workerSv).get(`/api/cases/${target}`)).status).toBe(403);
    const anon = await fetch(`${s.baseUrl}/api/cases/${target}/plan`);
    expect(anon.status).toBe(401);
    const listed = await s.as(USERS.admin).get(`/api/audit/security-events?day=${day}`);
    expect(listed.status).toBe(200);
    const mine = listed.body.events.filter((e: { actor?: { userId: string } }) => e.actor?.userId === USERS.workerSv);
    expect(mine[0]).toMatchObject({ route: 'GET /api/cases/:caseId', status: 403, code: 'forbidden' });
    expect(listed.body.events).toContainEqual(expect.objectContaining({ route: 'GET /api/cases/:caseId/plan', status: 401 }));
    expect(JSON.stringify(listed.body)).not.toContain(target);
    // The client's own access log is not where refusals go.
    const log = await s.composed.deps.accessLog.forClient((await caseOf(target)).clientId);
    expect(log.some((e) => e.actor.userId === USERS.workerSv)).toBe(false);
    expect((await s.as(USERS.worker).get('/api/audit/security-events?day=' + day)).status).toBe(403);

    // 24 more (25 in all, within the window): the 20th raises the notice, once.
    const more = await Promise.all(Array.from({ length: 24 }, () => s.as(USERS.workerSv).get(`/api/cases/${target}/queue`)));
    expect(more.every((r) => r.status === 403)).toBe(true);
    const notices = await s.as(USERS.admin).get('/api/my/notices');
    const security = notices.body.notices.filter((n: { title: string }) => n.title.startsWith('Toistuvia torjuttuja'));
    expect(security).toHaveLength(1);
    expect(JSON.stringify(security[0])).not.toContain(target);
    const workerNotices = await s.as(USERS.workerSv).get('/api/my/notices');
    expect(workerNotices.body.notices.some((n: { title: string }) => n.title.startsWith('Toistuvia torjuttuja'))).toBe(false);
  });
});
