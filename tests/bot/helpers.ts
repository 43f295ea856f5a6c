/** Shared set-up for the bot's protocol tests: a server, the connector stub, SAP data through the API. */
import { expect } from 'vitest';
import type { TestServer } from '../support/server.js';
import { contactBody, USERS } from '../support/factories.js';

let day = 0;

/** A SAP meeting through the API: a later weekday each call, 13:00 Helsinki. */
export async function newMeeting(s: TestServer, startsAt?: string, durationMinutes = 60) {
  day += 1;
  const at = startsAt ?? new Date(Date.parse('2026-12-02T13:00:00+02:00') + day * 7 * 86400_000).toISOString();
  const r = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: at, durationMinutes, leadSocialWorkerId: USERS.lead, title: `SAP ${day}` });
  expect(r.status).toBe(201);
  return r.body as { id: string; startsAt: string };
}

/** contact → assessment started, saved, finished: a case its worker can book. */
export async function caseReadyForSap(s: TestServer, worker: string = USERS.worker, contact: Record<string, unknown> = {}) {
  const w = s.as(worker);
  const c = await w.post('/api/contacts', contactBody(contact));
  expect(c.status).toBe(201);
  const started = await w.post(`/api/cases/${c.body.caseId}/assessment/start`);
  const saved = await w.put(`/api/cases/${c.body.caseId}/assessment`, {
    version: started.body.version,
    content: { clientView: 'Haluan asua omassa kodissa.', conclusion: 'Tuettu asuminen.', proposedService: 'SUPPORTED' },
  });
  expect((await w.post(`/api/cases/${c.body.caseId}/assessment/finish`, { version: saved.body.version })).status).toBe(200);
  return { caseId: c.body.caseId as string, ref: c.body.ref as string };
}
