import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

const WORKERS = [USERS.worker, USERS.workerSv, USERS.worker2];
let day = 0;

/** A meeting of its own for each test: a later weekday each time, 13:00 Helsinki. */
async function newMeeting(durationMinutes = 60, over: Record<string, unknown> = {}) {
  day += 1;
  const startsAt = new Date(Date.parse('2026-11-25T13:00:00+02:00') + day * 7 * 86400_000).toISOString();
  const r = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt, durationMinutes, leadSocialWorkerId: USERS.lead, title: `SAP ${day}`, ...over });
  expect(r.status).toBe(201);
  return r.body as { id: string; startsAt: string };
}

const book = (worker: string, meetingId: string, body: Record<string, unknown>) => s.as(worker).post(`/api/sap/meetings/${meetingId}/bookings`, body);

describe('SAP meetings and bookings', () => {
  it('runs contact → assessment → 20-minute booking → outcome → minutes', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    const list = await s.as(USERS.worker).get('/api/sap/meetings?days=366');
    const listed = list.body.meetings.find((x: { id: string }) => x.id === m.id);
    expect(listed).toMatchObject({ totals: { freeMinutes: 60, bookedMinutes: 0 }, youAreMember: false });

    const r = await book(USERS.worker, m.id, { caseId, startMinute: 0, lengthMinutes: 20 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ caseState: 'SAP', booking: { lengthMinutes: 20, reason: 'NEW_CLIENT', overruns: false, status: 'booked' } });
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    expect(c.state).toBe('SAP');
    expect(c.sapMemberIds).toEqual(expect.arrayContaining([USERS.chair, USERS.lead]));

    const after = (await s.as(USERS.worker).get('/api/sap/meetings?days=366')).body.meetings.find((x: { id: string }) => x.id === m.id);
    expect(after.totals).toMatchObject({ freeMinutes: 40, bookedMinutes: 20, items: 1 });
    const free = await s.as(USERS.worker).get(`/api/sap/meetings/${m.id}/free-starts?length=30`);
    expect(free.body.starts.map((x: { startMinute: number }) => x.startMinute)).toEqual([20, 30, 40, 50]);

    // The chair (now a member) sees the client's name; a worker without a relation only the reference.
    const chairView = await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`);
    expect(chairView.status).toBe(200);
    expect(chairView.body.items[0]).toMatchObject({ caseId, caseRef: c.ref, workerId: USERS.worker, lengthMinutes: 20, client: { name: `${c.client.lastName} ${c.client.firstName}` } });
    const otherView = await s.as(USERS.worker2).get(`/api/sap/meetings/${m.id}/agenda`);
    expect(otherView.body.items[0].caseRef).toBe(c.ref);
    expect(otherView.body.items[0].client).toBeUndefined();
    expect(JSON.stringify(otherView.body)).not.toContain(c.client.lastName);

    // Outcomes are recorded once the meeting has started, citing the criteria in force.
    const early = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${r.body.booking.id}/outcome`, { kind: 'moreInfo', rationale: 'x' });
    expect(early.body.code).toBe('meeting.notStarted');
    s.clock.set(new Date(Date.parse(m.startsAt) + 5 * 60_000).toISOString());
    const criteria = await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/criteria`);
    const supported = criteria.body.sets.find((x: { service: string }) => x.service === 'SUPPORTED');
    const outcome = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${r.body.booking.id}/outcome`, {
      kind: 'service',
      service: 'SUPPORTED',
      rationale: 'Tuen tarve painottuu päiväaikaan; kotiin tukeminen riittää.',
      criteriaCited: ['SUP-1', 'SUP-2'],
    });
    expect(outcome.status).toBe(201);
    expect(outcome.body).toMatchObject({ caseState: 'SAP', outcome: { kind: 'service', service: 'SUPPORTED', criteriaVersion: supported.version, recordedBy: { userId: USERS.chair } } });
    const twice = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${r.body.booking.id}/outcome`, { kind: 'moreInfo', rationale: 'x' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('outcome.recorded');

    const minutes = await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/minutes`);
    expect(minutes.status).toBe(200);
    expect(minutes.body).toMatchObject({ complete: true, totals: { items: 1, service: 1, moreInfo: 0 }, warnings: [] });
    expect(minutes.body.attendees.map((a: { role: string }) => a.role)).toEqual(['chair', 'leadSocialWorker', 'worker']);
    expect(minutes.body.items[0]).toMatchObject({ caseRef: c.ref, summary: { key: 'sap.minutes.item.service' }, outcome: { rationale: expect.any(String), criteriaCited: ['SUP-1', 'SUP-2'] } });
    // Without a relation: the kind of outcome, not its reasons.
    const secretary = await s.as(USERS.secretary).get(`/api/sap/meetings/${m.id}/minutes`);
    expect(secretary.body.items[0].outcome.rationale).toBeUndefined();
    expect(secretary.body.items[0].client).toBeUndefined();

    const timeline = (await s.composed.deps.cases.timeline(caseId)).map((e) => e.type);
    expect(timeline).toEqual(['received', 'startAssessment', 'assessmentFinished', 'bookSap', 'sapOutcome']);
    const history = await s.composed.deps.cases.rowsOf<{ status: string; outcome?: { criteriaVersion: number } }>(caseId, 'booking');
    expect(history.map((h) => h.value.status)).toEqual(['handled']);
    expect(history[0]!.value.outcome?.criteriaVersion).toBe(supported.version);
  });

  it('gives one slot to exactly one of 20 concurrent bookings; the others get slot.taken with the next free start', { timeout: 120_000 }, async () => {
    const m = await newMeeting(60);
    const cases = await Promise.all(Array.from({ length: 20 }, (_, i) => caseReadyForSap(s, WORKERS[i % WORKERS.length])));
    const results = await Promise.all(cases.map((caseId, i) => book(WORKERS[i % WORKERS.length]!, m.id, { caseId, startMinute: 10, lengthMinutes: 10 })));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.body.code).toBe('slot.taken');
      expect(r.body.nextFree).toBe(20);
      expect(r.body.nextFreeStartsAt).toBe(new Date(Date.parse(m.startsAt) + 20 * 60_000).toISOString());
    }
    const stored = await s.composed.deps.sap.getMeeting(m.id);
    expect(stored!.bookings).toHaveLength(1);
    expect([...stored!.cells.entries()]).toEqual([[10, won[0]!.body.booking.id]]);
    const states = await Promise.all(cases.map(async (id) => (await s.composed.deps.cases.get(id))!.value.state));
    expect(states.filter((x) => x === 'SAP')).toHaveLength(1);
    expect(states.filter((x) => x === 'ASSESSMENT')).toHaveLength(19);
  });

  it('refuses, in storage, a second booking of a held cell as a whole (nothing of it written)', async () => {
    const m = await newMeeting(60);
    const at = s.clock.now().toISOString();
    const b = (id: string, startMinute: number, lengthMinutes: number) => ({
      id, meetingId: m.id, startMinute, lengthMinutes, caseId: `case-${id}`, caseRef: 'P-2026-TEST00', workerId: USERS.worker, workerName: 'x',
      reason: 'NEW_CLIENT' as const, createdAt: at, createdBy: { userId: USERS.worker, name: 'x' },
    });
    expect(await s.composed.deps.sap.insertBooking(b('a', 10, 20), [10, 20])).toBe(true);
    expect(await s.composed.deps.sap.insertBooking(b('b', 0, 20), [0, 10])).toBe(false);
    const p = await s.composed.deps.sap.getMeeting(m.id);
    expect(p!.bookings.map((x) => x.value.id)).toEqual(['a']);
    expect([...p!.cells.entries()]).toEqual([[10, 'a'], [20, 'a']]);
  });

  it('flags a booking that runs past the meeting end instead of refusing it', async () => {
    const m = await newMeeting(30);
    const caseId = await caseReadyForSap(s);
    const r = await book(USERS.worker, m.id, { caseId, startMinute: 20, lengthMinutes: 30 });
    expect(r.status).toBe(201);
    expect(r.body.booking).toMatchObject({ overruns: true, overrunMinutes: 20 });
    const agenda = await s.as(USERS.worker).get(`/api/sap/meetings/${m.id}/agenda`);
    expect(agenda.body.items[0]).toMatchObject({ overruns: true, overrunMinutes: 20 });
    expect(agenda.body.totals).toMatchObject({ overruns: true, overrunMinutes: 20, freeMinutes: 20 });
    expect(agenda.body.expectedEndsAt).toBe(new Date(Date.parse(m.startsAt) + 50 * 60_000).toISOString());
  });

  it('answers bad input with 400 naming the field and writes nothing', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    const len = await book(USERS.worker, m.id, { caseId, startMinute: 0, lengthMinutes: 15 });
    expect(len.status).toBe(400);
    expect(len.body.errors.map((e: { field: string }) => e.field)).toContain('body.lengthMinutes');
    const mis = await book(USERS.worker, m.id, { caseId, startMinute: 5 });
    expect(mis.status).toBe(400);
    expect(mis.body.code).toBe('slot.misaligned');
    const outside = await book(USERS.worker, m.id, { caseId, startMinute: 60 });
    expect(outside.body.code).toBe('slot.outsideMeeting');
    const noCase = await book(USERS.worker, m.id, { startMinute: 0 });
    expect(noCase.body.errors.map((e: { field: string }) => e.field)).toContain('body.caseId');
    const badMeeting = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: '2026-12-01T13:00:00+02:00', durationMinutes: 45, leadSocialWorkerId: USERS.lead });
    expect(badMeeting.body.errors[0].field).toBe('body.durationMinutes');
    const notLead = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: '2026-12-01T13:00:00+02:00', durationMinutes: 60, leadSocialWorkerId: USERS.worker });
    expect(notLead.status).toBe(400);
    expect(notLead.body.errors[0].field).toBe('body.leadSocialWorkerId');
    const stored = await s.composed.deps.sap.getMeeting(m.id);
    expect(stored!.bookings).toHaveLength(0);
    expect(stored!.cells.size).toBe(0);
    expect((await s.composed.deps.cases.get(caseId))!.value.state).toBe('ASSESSMENT');
  });

  it('books own cases only, and only from ASSESSMENT or SAP', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s, USERS.worker);
    expect((await book(USERS.worker2, m.id, { caseId, startMinute: 0 })).status).toBe(403);
    expect((await s.as(USERS.chair).post(`/api/sap/meetings/${m.id}/bookings`, { caseId, startMinute: 0 })).status).toBe(403);
    const fresh = await s.as(USERS.worker).post('/api/contacts', contactBody());
    const wrong = await book(USERS.worker, m.id, { caseId: fresh.body.caseId, startMinute: 0 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('case.wrongState');
    expect((await s.composed.deps.sap.getMeeting(m.id))!.bookings).toHaveLength(0);
  });

  it('moves a booking inside a meeting and to another one, and cancels it', async () => {
    const m1 = await newMeeting(60);
    const m2 = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    const other = await caseReadyForSap(s, USERS.worker2);
    const first = await book(USERS.worker, m1.id, { caseId, startMinute: 0, lengthMinutes: 20 });
    await book(USERS.worker2, m1.id, { caseId: other, startMinute: 40 });
    // Overlapping its own cells (0-20 → 10-40) is fine; onto someone else's is not.
    const inside = await s.as(USERS.worker).post(`/api/sap/meetings/${m1.id}/bookings/${first.body.booking.id}/move`, { startMinute: 10, lengthMinutes: 30 });
    expect(inside.status).toBe(200);
    expect(inside.body.booking).toMatchObject({ id: first.body.booking.id, startMinute: 10, lengthMinutes: 30 });
    const onto = await s.as(USERS.worker).post(`/api/sap/meetings/${m1.id}/bookings/${first.body.booking.id}/move`, { startMinute: 30, lengthMinutes: 20 });
    expect(onto.status).toBe(409);
    expect(onto.body).toMatchObject({ code: 'slot.taken', nextFree: 50 }); // the next start from 30 where 20 minutes fit (may overrun)
    let p1 = await s.composed.deps.sap.getMeeting(m1.id);
    expect([...p1!.cells.keys()].sort((a, b) => a - b)).toEqual([10, 20, 30, 40]);
    expect((await s.as(USERS.worker2).post(`/api/sap/meetings/${m1.id}/bookings/${first.body.booking.id}/move`, { startMinute: 0 })).status).toBe(403);

    // Booking again while booked moves it (rebook) to the other meeting.
    const moved = await book(USERS.worker, m2.id, { caseId, startMinute: 30, lengthMinutes: 10 });
    expect(moved.status).toBe(201);
    expect(moved.body.booking.meetingId).toBe(m2.id);
    p1 = await s.composed.deps.sap.getMeeting(m1.id);
    expect(p1!.bookings.map((b) => b.value.caseId)).toEqual([other]);
    expect([...p1!.cells.keys()]).toEqual([40]);
    const mine = await s.as(USERS.worker).get('/api/my/sap-bookings');
    expect(mine.body.bookings.filter((b: { caseId: string }) => b.caseId === caseId)).toMatchObject([{ meetingId: m2.id, startMinute: 30, clientName: expect.any(String) }]);

    const cancelled = await s.as(USERS.worker).delete(`/api/sap/meetings/${m2.id}/bookings/${moved.body.booking.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ caseState: 'ASSESSMENT', booking: { status: 'cancelled' } });
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    expect(c.sapMemberIds).toEqual([]);
    expect((await s.composed.deps.sap.getMeeting(m2.id))!.bookings).toHaveLength(0);
    expect((await s.composed.deps.sap.getMeeting(m2.id))!.cells.size).toBe(0);
    const history = (await s.composed.deps.cases.rowsOf<{ status: string }>(caseId, 'booking')).map((r) => r.value.status).sort();
    expect(history).toEqual(['cancelled', 'moved']);
    expect((await s.composed.deps.cases.timeline(caseId)).map((e) => e.type).slice(3)).toEqual(['bookSap', 'sapBookingMoved', 'rebook', 'cancelSap']);
    expect((await s.as(USERS.chair).get(`/api/cases/${caseId}`)).status).toBe(403); // the chair's relation went with the booking
  });

  it('"more information needed" sends the case back to assessment; the worker supplements and books again', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    const b = await book(USERS.worker, m.id, { caseId, startMinute: 0 });
    s.clock.set(m.startsAt);
    const bad = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${b.body.booking.id}/outcome`, {
      kind: 'service',
      service: 'ROUND_THE_CLOCK',
      rationale: 'x',
      criteriaCited: ['SUP-1'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'outcome.criteriaRequired', errors: [{ field: 'body.criteriaCited' }] });
    expect((await s.as(USERS.lead).put(`/api/sap/meetings/${m.id}/bookings/${b.body.booking.id}/outcome`, { kind: 'moreInfo', rationale: 'x' })).status).toBe(403);
    const more = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${b.body.booking.id}/outcome`, {
      kind: 'moreInfo',
      rationale: 'Päihdearvio puuttuu.',
    });
    expect(more.status).toBe(201);
    expect(more.body.caseState).toBe('ASSESSMENT');
    const minutes = await s.as(USERS.lead).get(`/api/sap/meetings/${m.id}/minutes`);
    expect(minutes.body.totals).toMatchObject({ moreInfo: 1, noOutcome: 0 });

    s.clock.set(NOW);
    const w = s.as(USERS.worker);
    const round2 = await w.post(`/api/cases/${caseId}/assessment/start`);
    expect(round2.body.assessment.round).toBe(2);
    await w.post(`/api/cases/${caseId}/assessment/finish`, { version: round2.body.version });
    const m2 = await newMeeting(60);
    const again = await book(USERS.worker, m2.id, { caseId, startMinute: 0 });
    expect(again.status).toBe(201);
    expect(again.body.caseState).toBe('SAP');
  });

  it('lets a worker book first and finish the assessment before the meeting; a service outcome waits for it', async () => {
    const m = await newMeeting(60);
    const w = s.as(USERS.worker);
    const c = await w.post('/api/contacts', contactBody());
    const caseId = c.body.caseId as string;
    const started = await w.post(`/api/cases/${caseId}/assessment/start`);
    const b = await book(USERS.worker, m.id, { caseId, startMinute: 20 });
    expect(b.status).toBe(201);
    const agenda = await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`);
    expect(agenda.body.items[0].assessmentFinished).toBe(false);
    s.clock.set(m.startsAt);
    const early = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${b.body.booking.id}/outcome`, {
      kind: 'service', service: 'SUPPORTED', rationale: 'x', criteriaCited: ['SUP-1'],
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('assessment.notFinished');
    const saved = await w.put(`/api/cases/${caseId}/assessment`, {
      version: started.body.version,
      content: { clientView: 'Haluan tukea kotiin.', conclusion: 'Tuettu asuminen.', proposedService: 'SUPPORTED' },
    });
    expect(saved.status).toBe(200);
    expect((await w.post(`/api/cases/${caseId}/assessment/finish`, { version: saved.body.version })).body.caseState).toBe('SAP');
    const ok = await s.as(USERS.chair).put(`/api/sap/meetings/${m.id}/bookings/${b.body.booking.id}/outcome`, {
      kind: 'service', service: 'SUPPORTED', rationale: 'Päiväaikainen tuki riittää.', criteriaCited: ['SUP-1'],
    });
    expect(ok.status).toBe(201);
  });

  it('writes access-log rows for agenda and minutes reads that show client data', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    await book(USERS.worker, m.id, { caseId, startMinute: 0 });
    await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`);
    await s.as(USERS.lead).get(`/api/sap/meetings/${m.id}/minutes`);
    await s.as(USERS.worker2).get(`/api/sap/meetings/${m.id}/agenda`); // no relation: no names, no row
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    const log = (await s.composed.deps.accessLog.forClient(c.clientId)).map((e) => `${e.action}:${e.what}:${e.actor.userId}:${e.relation}`);
    expect(log.slice(-3)).toEqual([
      `update:sap.booking:${USERS.worker}:assignedWorker`,
      `read:sap.agenda:${USERS.chair}:sapChair`,
      `read:sap.minutes:${USERS.lead}:sapLead`,
    ]);
  });

  it('drops a meeting booking whose case write never happened (an orphan) and frees its cells', async () => {
    const m = await newMeeting(60);
    const caseId = await caseReadyForSap(s);
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    const at = s.clock.now().toISOString();
    await s.composed.deps.sap.insertBooking(
      { id: 'orphan-1', meetingId: m.id, startMinute: 0, lengthMinutes: 10, caseId, caseRef: c.ref, workerId: USERS.worker, workerName: 'x', reason: 'NEW_CLIENT', createdAt: at, createdBy: { userId: USERS.worker, name: 'x' } },
      [0],
    );
    expect((await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`)).body.items).toHaveLength(1); // may still be on its way
    s.clock.advance(120_000);
    expect((await s.as(USERS.chair).get(`/api/sap/meetings/${m.id}/agenda`)).body.items).toHaveLength(0);
    const p = await s.composed.deps.sap.getMeeting(m.id);
    expect(p!.bookings).toHaveLength(0);
    expect(p!.cells.size).toBe(0);
    expect((await book(USERS.worker, m.id, { caseId, startMinute: 0 })).status).toBe(201);
  });

  it('lets only chairs and supervisors create meetings, never in the past', async () => {
    expect((await s.as(USERS.worker).post('/api/sap/meetings', { startsAt: '2026-12-01T13:00:00+02:00', durationMinutes: 60, leadSocialWorkerId: USERS.lead })).status).toBe(403);
    const past = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: '2026-11-20T13:00:00+02:00', durationMinutes: 60, leadSocialWorkerId: USERS.lead });
    expect(past.body.code).toBe('meeting.past');
    const bySupervisor = await s.as(USERS.supervisor).post('/api/sap/meetings', { startsAt: '2026-12-01T13:00:00+02:00', durationMinutes: 60, leadSocialWorkerId: USERS.lead, chairId: USERS.chair, invitedIds: [USERS.secretary] });
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body.members.map((x: { role: string }) => x.role)).toEqual(['chair', 'leadSocialWorker', 'guest']);
    expect((await s.as(USERS.organiser).get('/api/sap/meetings')).status).toBe(403);
  });
});
