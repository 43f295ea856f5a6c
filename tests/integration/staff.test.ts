import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

describe('staff directory (GET /api/staff)', () => {
  it('lists the people who have signed in, by role, for the chair naming meeting members', async () => {
    // Signing in (any API call) is what puts a person into the directory.
    for (const u of [USERS.lead, USERS.worker, USERS.chair]) expect((await s.as(u).get('/api/me')).status).toBe(200);
    const leads = await s.as(USERS.chair).get('/api/staff?role=LeadSocialWorker');
    expect(leads.status).toBe(200);
    const ids = leads.body.people.map((p: { id: string }) => p.id);
    expect(ids).toContain(USERS.lead);
    expect(ids).not.toContain(USERS.worker);
    for (const p of leads.body.people) expect(p.roles).toContain('LeadSocialWorker');
    const all = await s.as(USERS.chair).get('/api/staff');
    expect(all.body.people.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([USERS.lead, USERS.worker, USERS.chair]));
    expect(Object.keys(all.body.people[0]).sort()).toEqual(['id', 'name', 'roles']);
  });

  it('refuses a worker, and an unknown role with a problem naming the field', async () => {
    expect((await s.as(USERS.worker).get('/api/staff')).status).toBe(403);
    const bad = await s.as(USERS.chair).get('/api/staff?role=King');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(bad.body.errors)).toContain('query.role');
  });
});
