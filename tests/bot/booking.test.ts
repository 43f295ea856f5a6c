/**
 * Protocol tests: real Bot Framework activities posted over HTTP to /api/messages of a real
 * server (real Azurite), the bot's replies going to a local connector stub. Every card is
 * validated for Adaptive Cards 1.5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { BOT, invoke, message, personalConversation } from './activities.js';
import { cardOf, cardText, findAction, postActivity } from './client.js';
import { caseReadyForSap, newMeeting } from './helpers.js';
import { expectValidCard } from './validate-card.js';

let s: TestServer;
let stub: ConnectorStub;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
  stub = await startConnectorStub();
});
afterAll(async () => {
  await s?.close();
  await stub?.close();
});

const card = async (who: string, verb: string, data: Record<string, unknown>, locale = 'fi-FI') => {
  const c = cardOf(await postActivity(s.baseUrl, invoke(stub.url, { userId: who, locale }, verb, data)));
  expectValidCard(c);
  return c;
};

describe('chat commands over /api/messages', () => {
  it.each([
    ['fi-FI', 'ohje', 'Mitä Polku tekee chatissa'],
    ['sv-FI', 'hjälp', 'Vad Polku gör i chatten'],
    ['en-US', 'help', 'What Polku does in chat'],
  ])('%s: "%s" is answered with the help card', async (locale, text, heading) => {
    const who = { userId: USERS.worker, locale };
    const before = stub.sent(personalConversation(USERS.worker)).length;
    const r = await postActivity(s.baseUrl, message(stub.url, who, text));
    expect(r.status).toBe(200);
    const sent = await stub.waitFor(before + 1, personalConversation(USERS.worker));
    const reply = sent.at(-1)!;
    // The Teams SDK answers in the same conversation as the bot (a new activity, not the v3 reply-to URL).
    expect(reply.body).toMatchObject({ type: 'message', from: { id: BOT.id }, conversation: { id: personalConversation(USERS.worker) } });
    const c = reply.body.attachments[0].content;
    expectValidCard(c);
    expect(cardText(c)).toContain(heading);
  });

  it('refuses, in local mode, activities whose serviceUrl is not on this machine', async () => {
    const r = await postActivity(s.baseUrl, message('https://smba.trafficmanager.net/emea/', { userId: USERS.worker }, 'ohje'));
    expect(r.status).toBe(403);
  });
});

describe('booking a SAP slot in chat', () => {
  it('meeting → length → start and own case → confirm; then my bookings, and cancel', async () => {
    const m = await newMeeting(s);
    const own = await caseReadyForSap(s, USERS.worker);
    const other = await caseReadyForSap(s, USERS.worker2);
    const meetings = await card(USERS.worker, 'view', { view: { screen: 'meetings' } });
    const pick = findAction(meetings, (a) => a.data?.view?.meetingId === m.id);
    expect(pick).toBeTruthy();
    const length = await card(USERS.worker, pick.verb, pick.data);
    const show = findAction(length, (a) => a.data?.view?.screen === 'starts');
    const starts = await card(USERS.worker, show.verb, { ...show.data, lengthMinutes: '20' });
    const text = cardText(starts);
    expect(text).toContain(own.ref);
    expect(text).not.toContain(other.ref);
    const confirm = findAction(starts, (a) => a.verb === 'book.confirm');
    const booked = await card(USERS.worker, 'book.confirm', { ...confirm.data, startMinute: '20', caseId: own.caseId });
    expect(cardText(booked)).toMatch(new RegExp(`Varattu: .*20 min, asia ${own.ref}`));
    expect(booked.refresh.userIds).toEqual([USERS.worker]);
    const again = await card(USERS.worker, 'book.confirm', { ...confirm.data, startMinute: '20', caseId: own.caseId });
    expect(again).toEqual(booked);
    // The refresh re-renders the booking from storage.
    const refreshed = await card(USERS.worker, booked.refresh.action.verb, booked.refresh.action.data);
    expect(cardText(refreshed)).toContain(own.ref);

    const mine = await card(USERS.worker, 'view', { view: { screen: 'bookings' } });
    expect(cardText(mine)).toContain(own.ref);
    expect(JSON.stringify(mine)).not.toMatch(/Testi|Demo|Kuvitteellinen|Esimerkki|Malli|Keksitty/);
    const cancel = findAction(mine, (a) => a.data?.view?.screen === 'cancelAsk');
    const ask = await card(USERS.worker, cancel.verb, cancel.data);
    const yes = findAction(ask, (a) => a.verb === 'booking.cancel');
    const done = await card(USERS.worker, yes.verb, yes.data);
    expect(cardText(done)).toContain('Peruttu');
    const c = (await s.composed.deps.cases.get(own.caseId))!.value;
    expect(c.state).toBe('ASSESSMENT');
  });

  it("cannot book another worker's case, even with its id", async () => {
    const m = await newMeeting(s);
    const other = await caseReadyForSap(s, USERS.worker2);
    const r = await card(USERS.worker, 'book.confirm', { meetingId: m.id, lengthMinutes: 10, requestId: 'x-1', startMinute: '0', caseId: other.caseId });
    expect(cardText(r)).toMatch(/oikeutta|omille/);
    expect((await s.composed.deps.cases.get(other.caseId))!.value.state).toBe('ASSESSMENT');
  });

  it('twenty concurrent invokes for one slot: one booking; the others are told and offered the next free start', { timeout: 180_000 }, async () => {
    const m = await newMeeting(s);
    const workers = [USERS.worker, USERS.workerSv, USERS.worker2];
    const cases: Array<{ worker: string; caseId: string; ref: string }> = [];
    for (let i = 0; i < 20; i++) cases.push({ worker: workers[i % 3]!, ...(await caseReadyForSap(s, workers[i % 3]!)) });
    const answers = await Promise.all(
      cases.map((c, i) =>
        postActivity(s.baseUrl, invoke(stub.url, { userId: c.worker, locale: 'en-GB' }, 'book.confirm', { meetingId: m.id, lengthMinutes: 10, requestId: `race-${i}`, startMinute: '0', caseId: c.caseId })),
      ),
    );
    // Twenty bookings at once on a small test machine may pass Teams' 5-second window: the bot
    // then answers "tap again" and finishes in the background; the same invoke again (the
    // person tapping again) gets the stored answer, and nothing is done twice.
    const slow = (c: unknown) => /taking longer than usual|changed this at the same time/.test(cardText(c));
    const cards = answers.map(cardOf);
    for (let round = 0; round < 20 && cards.some(slow); round++) {
      await new Promise((r) => setTimeout(r, 500));
      await Promise.all(
        cards.map(async (c, i) => {
          if (!slow(c)) return;
          const x = cases[i]!;
          cards[i] = cardOf(await postActivity(s.baseUrl, invoke(stub.url, { userId: x.worker, locale: 'en-GB' }, 'book.confirm', { meetingId: m.id, lengthMinutes: 10, requestId: `race-${i}`, startMinute: '0', caseId: x.caseId })));
        }),
      );
    }
    cards.forEach(expectValidCard);
    const won = cards.filter((c) => /Booked: /.test(cardText(c)));
    const lost = cards.filter((c) => /Someone took that time just before you/.test(cardText(c)));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const c of lost) expect(JSON.stringify(c)).toMatch(/"id":"startMinute"[^}]*"value":"10"/);
    const p = await s.composed.deps.sap.getMeeting(m.id);
    expect(p!.bookings).toHaveLength(1);
    const inSap = (await Promise.all(cases.map((c) => s.composed.deps.cases.get(c.caseId)))).filter((c) => c!.value.state === 'SAP');
    expect(inSap).toHaveLength(1);
    // The access log records what happened (docs/ACCESS.md): one booking done; the others' attempts carry their outcome.
    const records = await Promise.all(cases.map((c) => s.composed.deps.cases.get(c.caseId)));
    const rows = (await Promise.all(records.map((r) => s.composed.deps.accessLog.forClient(r!.value.clientId)))).flat().filter((e) => e.what === 'sap.booking' && e.action === 'update');
    expect(rows.filter((e) => e.outcome === undefined)).toHaveLength(1);
    expect(rows.filter((e) => e.outcome !== undefined).map((e) => e.outcome)).toEqual(Array(19).fill('slot.taken'));
  });
});
