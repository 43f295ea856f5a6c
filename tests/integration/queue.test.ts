import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';
import { caseAt, unitWith } from '../support/case-at.js';
import type { QueueListing } from '../../bot/src/storage/queue-repository.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

const coord = () => s.as(USERS.coordinator);
const worker = () => s.as(USERS.worker);
const entryVersion = async (caseId: string) => (await worker().get(`/api/cases/${caseId}/queue`)).body.version as string;
const caseVersion = async (caseId: string) => (await s.composed.deps.cases.mustGet(caseId)).version;
const stateOf = async (caseId: string) => (await s.composed.deps.cases.mustGet(caseId)).value.state;
const unitOf = async (unitId: string) => (await s.as(USERS.worker).get(`/api/units/${unitId}`)).body;

describe('queue order (GET /api/queues/:service)', () => {
  it('orders urgent first, then by the date first decided, and explains each place', async () => {
    const a = await caseAt(s, 'QUEUED', { service: 'ROUND_THE_CLOCK', firstDecidedOn: '2026-09-01' });
    const b = await caseAt(s, 'QUEUED', { service: 'ROUND_THE_CLOCK', firstDecidedOn: '2026-08-01' });
    const c = await caseAt(s, 'QUEUED', { service: 'ROUND_THE_CLOCK', firstDecidedOn: '2026-10-01', urgent: true });
    const r = await coord().get('/api/queues/ROUND_THE_CLOCK');
    expect(r.status).toBe(200);
    expect(r.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([c.caseId, b.caseId, a.caseId]);
    expect(r.body).toMatchObject({ total: 3, urgent: 1, today: '2026-11-23' });
    const [first, second, third] = r.body.entries;
    expect(first).toMatchObject({ position: 1, urgent: true, why: { key: 'queue.why.urgent' } });
    expect(second).toMatchObject({ position: 2, waitingDays: 114, why: { key: 'queue.why.decidedOn', params: { date: '2026-08-01', urgentAhead: 1 } } });
    expect(third).toMatchObject({ position: 3, ref: a.ref, municipality: '049', workerId: USERS.worker });
    expect(third.clock).toMatchObject({ id: 'implementation', source: 'law' });
    expect(typeof third.clock.daysLeft).toBe('number');
    expect(JSON.stringify(r.body)).not.toContain(a.record.client.lastName);
    // The deputy has the same rights; every client shown is in the access log.
    expect((await s.as(USERS.deputy).get('/api/queues/ROUND_THE_CLOCK')).body.total).toBe(3);
    const log = await s.composed.deps.accessLog.forClient(a.clientId);
    expect(log.filter((e) => e.what === 'queue.list').map((e) => [e.actor.userId, e.relation])).toEqual([
      [USERS.coordinator, 'coordinator'],
      [USERS.deputy, 'coordinator'],
    ]);
  });

  it("shows a worker their own client's place, and nothing else", async () => {
    const mine = await caseAt(s, 'QUEUED', { service: 'ROUND_THE_CLOCK', firstDecidedOn: '2026-11-01' });
    const r = await worker().get(`/api/cases/${mine.caseId}/queue`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ inQueue: true, position: 4, length: 4, waitingDays: 22, entry: { firstDecidedOn: '2026-11-01' } });
    expect(r.body.clock.id).toBe('implementation');
    expect(r.headers.get('etag')).toBeTruthy();
    expect((await s.as(USERS.worker2).get(`/api/cases/${mine.caseId}/queue`)).status).toBe(403);
    expect((await worker().get('/api/queues/ROUND_THE_CLOCK')).status).toBe(403);
    expect((await s.as(USERS.organiser).get('/api/queues/ROUND_THE_CLOCK')).status).toBe(403);
    expect((await s.as(USERS.organiser).get(`/api/cases/${mine.caseId}/queue`)).status).toBe(403);
    const summary = await s.as(USERS.organiser).get('/api/queues');
    expect(summary.body.queues.find((q: { service: string; unitId: null }) => q.service === 'ROUND_THE_CLOCK' && !q.unitId)).toMatchObject({ length: 4, urgent: 1 });
  });

  it('moves a client to a unit queue keeping the first-decided date; a stale version is refused', async () => {
    const { unitId } = await unitWith(s, { places: 4, occupied: 4, services: ['COMMUNAL'] });
    const early = await caseAt(s, 'QUEUED', { service: 'COMMUNAL', firstDecidedOn: '2026-06-15' });
    const later = await caseAt(s, 'QUEUED', { service: 'COMMUNAL', firstDecidedOn: '2026-10-10', queueUnitId: unitId });
    const v = await entryVersion(early.caseId);
    expect((await coord().post(`/api/cases/${early.caseId}/queue/move`, { version: 'W/"stale"', service: 'COMMUNAL', unitId })).status).toBe(412);
    const moved = await coord().post(`/api/cases/${early.caseId}/queue/move`, { version: v, service: 'COMMUNAL', unitId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ position: 1, length: 2, entry: { firstDecidedOn: '2026-06-15', unitId } });
    const unitQueue = await coord().get(`/api/queues/COMMUNAL?unitId=${unitId}`);
    expect(unitQueue.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([early.caseId, later.caseId]);
    const serviceQueue = await coord().get('/api/queues/COMMUNAL');
    expect(serviceQueue.body.entries.map((e: { caseId: string }) => e.caseId)).not.toContain(early.caseId);
    const events = (await s.composed.deps.cases.timeline(early.caseId)).map((e) => e.type);
    expect(events.slice(-2)).toEqual(['queue', 'queueMoved']);
  });
});

describe('offers and placement', () => {
  it('offer → decline keeps the place → offer → accept places the client and fills the unit', async () => {
    const { unitId } = await unitWith(s, { places: 5, occupied: 4, services: ['SUPPORTED'] });
    const c = await caseAt(s, 'QUEUED', { service: 'SUPPORTED', firstDecidedOn: '2026-05-05', queueUnitId: unitId });
    const behind = await caseAt(s, 'QUEUED', { service: 'SUPPORTED', firstDecidedOn: '2026-09-09', queueUnitId: unitId });
    const bad = await coord().post(`/api/cases/${c.caseId}/queue/offer`, { version: await entryVersion(c.caseId), unitId, answerBy: '2026-11-23' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('answerBy');
    const offered = await coord().post(`/api/cases/${c.caseId}/queue/offer`, { version: await entryVersion(c.caseId), unitId, answerBy: '2026-11-30' });
    expect(offered.status).toBe(200);
    expect(offered.body.entry.offer).toMatchObject({ unitId, state: 'open', answerBy: '2026-11-30' });
    const noReason = await coord().post(`/api/cases/${c.caseId}/queue/answer`, { answer: 'decline', version: offered.body.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('body.declineReason');
    const declined = await worker().post(`/api/cases/${c.caseId}/queue/answer`, { answer: 'decline', version: offered.body.version, declineReason: 'Liian kaukana omaisista' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ position: 1, entry: { declinedOffers: 1, offer: { state: 'declined' } } });
    const again = await coord().post(`/api/cases/${c.caseId}/queue/offer`, { version: declined.body.version, unitId, answerBy: '2026-12-01' });
    expect(again.status).toBe(200);
    const noStart = await coord().post(`/api/cases/${c.caseId}/queue/answer`, { answer: 'accept', version: again.body.version });
    expect(noStart.status).toBe(400);
    expect(noStart.body.errors.map((e: { field: string }) => e.field)).toContain('body.startDate');
    const accepted = await coord().post(`/api/cases/${c.caseId}/queue/answer`, { answer: 'accept', version: again.body.version, startDate: '2026-12-01' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ state: 'PLACED', placement: { unitId, status: 'active', fromQueue: true, startDate: '2026-12-01' } });
    expect(await unitOf(unitId)).toMatchObject({ occupied: 5, vacancies: 0 });
    const placed = await s.composed.deps.cases.mustGet(c.caseId);
    expect(placed.value).toMatchObject({ state: 'PLACED', unitId });
    expect(placed.value.placedAt).toBeTruthy();
    const view = await worker().get(`/api/cases/${c.caseId}/queue`);
    expect(view.body).toMatchObject({ inQueue: false, entry: { left: { reason: 'PLACED' }, offer: { state: 'accepted' } } });
    expect(view.body.clock.state).toMatch(/^met/);
    const list = await coord().get(`/api/queues/SUPPORTED?unitId=${unitId}`);
    expect(list.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([behind.caseId]);
    // The unit is full now: no more offers into it.
    const full = await coord().post(`/api/cases/${behind.caseId}/queue/offer`, { version: await entryVersion(behind.caseId), unitId, answerBy: '2026-12-01' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('unit.noVacancy');
    const types = (await s.composed.deps.cases.timeline(c.caseId)).map((e) => e.type);
    expect(types.slice(-7)).toEqual(['queue', 'queueOfferMade', 'queueOfferDeclined', 'queueOfferMade', 'queueOfferAccepted', 'queueLeft', 'place']);
    const placement = await worker().get(`/api/cases/${c.caseId}/placement`);
    expect(placement.body.active).toMatchObject({ unitId, service: 'SUPPORTED' });
  });

  it('lets exactly one of concurrent placements into the last place win', async () => {
    const { unitId } = await unitWith(s, { places: 3, occupied: 2, services: ['SUPPORTED'] });
    const cases = await Promise.all(Array.from({ length: 6 }, () => caseAt(s, 'DECIDED', { service: 'SUPPORTED' })));
    const results = await Promise.all(
      cases.map((c) => worker().post(`/api/cases/${c.caseId}/placement`, { version: c.version, unitId, startDate: '2026-11-24' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers.every((r) => r.status === 409 && r.body.code === 'unit.noVacancy')).toBe(true);
    expect(await unitOf(unitId)).toMatchObject({ occupied: 3, vacancies: 0 });
    expect(await s.composed.deps.providers.listSeats(unitId)).toHaveLength(1);
    const states = await Promise.all(cases.map((c) => stateOf(c.caseId)));
    expect(states.filter((x) => x === 'PLACED')).toHaveLength(1);
    expect(states.filter((x) => x === 'DECIDED')).toHaveLength(5);
  });

  it('places straight from DECIDED, refuses a unit without the service or with an ended contract', async () => {
    const { unitId } = await unitWith(s, { places: 2, services: ['TEMPORARY'] });
    const ended = await unitWith(s, { places: 2, services: ['TEMPORARY'], contractEnd: '2025-12-31' });
    const c = await caseAt(s, 'DECIDED', { service: 'TEMPORARY' });
    const wrong = await unitWith(s, { places: 2, services: ['SUPPORTED'] });
    const r1 = await worker().post(`/api/cases/${c.caseId}/placement`, { version: c.version, unitId: wrong.unitId, startDate: '2026-11-24' });
    expect(r1.body).toMatchObject({ status: 400, code: 'unit.serviceNotOffered', errors: [{ field: 'body.unitId' }] });
    const r2 = await worker().post(`/api/cases/${c.caseId}/placement`, { version: c.version, unitId: ended.unitId, startDate: '2026-11-24' });
    expect(r2.body).toMatchObject({ status: 409, code: 'provider.contractEnded' });
    expect((await unitOf(ended.unitId)).occupied).toBe(0);
    const stale = await worker().post(`/api/cases/${c.caseId}/placement`, { version: 'W/"old"', unitId, startDate: '2026-11-24' });
    expect(stale.status).toBe(412);
    expect((await unitOf(unitId)).occupied).toBe(0);
    const placed = await worker().post(`/api/cases/${c.caseId}/placement`, { version: c.version, unitId, startDate: '2026-11-24' });
    expect(placed.status).toBe(201);
    expect(placed.body.placement.fromQueue).toBe(false);
    expect((await unitOf(unitId)).occupied).toBe(1);
  });

  it('expires an unanswered offer only after its answer-by day', async () => {
    const { unitId } = await unitWith(s, { places: 2, services: ['SUPPORTED'] });
    const c = await caseAt(s, 'QUEUED', { service: 'SUPPORTED', queueUnitId: unitId });
    const offered = await coord().post(`/api/cases/${c.caseId}/queue/offer`, { version: await entryVersion(c.caseId), unitId, answerBy: '2026-11-25' });
    const early = await coord().post(`/api/cases/${c.caseId}/queue/expire`, { version: offered.body.version });
    expect(early.status).toBe(400);
    const saved = s.clock.current;
    s.clock.set('2026-11-26T09:00:00+02:00');
    try {
      const expired = await coord().post(`/api/cases/${c.caseId}/queue/expire`, {}, { 'if-match': JSON.stringify(offered.body.version) });
      expect(expired.status).toBe(200);
      expect(expired.body.entry.offer.state).toBe('expired');
    } finally {
      s.clock.current = saved;
    }
  });
});

describe('leaving the queue', () => {
  it('needs a reason from the list (OTHER with text) and moves the case on', async () => {
    const died = await caseAt(s, 'QUEUED', { service: 'TEMPORARY' });
    const changed = await caseAt(s, 'QUEUED', { service: 'TEMPORARY' });
    const v = await entryVersion(died.caseId);
    const noText = await coord().post(`/api/cases/${died.caseId}/queue/leave`, { version: v, reason: 'OTHER' });
    expect(noText.status).toBe(400);
    expect(noText.body.errors[0].field).toBe('body.text');
    const badReason = await coord().post(`/api/cases/${died.caseId}/queue/leave`, { version: v, reason: 'PLACED' });
    expect(badReason.body.errors[0].field).toBe('body.reason');
    const r = await coord().post(`/api/cases/${died.caseId}/queue/leave`, { version: v, reason: 'DIED' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'CLOSED', inQueue: false, entry: { left: { reason: 'DIED' } } });
    expect((await s.composed.deps.cases.mustGet(died.caseId)).value.closeReason).toBe('DIED');
    const n = await coord().post(`/api/cases/${changed.caseId}/queue/leave`, { version: await entryVersion(changed.caseId), reason: 'NEED_CHANGED', text: 'Tarvitsee ympärivuorokautista tukea' });
    expect(n.body.state).toBe('ASSESSMENT');
    const list = await coord().get('/api/queues/TEMPORARY');
    expect(list.body.entries.map((e: { caseId: string }) => e.caseId)).not.toContain(died.caseId);
    expect(list.body.entries.map((e: { caseId: string }) => e.caseId)).not.toContain(changed.caseId);
    // Gone from the queue: a second removal says so.
    const again = await coord().post(`/api/cases/${died.caseId}/queue/leave`, { version: v, reason: 'DIED' });
    expect(again.status).toBe(403); // a closed case is no longer the coordinator's
  });

  it('refuses offers and removals from workers without the role, and stale versions', async () => {
    const c = await caseAt(s, 'QUEUED', { service: 'TEMPORARY' });
    const v = await entryVersion(c.caseId);
    expect((await worker().post(`/api/cases/${c.caseId}/queue/offer`, { version: v, unitId: 'x', answerBy: '2026-12-01' })).status).toBe(403);
    expect((await s.as(USERS.organiser).post(`/api/cases/${c.caseId}/queue/leave`, { version: v, reason: 'DIED' })).status).toBe(403);
    const stale = await coord().post(`/api/cases/${c.caseId}/queue/leave`, { version: 'W/"nope"', reason: 'MOVED_AWAY' });
    expect(stale.status).toBe(412);
    expect(await stateOf(c.caseId)).toBe('QUEUED');
    expect((await coord().post(`/api/cases/${c.caseId}/queue/leave`, { reason: 'MOVED_AWAY' })).body.errors[0].field).toBe('body.version');
    const twice = await worker().post(`/api/cases/${c.caseId}/queue`, { version: await caseVersion(c.caseId) });
    expect(twice.body.code).toBe('case.wrongState');
  });
});

describe('a long queue', () => {
  it('lists 5,000 entries from one partition quickly, paged', async () => {
    const ref = { service: 'SUPPORTED' as const, unitId: 'bulk-unit' };
    const listings: QueueListing[] = Array.from({ length: 5000 }, (_, i) => ({
      entry: {
        id: `e${i}`,
        caseId: `bulk-${String(i).padStart(5, '0')}`,
        service: 'SUPPORTED',
        unitId: 'bulk-unit',
        urgent: i % 250 === 0,
        firstDecidedOn: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        queuedAt: '2026-11-01T08:00:00.000Z',
        offer: null,
        declinedOffers: 0,
        placeLostOn: null,
        left: null,
      },
      facts: { clientId: `bulk-client-${i}`, ref: `P-2026-B${i}`, municipality: '049', language: 'fi', pendingAt: '2026-01-05T08:00:00.000Z', urgent: false, lawGroups: [], clientDelays: [] },
      version: 'v',
      seq: 1,
    }));
    await s.composed.deps.queues.putMany(ref, listings);
    const t0 = performance.now();
    const first = await coord().get('/api/queues/SUPPORTED?unitId=bulk-unit');
    const ms = performance.now() - t0;
    // Azurite on a shared test machine: ~1 s for the partition query, the rest is the page's 50
    // access-log rows. The bound catches a per-entry read (which would take minutes), not jitter.
    console.info(`queue of 5000: first page in ${Math.round(ms)} ms`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5000, urgent: 20 });
    expect(first.body.entries).toHaveLength(50);
    expect(first.body.entries.slice(0, 20).every((e: { urgent: boolean }) => e.urgent)).toBe(true);
    expect(ms).toBeLessThan(10_000);
    const last = await coord().get('/api/queues/SUPPORTED?unitId=bulk-unit&offset=4950&limit=100');
    expect(last.body.entries.at(-1).position).toBe(5000);
    expect((await coord().get('/api/queues/SUPPORTED?limit=501')).body.errors[0].field).toBe('query.limit');
  }, 120_000);
});
