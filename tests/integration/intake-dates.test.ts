// Vireilletulo and dates that cannot be true at intake (HL 20–22 §): 400 naming the field, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { contactBody, testHetu, USERS } from '../support/factories.js';
import { caseAt } from '../support/case-at.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer(); // today: Mon 23.11.2026 9.00 Helsinki
});
afterAll(async () => {
  await s?.close();
});

const RECEIVED = '2026-11-23T08:30:00+02:00';

describe('vireilletulo at intake', () => {
  it('defaults to the contact\'s receipt; the case and its timeline show it and its clocks start there', async () => {
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({ receivedAt: '2026-11-20T15:00:00+02:00' }));
    expect(r.status).toBe(201);
    const c = await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    expect(Date.parse(c.body.case.pendingAt)).toBe(Date.parse('2026-11-20T15:00:00+02:00'));
    expect(c.body.timeline[0].data).toMatchObject({ pendingAt: '2026-11-20T15:00:00+02:00' });
    const start = c.body.clocks.find((k: { id: string }) => k.id === 'assessmentStart');
    expect(start).toMatchObject({ startedOn: '2026-11-20', dueDate: '2026-12-01', workingDaysLeft: 6 });
  });

  it('a forwarded request (HL 21 §) is pending from its arrival, with the other authority recorded', async () => {
    const forwardedFrom = { authority: 'Kela', arrivedAt: '2026-11-23T08:00:00+02:00' };
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({ receivedAt: '2026-11-18T10:00:00+02:00', forwardedFrom }));
    expect(r.status).toBe(201);
    const c = await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    expect(c.body.case.forwardedFrom).toEqual(forwardedFrom);
    expect(Date.parse(c.body.case.pendingAt)).toBe(Date.parse(forwardedFrom.arrivedAt));
    expect(c.body.timeline[0].data).toMatchObject({ forwardedFrom: 'Kela' });
    expect(c.body.clocks.find((k: { id: string }) => k.id === 'implementation')).toMatchObject({ startedOn: '2026-11-23', dueDate: '2027-02-23' });
  });

  it('derives SHL 36 § "over 75" from the birth date at vireilletulo', async () => {
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({ lawGroups: [] }, { hetu: testHetu({ birthDate: '1945-06-01' }) }));
    const c = await s.as(USERS.worker).get(`/api/cases/${r.body.caseId}`);
    expect(c.body.case.lawGroups).toEqual(['OVER_75']);
    expect(c.body.clocks.find((k: { id: string }) => k.id === 'assessmentStart').ruleId).toBe('assessmentStart.law');
  });

  const refusals: Array<[string, Record<string, unknown>, Record<string, unknown>, string, string]> = [
    ['a later vireilletulo without forwarding', { pendingAt: '2026-11-23T08:45:00+02:00' }, {}, 'intake.pendingNotForwarded', 'body.pendingAt'],
    ['a vireilletulo before the contact', { pendingAt: '2026-11-22T08:30:00+02:00' }, {}, 'date.beforeContact', 'body.pendingAt'],
    ['a contact received in the future', { receivedAt: '2026-11-23T09:30:00+02:00' }, {}, 'date.future', 'body.receivedAt'],
    ['a vireilletulo in the future', { forwardedFrom: { authority: 'Kela', arrivedAt: '2026-11-24T08:00:00+02:00' } }, {}, 'date.future', 'body.forwardedFrom.arrivedAt'],
    ['a birth date after today', {}, { hetu: undefined, birthDate: '2026-11-24' }, 'date.future', 'body.client.birthDate'],
    ['a henkilötunnus born after today', {}, { hetu: testHetu({ birthDate: '2026-12-24' }) }, 'date.future', 'body.client.hetu'],
  ];
  it.each(refusals)('refuses %s with 400 naming the field, and writes nothing', async (_name, over, client, code, field) => {
    const before = (await s.composed.deps.cases.listAll()).length;
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({ receivedAt: RECEIVED, ...over }, client));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code, errors: [{ field }] });
    expect((await s.composed.deps.cases.listAll()).length).toBe(before);
  });
});

describe('the one-off report of cases whose vireilletulo is later than the first contact', () => {
  it('lists them (references and dates only), leaves forwarded requests out and changes nothing', async () => {
    const { latePendingReport } = await import('../../scripts/report-late-pending.js');
    const deps = s.composed.deps;
    // An old case written before HL 20 § was enforced: contact 2.9., vireilletulo recorded 16.9.,
    // assessment started 22.9. — in time as recorded, late counted from the contact.
    const made = await s.as(USERS.worker).post('/api/contacts', contactBody({ receivedAt: '2026-11-02T10:00:00+02:00' }));
    const old = await deps.cases.mustGet(made.body.caseId);
    await deps.cases.update(old.value, { ...old.value, receivedAt: '2026-09-02T10:00:00+03:00', pendingAt: '2026-09-16T10:00:00+03:00', assessmentStartedAt: '2026-09-22T10:00:00+03:00' }, old.version, []);
    const before = await deps.cases.mustGet(made.body.caseId);

    const { rows } = await latePendingReport(deps.store, new Date('2026-11-23T09:00:00+02:00'));
    expect(rows).toHaveLength(1); // the forwarded request of the test above is not a finding
    expect(rows[0]).toMatchObject({ ref: made.body.ref, receivedOn: '2026-09-02', recordedPendingOn: '2026-09-16', daysLater: 14, hiddenBreach: true });
    expect(rows[0]!.clocks.find((k) => k.id === 'assessmentStart')).toMatchObject({
      recorded: { dueDate: '2026-09-25', state: 'met' },
      fromContact: { dueDate: '2026-09-11', state: 'metLate' },
    });
    expect(JSON.stringify(rows)).not.toMatch(/hetu|firstName|lastName/);
    expect((await deps.cases.mustGet(made.body.caseId)).version).toBe(before.version);
  });
});

describe('a case sent back to assessment gets its clocks again', () => {
  it('a changed need starts a new matter: new vireilletulo, the first kept, the assessment clocks run again', async () => {
    const queued = await caseAt(s, 'QUEUED');
    const was = s.clock.now().toISOString();
    s.clock.set('2026-12-02T10:00:00+02:00');
    try {
      const r = await s.as(USERS.worker).post(`/api/cases/${queued.caseId}/need-changed`, { version: queued.version, note: 'Tarvitsee enemmän tukea.' });
      expect(r.status).toBeLessThan(300);
      const c = await s.as(USERS.worker).get(`/api/cases/${queued.caseId}`);
      expect(c.body.case.state).toBe('ASSESSMENT');
      expect(Date.parse(c.body.case.firstPendingAt)).toBe(Date.parse(queued.record.pendingAt));
      expect(c.body.case.pendingAt).toBe('2026-12-02T08:00:00.000Z');
      const byId = Object.fromEntries(c.body.clocks.map((k: { id: string }) => [k.id, k]));
      expect(byId.assessmentStart).toMatchObject({ startedOn: '2026-12-02', state: 'onTime', workingDaysLeft: 7 });
      expect(byId.assessmentFinish).toMatchObject({ startedOn: '2026-12-02', state: 'onTime' });
      expect(byId.implementation).toMatchObject({ startedOn: '2026-12-02', dueDate: '2027-03-02' });
    } finally {
      s.clock.set(was);
    }
  });
});
