/**
 * Daily reminders across instances: two servers (two schedulers) against one Azurite, each
 * running the reminder job at the same moment — every person gets exactly one message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { installPersonal, personalConversation } from './activities.js';
import { cardText, postActivity } from './client.js';
import { caseReadyForSap, newMeeting } from './helpers.js';
import { expectValidCard } from './validate-card.js';

const THURSDAY_MORNING = '2026-11-26T09:00:00+02:00';
let a: TestServer;
let b: TestServer;
let stub: ConnectorStub;
let lateRef: string;
let bookedRef: string;

beforeAll(async () => {
  a = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
  b = await startTestServer({ now: '2026-11-23T09:00:00+02:00', env: { TABLE_PREFIX: a.config.TABLE_PREFIX } });
  stub = await startConnectorStub();
  for (const userId of [USERS.worker, USERS.chair, USERS.lead]) await postActivity(a.baseUrl, installPersonal(stub.url, { userId }));
  // A contact from three weeks ago whose assessment has not started: the legal clock is late.
  const late = await a.as(USERS.worker).post('/api/contacts', (await import('../support/factories.js')).contactBody({ receivedAt: '2026-11-02T08:30:00+02:00' }));
  expect(late.status).toBe(201);
  lateRef = late.body.ref;
  // Tomorrow's SAP meeting (Friday) with the worker's booking on it.
  const m = await newMeeting(a, '2026-11-27T13:00:00+02:00', 60);
  const ready = await caseReadyForSap(a, USERS.worker);
  bookedRef = ready.ref;
  const booked = await a.as(USERS.worker).post(`/api/sap/meetings/${m.id}/bookings`, { caseId: ready.caseId, startMinute: 10, lengthMinutes: 20 });
  expect(booked.status).toBe(201);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await stub?.close();
});

describe('daily reminders', () => {
  it('sends nothing before the configured hour', async () => {
    stub.reset(); // the welcome messages of the installs
    a.clock.set('2026-11-26T07:30:00+02:00');
    await a.composed.teams!.runJobs();
    expect(stub.sent()).toHaveLength(0);
  });

  it('two schedulers on one storage: each person gets exactly one gathered message', async () => {
    a.clock.set(THURSDAY_MORNING);
    b.clock.set(THURSDAY_MORNING);
    stub.reset();
    await Promise.all([a.composed.teams!.runJobs(), b.composed.teams!.runJobs(), a.composed.teams!.runJobs(), b.composed.teams!.runJobs()]);
    for (const userId of [USERS.worker, USERS.chair, USERS.lead]) expect(stub.sent(personalConversation(userId))).toHaveLength(1);

    const worker = stub.cards(personalConversation(USERS.worker))[0];
    expectValidCard(worker);
    const text = cardText(worker);
    expect(text).toContain(lateRef);
    expect(text).toMatch(/Arvioinnin aloitus, asia .*myöhässä/);
    expect(text).toContain(`SAP-aikasi`);
    expect(text).toContain(bookedRef);
    expect(JSON.stringify(worker)).not.toMatch(/Testi|Demo|Kuvitteellinen|Esimerkki|Malli|Keksitty|\d{6}[-+A-FU-Y]\d{3}/);

    const chair = stub.cards(personalConversation(USERS.chair))[0];
    expectValidCard(chair);
    expect(cardText(chair)).toMatch(/SAP-kokous .*esityslistalla 1, varattuna 20 min/);
    expect(cardText(chair)).not.toContain(bookedRef);

    // Later ticks the same day, on either instance, send nothing more.
    b.clock.set('2026-11-26T15:00:00+02:00');
    await Promise.all([a.composed.teams!.runJobs(), b.composed.teams!.runJobs()]);
    expect(stub.sent()).toHaveLength(3);
  });

  it('a muted kind is left out, a legal deadline never', async () => {
    await a.as(USERS.worker).put('/api/me/preferences', { mutedReminders: ['sapSlotSoon'] });
    const refused = await a.as(USERS.worker).put('/api/me/preferences', { mutedReminders: ['assessmentClock'] });
    expect(refused.status).toBe(400);
    // Friday: a new day, a new message.
    for (const s of [a, b]) s.clock.set('2026-11-27T08:05:00+02:00');
    stub.reset();
    await Promise.all([a.composed.teams!.runJobs(), b.composed.teams!.runJobs()]);
    const worker = stub.cards(personalConversation(USERS.worker));
    expect(worker).toHaveLength(1);
    expect(cardText(worker[0])).toContain(lateRef);
    expect(cardText(worker[0])).not.toContain('SAP-aikasi');
  });
});
