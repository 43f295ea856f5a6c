import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, USERS } from '../support/factories.js';
import { caseAt, unitWith } from '../support/case-at.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

const worker = () => s.as(USERS.worker);
const caseVersion = async (caseId: string) => (await s.composed.deps.cases.mustGet(caseId)).version;
const plan = { goals: ['Asuu itsenäisesti vuoden kuluttua'], means: ['Viikoittaiset kotikäynnit'], responsibilities: [{ who: 'Kotiin tukemisen tiimi', what: 'Käynnit kahdesti viikossa' }], nextReviewOn: '2027-02-01' };

describe('service plan and follow-ups', () => {
  it('writes a versioned plan, follows it up, and a changed need sends the case back to assessment', async () => {
    const { unitId } = await unitWith(s, { places: 10, services: ['SUPPORTED'], kind: 'homeSupportTeam' });
    const c = await caseAt(s, 'PLACED', { service: 'SUPPORTED', unitId });
    const empty = await worker().get(`/api/cases/${c.caseId}/plan`);
    expect(empty.body).toMatchObject({ plan: null, version: null, followUps: [], nextReview: null });
    const noPlan = await worker().post(`/api/cases/${c.caseId}/followups`, { version: 'x', reviewedOn: '2026-11-23', outcome: 'continue', notes: 'Hyvin menee', nextReviewOn: '2027-01-01' });
    expect(noPlan.body.code).toBe('plan.required');

    const created = await worker().put(`/api/cases/${c.caseId}/plan`, plan);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ plan: { revision: 1, goals: plan.goals }, nextReview: { dueOn: '2027-02-01', overdue: false } });
    const again = await worker().put(`/api/cases/${c.caseId}/plan`, plan);
    expect(again.status).toBe(412);
    const updated = await worker().put(`/api/cases/${c.caseId}/plan`, { ...plan, version: created.body.version, means: ['Kotikäynnit', 'Vertaisryhmä'] });
    expect(updated.body.plan).toMatchObject({ revision: 2, means: ['Kotikäynnit', 'Vertaisryhmä'] });
    const stale = await worker().put(`/api/cases/${c.caseId}/plan`, { ...plan, version: created.body.version });
    expect(stale.status).toBe(412);
    expect((await worker().put(`/api/cases/${c.caseId}/plan`, { ...plan, goals: [] })).body.errors[0].field).toBe('body.goals');

    const cont = await worker().post(`/api/cases/${c.caseId}/followups`, {
      version: updated.body.version,
      reviewedOn: '2026-11-23',
      outcome: 'continue',
      notes: 'Tavoitteet etenevät.',
      nextReviewOn: '2027-05-01',
    });
    expect(cont.status).toBe(201);
    expect(cont.body).toMatchObject({ plan: { nextReviewOn: '2027-05-01' }, followUps: [{ outcome: 'continue', dueOn: '2027-02-01' }] });
    const noNext = await worker().post(`/api/cases/${c.caseId}/followups`, { version: cont.body.version, reviewedOn: '2026-11-23', outcome: 'continue', notes: 'x' });
    expect(noNext.body.errors[0].field).toBe('body.nextReviewOn');

    const changed = await worker().post(`/api/cases/${c.caseId}/followups`, { version: cont.body.version, reviewedOn: '2026-11-23', outcome: 'needChanged', notes: 'Tarvitsee enemmän tukea.' });
    expect(changed.status).toBe(201);
    expect(changed.body.state).toBe('ASSESSMENT');
    const types = (await s.composed.deps.cases.timeline(c.caseId)).map((e) => e.type);
    expect(types.slice(-5)).toEqual(['planCreated', 'planUpdated', 'followUpRecorded', 'followUpRecorded', 'needChanged']);
    // The client keeps the place until a new placement replaces it or the case closes.
    expect((await worker().get(`/api/cases/${c.caseId}/placement`)).body.active).toMatchObject({ unitId });
  });

  it('ends the service at a follow-up: CLOSED, the place freed, the person free to start a new case', async () => {
    const { unitId } = await unitWith(s, { places: 3, occupied: 1, services: ['SUPPORTED'] });
    const hetu = contactBody().client.hetu;
    const c = await caseAt(s, 'PLACED', { service: 'SUPPORTED', unitId, contact: { client: { hetu, firstName: 'Testi', lastName: 'Päättyvä' } } });
    expect((await s.as(USERS.worker).get(`/api/units/${unitId}`)).body.occupied).toBe(2);
    const p = await worker().put(`/api/cases/${c.caseId}/plan`, plan);
    const otherNoNote = await worker().post(`/api/cases/${c.caseId}/followups`, { version: p.body.version, reviewedOn: '2026-11-20', outcome: 'serviceEnded', notes: 'x', closeReason: 'OTHER' });
    expect(otherNoNote.body.errors[0].field).toBe('body.closeNote');
    const ended = await worker().post(`/api/cases/${c.caseId}/followups`, { version: p.body.version, reviewedOn: '2026-11-20', outcome: 'serviceEnded', notes: 'Asuu omillaan.' });
    expect(ended.status).toBe(201);
    expect(ended.body).toMatchObject({ state: 'CLOSED', nextReview: null, followUps: [{ outcome: 'serviceEnded', closeReason: 'SERVICE_ENDED' }] });
    const closed = await s.composed.deps.cases.mustGet(c.caseId);
    expect(closed.value).toMatchObject({ state: 'CLOSED', closeReason: 'SERVICE_ENDED' });
    expect((await s.as(USERS.worker).get(`/api/units/${unitId}`)).body.occupied).toBe(1);
    expect((await worker().get(`/api/cases/${c.caseId}/placement`)).body.placements[0]).toMatchObject({ status: 'ended', endReason: 'caseClosed' });
    const again = await worker().post('/api/contacts', contactBody({}, { hetu, firstName: 'Testi', lastName: 'Päättyvä' }));
    expect(again.status).toBe(201);
    expect(again.body.caseId).not.toBe(c.caseId);
  });
});

describe('changed need, closing, ending a place', () => {
  it('closes a case with a reason (OTHER needs a note); a stale version writes nothing', async () => {
    const c = await caseAt(s, 'DECIDED', { service: 'COMMUNAL' });
    const noNote = await worker().post(`/api/cases/${c.caseId}/close`, { version: c.version, reason: 'OTHER' });
    expect(noNote.body.errors[0].field).toBe('body.note');
    expect((await worker().post(`/api/cases/${c.caseId}/close`, { version: 'W/"old"', reason: 'NO_NEED' })).status).toBe(412);
    expect((await s.composed.deps.cases.mustGet(c.caseId)).value.state).toBe('DECIDED');
    const r = await worker().post(`/api/cases/${c.caseId}/close`, { version: c.version, reason: 'CLIENT_DECLINED' });
    expect(r.body).toMatchObject({ state: 'CLOSED' });
    const twice = await worker().post(`/api/cases/${c.caseId}/close`, { version: r.body.caseVersion, reason: 'NO_NEED' });
    expect(twice.body.code).toBe('case.wrongState');
  });

  it('sends a queued case back to assessment and ends an old place on request', async () => {
    const q = await caseAt(s, 'QUEUED', { service: 'COMMUNAL' });
    const r = await worker().post(`/api/cases/${q.caseId}/need-changed`, { version: q.version, note: 'Tilanne muuttui' });
    expect(r.body.state).toBe('ASSESSMENT');
    expect((await worker().get(`/api/cases/${q.caseId}/queue`)).body).toMatchObject({ inQueue: false, entry: { left: { reason: 'NEED_CHANGED' } } });

    const { unitId } = await unitWith(s, { places: 2, services: ['COMMUNAL'] });
    const placed = await caseAt(s, 'PLACED', { service: 'COMMUNAL', unitId });
    const endWhilePlaced = await worker().post(`/api/cases/${placed.caseId}/placement/end`, { version: placed.version, endDate: '2026-11-30', reason: 'Muutti' });
    expect(endWhilePlaced.body.code).toBe('case.wrongState');
    const back = await worker().post(`/api/cases/${placed.caseId}/need-changed`, { version: placed.version });
    const endBefore = await worker().post(`/api/cases/${placed.caseId}/placement/end`, { version: back.body.caseVersion, endDate: '2020-01-01', reason: 'Muutti' });
    expect(endBefore.body.errors[0].field).toBe('body.endDate');
    const endOk = await worker().post(`/api/cases/${placed.caseId}/placement/end`, { version: back.body.caseVersion, endDate: '2026-11-30', reason: 'Siirtyi sairaalahoitoon' });
    expect(endOk.status).toBe(200);
    expect((await s.as(USERS.worker).get(`/api/units/${unitId}`)).body.occupied).toBe(0);
    expect((await worker().post(`/api/cases/${placed.caseId}/placement/end`, { version: endOk.body.caseVersion, endDate: '2026-11-30', reason: 'x' })).body.code).toBe('placement.notActive');
  });

  it('keeps client data from roles without a relation', async () => {
    const c = await caseAt(s, 'DECIDED', { service: 'COMMUNAL' });
    for (const path of ['plan', 'placement', 'queue']) {
      expect((await s.as(USERS.organiser).get(`/api/cases/${c.caseId}/${path}`)).status).toBe(403);
      expect((await s.as(USERS.worker2).get(`/api/cases/${c.caseId}/${path}`)).status).toBe(403);
      expect((await s.as(USERS.admin).get(`/api/cases/${c.caseId}/${path}`)).status).toBe(403);
    }
    expect((await s.as(USERS.organiser).put(`/api/cases/${c.caseId}/plan`, plan)).status).toBe(403);
    expect((await s.as(USERS.coordinator).put(`/api/cases/${c.caseId}/plan`, plan)).status).toBe(403);
    // The coordinator reads what placing needs (docs/ACCESS.md), never the plan.
    expect((await s.as(USERS.coordinator).get(`/api/cases/${c.caseId}/plan`)).status).toBe(403);
    expect((await s.as(USERS.coordinator).get(`/api/cases/${c.caseId}/queue`)).status).toBe(200);
    const log = await s.composed.deps.accessLog.forClient(c.clientId);
    expect(log.filter((e) => e.what === 'plan')).toEqual([]);
    expect(log.filter((e) => e.what === 'queue.place').map((e) => [e.actor.userId, e.relation])).toEqual([[USERS.coordinator, 'coordinator']]);
    expect(await caseVersion(c.caseId)).toBe(c.version);
  });
});
