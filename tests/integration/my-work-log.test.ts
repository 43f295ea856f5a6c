/**
 * Oma työ (GET /api/my/cases) logs every client it lists as read by the assigned worker — one
 * entry on each client's chain and its day copy — now written with AccessLog.recordMany (the
 * chains concurrently, the day copies in one transaction), as the agenda and "my bookings" do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactBody, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NOW = '2026-11-23T09:00:00+02:00';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: NOW });
});
afterAll(async () => {
  await s?.close();
});

const clientOf = async (caseId: string) => (await s.composed.deps.cases.get(caseId))!.value.clientId;

describe('My work lists and logs', () => {
  it("logs one read per listed client on its chain and the day's copy, and none for another worker's clients", async () => {
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) mine.push((await s.as(USERS.worker).post('/api/contacts', contactBody())).body.caseId as string);
    const theirs = (await s.as(USERS.worker2).post('/api/contacts', contactBody())).body.caseId as string;

    for (let k = 0; k < 2; k++) {
      const r = await s.as(USERS.worker).get('/api/my/cases');
      expect(r.status).toBe(200);
      expect((r.body.cases as Array<{ id: string }>).map((c) => c.id)).toEqual(expect.arrayContaining(mine));
      expect((r.body.cases as Array<{ id: string }>).map((c) => c.id)).not.toContain(theirs);
    }

    const day = (await s.as(USERS.admin).get('/api/audit?day=2026-11-23')).body.entries as Array<{ clientId: string; what: string }>;
    for (const id of mine) {
      const clientId = await clientOf(id);
      const reads = (await s.composed.deps.accessLog.forClient(clientId)).filter((e) => e.what === 'myWork.list');
      expect(reads.map((e) => `${e.actor.userId}:${e.relation}:${e.action}:${e.caseId === id}`)).toEqual([
        `${USERS.worker}:assignedWorker:read:true`,
        `${USERS.worker}:assignedWorker:read:true`,
      ]);
      expect(await s.composed.deps.accessLog.verifyChain(clientId)).toMatchObject({ ok: true });
      expect(day.filter((e) => e.clientId === clientId && e.what === 'myWork.list')).toHaveLength(2);
    }
    const other = await s.composed.deps.accessLog.forClient(await clientOf(theirs));
    expect(other.filter((e) => e.what === 'myWork.list')).toEqual([]);
  });
});
