/**
 * The fast paths of issue 7 keep their rules: the agenda logs every client it names (one record
 * for the request, indexed per client), "my bookings" reads pointer rows instead of the cases'
 * booking ranges and still finds a booking made before pointers existed, and case writes return
 * the version the transaction wrote. (Concurrent appends: tests/integration/access-log-chain.test.ts.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, USERS } from '../support/factories.js';
import { caseReadyForSap } from '../support/decision-helpers.js';

const NOW = '2026-11-23T09:00:00+02:00';
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: NOW });
});
afterAll(async () => {
  await s?.close();
});
beforeEach(() => s.clock.set(NOW));

let week = 0;
async function newMeeting(durationMinutes = 60) {
  week += 1;
  const startsAt = new Date(Date.parse('2026-11-25T13:00:00+02:00') + week * 7 * 86400_000).toISOString();
  const r = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt, durationMinutes, leadSocialWorkerId: USERS.lead });
  expect(r.status).toBe(201);
  return r.body as { id: string };
}

const book = (worker: string, meetingId: string, body: Record<string, unknown>) => s.as(worker).post(`/api/sap/meetings/${meetingId}/bookings`, body);
const clientOf = async (caseId: string) => (await s.composed.deps.cases.get(caseId))!.value.clientId;

describe('fast paths (issue 7)', () => {
  it('logs one agenda read per client named, with whole chains and a day copy each', async () => {
    const m = await newMeeting(120);
    const owners = [USERS.worker, USERS.worker, USERS.workerSv, USERS.workerSv]; // worker2's are the next test's
    const caseIds = [];
    for (const [i, w] of owners.entries()) {
      const id = await caseReadyForSap(s, w);
      expect((await book(w, m.id, { caseId: id, startMinute: i * 10 })).status).toBe(201);
      caseIds.push(id);
    }
    for (let k = 0; k < 2; k++) {
      const a = await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`);
      expect(a.status).toBe(200);
      expect(a.body.items.map((x: { caseId: string; client?: unknown }) => [x.caseId, Boolean(x.client)])).toEqual(caseIds.map((id) => [id, true]));
    }
    const day = (await s.as(USERS.admin).get('/api/audit?day=2026-11-23')).body.entries as Array<{ clientId: string; what: string; actor: { userId: string } }>;
    for (const id of caseIds) {
      const clientId = await clientOf(id);
      const reads = (await s.composed.deps.accessLog.forClient(clientId)).filter((e) => e.what === 'sap.agenda');
      expect(reads.map((e) => `${e.actor.userId}:${e.relation}`)).toEqual([`${USERS.chair}:sapChair`, `${USERS.chair}:sapChair`]);
      expect(await s.composed.deps.accessLog.verifyChain(clientId)).toMatchObject({ ok: true });
      expect(day.filter((e) => e.clientId === clientId && e.what === 'sap.agenda')).toHaveLength(2);
    }
  });

  it("lists my bookings from the cases' pointer rows, and finds a booking that has no pointer", async () => {
    const m = await newMeeting(60);
    const a = await caseReadyForSap(s, USERS.worker2);
    const b = await caseReadyForSap(s, USERS.worker2);
    const ba = (await book(USERS.worker2, m.id, { caseId: a, startMinute: 0 })).body.booking.id as string;
    const bb = (await book(USERS.worker2, m.id, { caseId: b, startMinute: 10 })).body.booking.id as string;
    expect((await s.composed.deps.cases.row(a, 'sapLive'))!.value).toMatchObject({ bookingId: ba, booking: { id: ba, status: 'booked', startMinute: 0 } });
    // A move inside the meeting changes the waiting row; the pointer's copy moves with it.
    expect((await s.as(USERS.worker2).post(`/api/sap/meetings/${m.id}/bookings/${ba}/move`, { startMinute: 30 })).status).toBe(200);

    const ranges = vi.spyOn(s.composed.deps.cases, 'rowsOf');
    try {
      const mine = await s.as(USERS.worker2).get('/api/my/sap-bookings');
      expect(mine.status).toBe(200);
      expect(mine.body.bookings.map((x: { id: string }) => x.id)).toEqual([bb, ba]);
      expect(mine.body.bookings[1]).toMatchObject({ caseId: a, meetingId: m.id, startMinute: 30, clientName: expect.any(String) });
      expect(ranges).not.toHaveBeenCalled();

      // A case booked before pointers were written: its booking range is read instead.
      await s.composed.deps.store.entities('Cases').delete(b, 'sapLive');
      ranges.mockClear();
      const again = await s.as(USERS.worker2).get('/api/my/sap-bookings');
      expect(again.body.bookings.map((x: { id: string }) => x.id)).toEqual([bb, ba]);
      expect(ranges).toHaveBeenCalledTimes(1);
    } finally {
      ranges.mockRestore();
    }

    expect((await s.as(USERS.worker2).delete(`/api/sap/meetings/${m.id}/bookings/${ba}`)).status).toBe(200);
    expect((await s.composed.deps.cases.row(a, 'sapLive'))!.value).toEqual({ bookingId: null });
    const after = await s.as(USERS.worker2).get('/api/my/sap-bookings');
    expect(after.body.bookings.map((x: { id: string }) => x.id)).toEqual([bb]);
    const logged = (await s.composed.deps.accessLog.forClient(await clientOf(b))).filter((e) => e.what === 'sap.myBookings');
    expect(logged.map((e) => `${e.actor.userId}:${e.relation}`)).toEqual(Array(3).fill(`${USERS.worker2}:assignedWorker`));
  });

  it('returns the version the transaction wrote, without reading the case back', async () => {
    const id = (await s.as(USERS.worker).post('/api/contacts', contactBody())).body.caseId as string;
    const { value: c, version } = (await s.composed.deps.cases.get(id))!;
    const reads = vi.spyOn(s.composed.deps.cases, 'get');
    try {
      const at = s.clock.now().toISOString();
      const next = await s.composed.deps.cases.update(c, { ...c, updatedAt: at }, version, [{ type: 'note', at, actor: { userId: USERS.worker, name: 'Testi' } }]);
      expect(reads).not.toHaveBeenCalled();
      expect(next).toBe((await s.composed.deps.cases.get(id))!.version);
      expect(next).not.toBe(version);
    } finally {
      reads.mockRestore();
    }
  });
});
