import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, USERS } from '../support/factories.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

const content = (over: Record<string, unknown> = {}) => ({
  housingSituation: 'Asuu tilapäisesti tuttavan luona; vuokrasopimus päättyi lokakuussa.',
  mentalHealth: 'Psykiatrian poliklinikan asiakas, lääkitys käytössä.',
  substanceUse: 'Ei tällä hetkellä.',
  physicalHealth: 'Ei olennaisia rajoitteita.',
  functionalCapacity: 'Tarvitsee ohjausta raha-asioissa ja arjen rytmissä.',
  socialNetwork: 'Sisar tukee satunnaisesti.',
  finances: 'Työmarkkinatuki ja asumistuki.',
  clientView: '"Haluan oman asunnon, jossa joku käy auttamassa."',
  professionalsConsulted: [{ profession: 'psykiatrinen sairaanhoitaja', organisation: 'Psykiatrian poliklinikka', summary: 'Puoltaa tuettua asumista.' }],
  conclusion: 'Tarvitsee tuettua asumista omaan kotiin.',
  proposedService: 'SUPPORTED',
  ...over,
});

async function newCase(worker: string = USERS.worker) {
  const r = await s.as(worker).post('/api/contacts', contactBody());
  expect(r.status).toBe(201);
  return r.body.caseId as string;
}

describe('service-need assessment', () => {
  it('runs start → save → stale save refused → finish → delivery, with the case and its clocks in step', async () => {
    const caseId = await newCase();
    const w = s.as(USERS.worker);
    const started = await w.post(`/api/cases/${caseId}/assessment/start`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ caseState: 'ASSESSMENT', assessment: { round: 1 }, missingToFinish: ['clientView', 'conclusion', 'proposedService'] });
    expect((await w.post(`/api/cases/${caseId}/assessment/start`)).status).toBe(200); // a retry is harmless

    const v1 = started.body.version;
    const saved = await w.put(`/api/cases/${caseId}/assessment`, { version: v1, content: content({ conclusion: '' }) });
    expect(saved.status).toBe(200);
    expect(saved.body.version).not.toBe(v1);
    expect(saved.body.missingToFinish).toEqual(['conclusion']);

    // Someone saving on top of the old version is refused, and the newer text stays.
    const stale = await w.put(`/api/cases/${caseId}/assessment`, { version: v1, content: content({ housingSituation: 'vanha' }) });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.code).toBe('conflict.version');
    const read = await w.get(`/api/cases/${caseId}/assessment`);
    expect(read.body.assessment.content.housingSituation).toBe(content().housingSituation);
    expect(read.body.version).toBe(saved.body.version);
    expect(read.headers.get('etag')).toBe(JSON.stringify(saved.body.version));

    const early = await w.post(`/api/cases/${caseId}/assessment/finish`, { version: saved.body.version });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'assessment.incomplete', missing: ['conclusion'] });

    // If-Match works as well as the body field.
    const full = await w.put(`/api/cases/${caseId}/assessment`, { content: content() }, { 'if-match': read.headers.get('etag')! });
    expect(full.status).toBe(200);
    const finished = await w.post(`/api/cases/${caseId}/assessment/finish`, { version: full.body.version });
    expect(finished.status).toBe(200);
    expect(finished.body.assessment.finishedAt).toBeTruthy();

    const c = await w.get(`/api/cases/${caseId}`);
    expect(c.body.case).toMatchObject({ state: 'ASSESSMENT', service: 'SUPPORTED', workerId: USERS.worker });
    expect(c.body.case.assessmentStartedAt).toBeTruthy();
    expect(c.body.case.assessmentFinishedAt).toBeTruthy();
    const clock = (id: string) => c.body.clocks.find((k: { id: string }) => k.id === id);
    expect(clock('assessmentStart').state).toMatch(/^met/);
    expect(clock('assessmentFinish').state).toMatch(/^met/);
    expect(c.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'startAssessment', 'assessmentFinished']);
    expect(c.body.timeline[1]).toMatchObject({ from: 'RECEIVED', to: 'ASSESSMENT', actor: { userId: USERS.worker } });

    const after = await w.put(`/api/cases/${caseId}/assessment`, { version: finished.body.version, content: content() });
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('assessment.finished');

    const future = await w.post(`/api/cases/${caseId}/assessment/delivery`, { version: finished.body.version, deliveredOn: '2026-12-01', way: 'post' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('body.deliveredOn');
    const delivered = await w.post(`/api/cases/${caseId}/assessment/delivery`, { version: finished.body.version, deliveredOn: '2026-11-23', way: 'inPerson' });
    expect(delivered.status).toBe(200);
    expect(delivered.body.assessment.delivery).toMatchObject({ deliveredOn: '2026-11-23', way: 'inPerson', recordedBy: { userId: USERS.worker } });
  });

  it('starts a new round from a copy of a finished one, keeping the first finish for the clock', async () => {
    const caseId = await newCase();
    const w = s.as(USERS.worker);
    const r1 = await w.post(`/api/cases/${caseId}/assessment/start`);
    const saved = await w.put(`/api/cases/${caseId}/assessment`, { version: r1.body.version, content: content() });
    await w.post(`/api/cases/${caseId}/assessment/finish`, { version: saved.body.version });
    const firstFinish = (await s.composed.deps.cases.get(caseId))!.value.assessmentFinishedAt;
    s.clock.advance(3600_000);
    const r2 = await w.post(`/api/cases/${caseId}/assessment/start`);
    expect(r2.status).toBe(201);
    expect(r2.body.assessment).toMatchObject({ round: 2, content: { conclusion: content().conclusion } });
    expect(r2.body.assessment.finishedAt).toBeUndefined();
    expect(r2.body.earlierRounds).toHaveLength(1);
    const again = await w.put(`/api/cases/${caseId}/assessment`, { version: r2.body.version, content: content({ conclusion: 'Täydennetty.' }) });
    await w.post(`/api/cases/${caseId}/assessment/finish`, { version: again.body.version });
    expect((await s.composed.deps.cases.get(caseId))!.value.assessmentFinishedAt).toBe(firstFinish);
  });

  it('assigns an unassigned case to the worker who starts it', async () => {
    const caseId = await newCase();
    const found = (await s.composed.deps.cases.get(caseId))!;
    await s.composed.deps.cases.update(found.value, { ...found.value, workerId: undefined, workerName: undefined }, found.version, []);
    const r = await s.as(USERS.worker2).post(`/api/cases/${caseId}/assessment/start`);
    expect(r.status).toBe(201);
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    expect(c).toMatchObject({ workerId: USERS.worker2, state: 'ASSESSMENT' });
    // Now it is someone's: another worker cannot take it over.
    expect((await s.as(USERS.worker).post(`/api/cases/${caseId}/assessment/start`)).status).toBe(403);
  });

  it('records client-caused delays that extend the SHL 45 § clock', async () => {
    const caseId = await newCase();
    const w = s.as(USERS.worker);
    await w.post(`/api/cases/${caseId}/assessment/start`);
    const bad = await w.post(`/api/cases/${caseId}/assessment/delays`, { from: '2026-11-30', to: '2026-11-24', reason: 'Sairaalassa' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('body.to');
    // Today is 23.11.2026: a delay that ends in the future cannot be true yet (nothing written).
    const future = await w.post(`/api/cases/${caseId}/assessment/delays`, { from: '2026-11-23', to: '2026-11-30', reason: 'Sairaalassa' });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: 'date.future', errors: [{ field: 'body.to' }] });
    // An ongoing delay is recorded open-ended, then closed when it ends.
    const open = await w.post(`/api/cases/${caseId}/assessment/delays`, { from: '2026-11-23', reason: 'Asiakas sairaalahoidossa, ei tavoitettavissa' });
    expect(open.status).toBe(201);
    expect(open.body.clientDelays).toHaveLength(1);
    expect(open.body.clientDelays[0].to).toBeUndefined();
    const during = await w.get(`/api/cases/${caseId}`);
    expect(during.body.clocks.find((k: { id: string }) => k.id === 'implementation').extensionDays).toBe(1);
    const was = s.clock.now().toISOString();
    s.clock.set('2026-12-01T10:00:00+02:00');
    try {
      const early = await w.post(`/api/cases/${caseId}/assessment/delays/close`, { index: 0, to: '2026-12-02' });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ code: 'date.future', errors: [{ field: 'body.to' }] });
      const closed = await w.post(`/api/cases/${caseId}/assessment/delays/close`, { index: 0, to: '2026-11-29' });
      expect(closed.status).toBe(200);
      expect(closed.body.clientDelays[0]).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
      const again = await w.post(`/api/cases/${caseId}/assessment/delays/close`, { index: 0, to: '2026-11-30' });
      expect(again.status).toBe(409);
      const c = await w.get(`/api/cases/${caseId}`);
      const impl = c.body.clocks.find((k: { id: string }) => k.id === 'implementation');
      expect(impl.extensionDays).toBe(7);
      expect(c.body.timeline.at(-1)).toMatchObject({ type: 'clientDelayClosed', data: { from: '2026-11-23', to: '2026-11-29' } });
    } finally {
      s.clock.set(was);
    }
  });

  it('answers bad input with 400 naming the field and writes nothing', async () => {
    const caseId = await newCase();
    const w = s.as(USERS.worker);
    const started = await w.post(`/api/cases/${caseId}/assessment/start`);
    const bad = await w.put(`/api/cases/${caseId}/assessment`, { version: started.body.version, content: content({ proposedService: 'CASTLE' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('body.content.proposedService');
    const unknown = await w.put(`/api/cases/${caseId}/assessment`, { version: started.body.version, content: content(), extra: 1 });
    expect(unknown.status).toBe(400);
    const noVersion = await w.put(`/api/cases/${caseId}/assessment`, { content: content() });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors[0].field).toBe('body.version');
    const read = await w.get(`/api/cases/${caseId}/assessment`);
    expect(read.body.version).toBe(started.body.version);
    expect(read.body.assessment.content.conclusion).toBe('');
  });

  it('needs the assigned worker to write and a relation to read; every read is logged', async () => {
    const caseId = await newCase();
    await s.as(USERS.worker).post(`/api/cases/${caseId}/assessment/start`);
    expect((await s.as(USERS.worker2).get(`/api/cases/${caseId}/assessment`)).status).toBe(403);
    expect((await s.as(USERS.chair).get(`/api/cases/${caseId}/assessment`)).status).toBe(403);
    expect((await s.as(USERS.organiser).get(`/api/cases/${caseId}/assessment`)).status).toBe(403);
    expect((await s.as(USERS.chair).post(`/api/cases/${caseId}/assessment/start`)).status).toBe(403);
    await s.as(USERS.worker).get(`/api/cases/${caseId}/assessment`);
    const c = (await s.composed.deps.cases.get(caseId))!.value;
    const log = await s.composed.deps.accessLog.forClient(c.clientId);
    expect(log.map((e) => `${e.action}:${e.what}:${e.actor.userId}`)).toEqual([
      `create:contact:${USERS.worker}`,
      `update:assessment.start:${USERS.worker}`,
      `read:assessment:${USERS.worker}`,
    ]);
    expect((await s.composed.deps.accessLog.verifyChain(c.clientId)).ok).toBe(true);
  });
});
