/**
 * The bot's commands and card actions through the Teams SDK App (createBotApp: the same App,
 * routes and invoke answers as /api/messages, in unauthenticated local mode) with in-memory
 * ports; replies go to the local connector stub. Every card the bot produces is validated against
 * Adaptive Cards 1.5.
 */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/src/config.js';
import { createBotApp } from '../../bot/src/teams/adapter.js';
import { PolkuBot } from '../../bot/src/teams/bot.js';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { expectValidCard } from '../bot/validate-card.js';
import { cardText, findAction } from '../bot/client.js';
import { fakePorts, WORKER } from './bot-fakes.js';

const silent = pino({ level: 'silent' });
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });

let stub: ConnectorStub;
beforeAll(async () => {
  stub = await startConnectorStub();
});
afterAll(async () => {
  await stub?.close();
});

type Sent = { type?: string; text?: string; attachments?: Array<{ content?: unknown }> };

function setup(locale = 'fi-FI', conversationType = 'personal') {
  const f = fakePorts();
  const bot = new PolkuBot(f.ports, silent);
  const b = createBotApp(config, silent);
  bot.attach(b.app);
  const conv = `conv-${randomUUID()}`;
  const base = () => ({
    id: `act-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: stub.url,
    locale,
    recipient: { id: '28:polku', name: 'Polku' },
    conversation: { id: conv, conversationType, tenantId: 't1' },
  });
  const post = (activity: Record<string, unknown>) => b.handle({ body: { ...base(), ...activity }, headers: {} });
  /** Sends a message; returns the replies (what reached the connector). */
  const say = async (text: string): Promise<Sent[]> => {
    const before = stub.sent(conv).length;
    const r = await post({ type: 'message', text, from: { id: '29:w', aadObjectId: WORKER.id, name: WORKER.name } });
    expect(r.status).toBe(200);
    return stub.sent(conv).slice(before).map((c) => c.body as Sent);
  };
  /** An Action.Execute invoke; returns the card answered. */
  const execute = async (verb: string, data: Record<string, unknown>, as = WORKER.id) => {
    const r = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: { id: '29:x', aadObjectId: as, name: 'x' },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    expect(r.status).toBe(200);
    const body = r.body as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(body.value);
    return body.value as Record<string, any>;
  };
  const cardOf = (a: Sent) => {
    const c = a.attachments?.[0]?.content;
    expectValidCard(c);
    return c as Record<string, any>;
  };
  return { f, conv, post, say, execute, cardOf };
}

describe('bot commands (Teams SDK App)', () => {
  it.each([
    ['fi-FI', 'ohje', 'Mitä Polku tekee chatissa'],
    ['sv-FI', 'hjälp', 'Vad Polku gör i chatten'],
    ['en-US', 'help', 'What Polku does in chat'],
    ['de-DE', 'help', 'What Polku does in chat'],
  ])('%s "%s" explains what the bot does, in the language of the locale', async (locale, text, heading) => {
    const t = setup(locale);
    const [reply] = await t.say(text);
    expect(cardText(t.cardOf(reply!))).toContain(heading);
  });

  it('"varaa" lists the meetings with free time; the card refreshes for this user only', async () => {
    const t = setup();
    const [reply] = await t.say('Varaa');
    const card = t.cardOf(reply!);
    expect(card.refresh).toMatchObject({ userIds: [WORKER.id], action: { type: 'Action.Execute', verb: 'view' } });
    expect(cardText(card)).toContain('vapaana 30 min');
  });

  it('answers an unknown text with a pointer to help, in Swedish for sv', async () => {
    const t = setup('sv-SE');
    const [reply] = await t.say('vad är klockan');
    expect(reply!.text).toContain('hjälp');
  });

  it('in a channel shows only a base card naming the person; the steps come by refresh', async () => {
    const t = setup('fi-FI', 'channel');
    const [reply] = await t.say('varaa');
    const card = t.cardOf(reply!);
    expect(cardText(card)).toContain(WORKER.name);
    expect(cardText(card)).not.toMatch(/P-2026/);
    expect(card.refresh.userIds).toEqual([WORKER.id]);
  });
});

describe('bot card actions (Teams SDK App)', () => {
  it('books: meeting → length → start and case → confirm; a repeated invoke books once', async () => {
    const t = setup();
    const length = await t.execute('view', { view: { screen: 'length', meetingId: 'm1' } });
    expect(cardText(length)).toContain('20 minuuttia');
    const starts = await t.execute('view', { view: { screen: 'starts', meetingId: 'm1' }, lengthMinutes: '20' });
    expect(cardText(starts)).toContain('P-2026-AAA222');
    const confirm = findAction(starts, (a) => a.verb === 'book.confirm');
    const data = { ...confirm.data, startMinute: '0', caseId: 'c1' };
    const done = await t.execute('book.confirm', data);
    expect(cardText(done)).toMatch(/Varattu: .* 20 min, asia P-2026-AAA222/);
    expect(done.refresh.action.data.view).toMatchObject({ screen: 'booking', caseId: 'c1' });
    const again = await t.execute('book.confirm', data);
    expect(again).toEqual(done);
    expect(t.f.bookings).toHaveLength(1);
    expect(t.f.bookCalls).toBe(1);
  });

  it('when the slot was just taken, says so and preselects the next free start', async () => {
    const t = setup();
    await t.f.ports.sap.book(WORKER, { meetingId: 'm1', startMinute: 0, lengthMinutes: 10, caseId: 'c2' });
    const starts = await t.execute('view', { view: { screen: 'starts', meetingId: 'm1', lengthMinutes: 10 } });
    const confirm = findAction(starts, (a) => a.verb === 'book.confirm');
    const lost = await t.execute('book.confirm', { ...confirm.data, startMinute: '0', caseId: 'c1' });
    expect(cardText(lost)).toMatch(/Joku ehti varata ajan juuri ennen sinua\. Seuraava vapaa alkuaika on 13\.10/);
    const choice = JSON.stringify(lost).match(/"id":"startMinute"[^}]*"value":"(\d+)"/);
    expect(choice?.[1]).toBe('10');
  });

  it('asks for a case when none was chosen', async () => {
    const t = setup('en-GB');
    const r = await t.execute('book.confirm', { meetingId: 'm1', lengthMinutes: 10, requestId: 'r1', startMinute: '0' });
    expect(cardText(r)).toContain('Choose a start and a case.');
    expect(t.f.bookings).toHaveLength(0);
  });

  it('lists my bookings with cancel and move; cancel asks first, then cancels once', async () => {
    const t = setup('en-GB');
    const b = await t.f.ports.sap.book(WORKER, { meetingId: 'm2', startMinute: 20, lengthMinutes: 30, caseId: 'c1' });
    const list = await t.execute('view', { view: { screen: 'bookings' } });
    expect(cardText(list)).toContain('30 min · P-2026-AAA222');
    const ask = await t.execute('view', { view: { screen: 'cancelAsk', caseId: b.caseId, bookingId: b.id } });
    const yes = findAction(ask, (a) => a.verb === 'booking.cancel');
    const done = await t.execute('booking.cancel', yes.data);
    expect(cardText(done)).toContain('Cancelled:');
    expect(cardText(done)).toContain('You have no upcoming SAP bookings.');
    expect(await t.execute('booking.cancel', yes.data)).toEqual(done);
  });

  it('moves a booking to another meeting', async () => {
    const t = setup('en-GB');
    const b = await t.f.ports.sap.book(WORKER, { meetingId: 'm1', startMinute: 0, lengthMinutes: 10, caseId: 'c1' });
    const list = await t.execute('view', { view: { screen: 'bookings' } });
    const move = findAction(list, (a) => a.data?.view?.move);
    expect(move.data.view.move).toMatchObject({ meetingId: 'm1', bookingId: b.id });
    const starts = await t.execute('view', { view: { screen: 'starts', meetingId: 'm2', lengthMinutes: 10, move: move.data.view.move } });
    const confirm = findAction(starts, (a) => a.verb === 'book.confirm');
    const done = await t.execute('book.confirm', { ...confirm.data, startMinute: '30' });
    expect(cardText(done)).toContain('Moved:');
    expect(t.f.bookings[0]).toMatchObject({ meetingId: 'm2', startMinute: 30 });
  });

  it('acknowledges a notice from its card and shows when; repeats change nothing', async () => {
    const t = setup('sv-FI');
    const before = await t.execute('view', { view: { screen: 'notice', noticeId: 'n1' } });
    expect(findAction(before, (a) => a.verb === 'notice.ack')?.title).toBe('Kvittera');
    const after = await t.execute('notice.ack', { noticeId: 'n1' });
    expect(cardText(after)).toContain('Du kvitterade detta');
    expect(findAction(after, (a) => a.verb === 'notice.ack')).toBeUndefined();
    expect(await t.execute('notice.ack', { noticeId: 'n1' })).toEqual(after);
    expect(after.refresh).toMatchObject({ userIds: [WORKER.id], action: { data: { view: { screen: 'notice', noticeId: 'n1' } } } });
  });

  it('reminder settings: turning a kind off keeps legal deadlines on', async () => {
    const t = setup();
    const prefs = await t.execute('view', { view: { screen: 'prefs' } });
    expect(JSON.stringify(prefs)).not.toContain('on_assessmentClock');
    expect(cardText(prefs)).toContain('Arvioinnin määräajat (laki, aina päällä)');
    const save = findAction(prefs, (a) => a.verb === 'reminders.save');
    const saved = await t.execute('reminders.save', { ...save.data, on_noticeReminder: 'false', on_sapDayBefore: 'true', on_assessmentClock: 'false' });
    expect(t.f.muted).toEqual(['noticeReminder']);
    expect(cardText(saved)).toContain('Tallennettu');
  });

  it('answers bad card data and unknown verbs with an error card, not a failure', async () => {
    const t = setup('en-GB');
    expect(cardText(await t.execute('view', { view: { screen: 'nope' } }))).toContain('not valid');
    expect(cardText(await t.execute('frobnicate', {}))).toContain('not valid');
    expect(cardText(await t.execute('view', { view: { screen: 'length', meetingId: 'missing' } }))).toContain('was not found');
  });

  it('does not serve people Polku does not know', async () => {
    const t = setup('en-GB');
    const r = await t.execute('view', { view: { screen: 'bookings' } }, 'stranger');
    expect(cardText(r)).toContain('I do not know you yet');
  });

  it('stores the conversation on install and forgets it on uninstall', async () => {
    const t = setup();
    await t.post({ type: 'installationUpdate', action: 'add', from: { id: '29:w', aadObjectId: WORKER.id } });
    expect(t.f.saved[0]).toMatchObject({ scope: 'personal', key: WORKER.id, conversationId: t.conv, reference: { serviceUrl: stub.url, conversation: { id: t.conv } } });
    expect(cardText(t.cardOf(stub.sent(t.conv).at(-1)!.body))).toContain('Polku');
    await t.post({ type: 'installationUpdate', action: 'remove', from: { id: '29:w', aadObjectId: WORKER.id } });
    expect(t.f.removed[0]).toEqual({ scope: 'personal', key: WORKER.id });
  });

  it('refreshes the stored conversation from a chat message, but not on every message', async () => {
    const t = setup();
    await t.say('varaa');
    await t.say('omat varaukset');
    await t.say('varaa');
    expect((t.f.saved as Array<{ key: string }>).filter((r) => r.key === WORKER.id)).toHaveLength(1);
    expect(t.f.saved[0]).toMatchObject({ scope: 'personal', key: WORKER.id, conversationId: t.conv, locale: 'fi-FI' });
  });
});

describe('bot credentials (Teams SDK App)', () => {
  const base = { NODE_ENV: 'test', LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
  const BOT = '00000000-0000-4000-8000-0000000000b0';
  const TENANT = '00000000-0000-4000-8000-00000000beef';

  it('single tenant: client secret and tenant from config; requests are authenticated', () => {
    const b = createBotApp(loadConfig({ ...base, BOT_ID: BOT, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: TENANT, BOT_TYPE: 'SingleTenant' }), silent);
    expect(b.authenticated).toBe(true);
    expect(b.app.credentials).toEqual({ clientId: BOT, clientSecret: 'not-a-real-secret', tenantId: TENANT });
  });

  it('user-assigned managed identity: no secret, the identity is the bot id', () => {
    const b = createBotApp(loadConfig({ ...base, BOT_ID: BOT, BOT_TENANT_ID: TENANT, BOT_TYPE: 'UserAssignedMSI' }), silent);
    expect(b.app.credentials).toEqual({ clientId: BOT, tenantId: TENANT });
  });

  it('without BOT_ID: no credentials (local mode), whatever CLIENT_ID the environment has', () => {
    process.env.CLIENT_ID = 'from-the-environment';
    process.env.CLIENT_SECRET = 'from-the-environment';
    try {
      const b = createBotApp(config, silent);
      expect(b.authenticated).toBe(false);
      expect(b.app.credentials).toBeUndefined();
    } finally {
      delete process.env.CLIENT_ID;
      delete process.env.CLIENT_SECRET;
    }
  });
});
