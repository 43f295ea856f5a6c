import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, testHetu, USERS } from '../support/factories.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('intake (POST /api/contacts)', () => {
  it('registers a contact as a new case assigned to the worker, with clocks from vireilletulo', async () => {
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ linked: false, state: 'RECEIVED' });
    expect(r.body.ref).toMatch(/^P-2026-[2-9A-Z]{6}$/);
    const c = await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    expect(c.status).toBe(200);
    expect(c.headers.get('etag')).toBeTruthy();
    expect(c.body.case.workerId).toBe(USERS.worker);
    expect(c.body.clocks.map((k: { id: string }) => k.id)).toEqual(
      expect.arrayContaining(['assessmentStart', 'assessmentFinish', 'implementation']),
    );
    expect(c.body.timeline[0]).toMatchObject({ type: 'received', to: 'RECEIVED' });
  });

  it('links a repeat contact from another municipality to the open case and says so', async () => {
    const hetu = testHetu();
    const first = await s.as(USERS.worker).post('/api/contacts', contactBody({}, { hetu }));
    const again = await s.as(USERS.worker2).post('/api/contacts', contactBody({ municipality: '710', channel: 'EMAIL' }, { hetu }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ linked: true, caseId: first.body.caseId });
    const c = await s.as(USERS.worker).get(`/api/cases/${first.body.caseId}`);
    expect(c.body.contacts).toHaveLength(2);
    expect(c.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'contactLinked']);
  });

  it('shows a name + birth date match as a possible match and never merges silently', async () => {
    const client = { hetu: undefined, firstName: 'Maija', lastName: 'Mahdollinen', birthDate: '1970-05-05' };
    const first = await s.as(USERS.worker).post('/api/contacts', contactBody({}, client));
    expect(first.status).toBe(201);
    const again = await s.as(USERS.worker).post('/api/contacts', contactBody({}, client));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.code).toBe('intake.possibleMatch');
    expect(again.body.candidates[0].caseId).toBe(first.body.caseId);
    const confirmed = await s.as(USERS.worker).post('/api/contacts', contactBody({ linkToCaseId: first.body.caseId }, client));
    expect(confirmed.body).toMatchObject({ linked: true, caseId: first.body.caseId });
    const separate = await s.as(USERS.worker).post('/api/contacts', contactBody({ confirmNewCase: true }, client));
    expect(separate.status).toBe(201);
    expect(separate.body.caseId).not.toBe(first.body.caseId);
  });

  it('opens one case when the same person is registered twice at once', async () => {
    const hetu = testHetu();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => s.as(USERS.worker).post('/api/contacts', contactBody({}, { hetu }))),
    );
    const ids = new Set(results.map((r) => r.body.caseId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const c = await s.as(USERS.worker).get(`/api/cases/${[...ids][0]}`);
    expect(c.body.contacts).toHaveLength(8);
  });

  it('refuses a wrong henkilötunnus naming the field, and writes nothing', async () => {
    const before = (await s.composed.deps.cases.listAll()).length;
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({}, { hetu: '010190-900X' }));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'hetu.checksum', errors: [{ field: 'body.client.hetu' }] });
    expect((await s.composed.deps.cases.listAll()).length).toBe(before);
  });

  it('answers malformed JSON and schema errors with 400 problem+json naming the field', async () => {
    const bad = await s.as(USERS.worker).post('/api/contacts', '{"channel":');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body');
    const missing = await s.as(USERS.worker).post('/api/contacts', { ...contactBody(), channel: 'FAX' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('body.channel');
  });

  it('refuses a real-looking henkilötunnus outside the test range outside production', async () => {
    // 010190-123? is a syntactically valid code outside 900–999; compute its check character.
    const chars = '0123456789ABCDEFHJKLMNPRSTUVWXY';
    const hetu = `010190-123${chars[Number('010190123') % 31]}`;
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({}, { hetu }));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('hetu.notTestRange');
  });

  it('needs a worker role to register, and a relation to read a case', async () => {
    expect((await s.as(USERS.organiser).post('/api/contacts', contactBody())).status).toBe(403);
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody());
    expect((await s.as(USERS.worker2).get(`/api/cases/${r.body.caseId}`)).status).toBe(403);
    expect((await s.as(USERS.organiser).get(`/api/cases/${r.body.caseId}`)).status).toBe(403);
  });

  it('writes an access-log row for every read of client data', async () => {
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody());
    const c = await s.composed.deps.cases.get(r.body.caseId);
    await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    const log = await s.composed.deps.accessLog.forClient(c!.value.clientId);
    expect(log.map((e) => `${e.action}:${e.what}`)).toEqual(['create:contact', 'read:case', 'read:case']);
    expect(log.every((e) => e.actor.userId === USERS.worker && e.relation)).toBe(true);
    expect((await s.composed.deps.accessLog.verifyChain(c!.value.clientId)).ok).toBe(true);
  });

  it('answers the working-day calendar', async () => {
    const r = await s.as(USERS.worker).get('/api/calendar/working-days?from=2026-12-04&add=1');
    expect(r.body).toEqual({ date: '2026-12-07' });
    expect((await s.as(USERS.worker).get('/api/calendar/working-days?from=2026-13-01&add=1')).status).toBe(400);
  });
});
