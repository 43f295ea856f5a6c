/**
 * Notices in Teams: publishing posts the card to the team channel and personally to each person
 * of the audience; "Kuittaa / Kvittera / Acknowledge" records the acknowledgement and refreshes
 * that person's card. Sends retry on 429/502 and give up on a chat the bot was removed from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationRepository } from '../../bot/src/storage/conversation-repository.js';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { CHANNEL_ID, installPersonal, installTeam, invoke, personalConversation, uninstallPersonal } from './activities.js';
import { cardOf, cardText, findAction, postActivity } from './client.js';
import { expectValidCard } from './validate-card.js';

let s: TestServer;
let stub: ConnectorStub;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
  stub = await startConnectorStub();
  for (const who of [{ userId: USERS.worker, locale: 'fi-FI' }, { userId: USERS.workerSv, locale: 'sv-FI' }, { userId: USERS.coordinator, locale: 'fi-FI' }]) {
    expect((await postActivity(s.baseUrl, installPersonal(stub.url, who))).status).toBe(200);
  }
  expect((await postActivity(s.baseUrl, installTeam(stub.url, { userId: USERS.supervisor }))).status).toBe(200);
});
afterAll(async () => {
  await s?.close();
  await stub?.close();
});

let n = 0;
async function publish(audience: unknown = { type: 'all' }) {
  n += 1;
  const r = await s.as(USERS.supervisor).post('/api/notices', {
    category: 'instructions',
    title: `Arviointiohje päivitetty ${n}`,
    summary: 'Palvelutarpeen arvioinnin rakenne on päivitetty.',
    link: 'https://intra.example.invalid/ohjeet/arviointi',
    audience,
    expiresOn: '2026-12-31',
  });
  expect(r.status).toBeLessThan(300);
  await s.composed.teams!.idle();
  return (r.body.notice ?? r.body) as { id: string; title: string };
}

describe('notices through the bot', () => {
  it('posts to the team channel and to each person of the audience, in their language', async () => {
    stub.reset();
    const notice = await publish();
    const channel = stub.cards(CHANNEL_ID);
    expect(channel).toHaveLength(1);
    expectValidCard(channel[0]);
    expect(cardText(channel[0])).toContain(notice.title);
    expect(findAction(channel[0], (a) => a.verb === 'notice.ack').title).toBe('Kuittaa / Kvittera / Acknowledge');
    expect(channel[0].refresh).toBeUndefined();

    const fi = stub.cards(personalConversation(USERS.worker));
    const sv = stub.cards(personalConversation(USERS.workerSv));
    expect(fi).toHaveLength(1);
    expect(sv).toHaveLength(1);
    [fi[0], sv[0]].forEach(expectValidCard);
    expect(findAction(fi[0], (a) => a.verb === 'notice.ack').title).toBe('Kuittaa');
    expect(findAction(sv[0], (a) => a.verb === 'notice.ack').title).toBe('Kvittera');
    expect(fi[0].refresh.userIds).toEqual([USERS.worker]);
    // The publisher is not in the audience; people without the bot installed get nothing here.
    expect(stub.sent(personalConversation(USERS.supervisor))).toHaveLength(0);
  });

  it('acknowledges from the card, refreshes that card, and the supervisor sees the count', async () => {
    const notice = await publish();
    const card = stub.cards(personalConversation(USERS.worker)).at(-1);
    const ack = findAction(card, (a) => a.verb === 'notice.ack');
    const after = cardOf(await postActivity(s.baseUrl, invoke(stub.url, { userId: USERS.worker }, ack.verb, ack.data)));
    expectValidCard(after);
    expect(cardText(after)).toContain('Kuittasit tämän');
    expect(findAction(after, (a) => a.verb === 'notice.ack')).toBeUndefined();
    // Teams may repeat the invoke: still one acknowledgement.
    await postActivity(s.baseUrl, invoke(stub.url, { userId: USERS.worker }, ack.verb, ack.data));
    const refresh = cardOf(await postActivity(s.baseUrl, invoke(stub.url, { userId: USERS.worker }, after.refresh.action.verb, after.refresh.action.data)));
    expect(cardText(refresh)).toContain('Kuittasit tämän');
    const status = await s.as(USERS.supervisor).get(`/api/notices/${notice.id}/acknowledgements`);
    expect(status.body.acknowledgedCount).toBe(1);
    expect(status.body.acknowledged[0]).toMatchObject({ userId: USERS.worker, via: 'card' });
  });

  it('acknowledging from the channel card gives that person their own card back', async () => {
    const notice = await publish();
    const r = cardOf(await postActivity(s.baseUrl, invoke(stub.url, { userId: USERS.workerSv, locale: 'sv-FI' }, 'notice.ack', { noticeId: notice.id }, 'channel')));
    expect(cardText(r)).toContain('Du kvitterade detta');
    expect(r.refresh.userIds).toEqual([USERS.workerSv]);
  });

  it('retries 429 (honouring Retry-After) and 502, and sends once', async () => {
    stub.reset();
    stub.fail(personalConversation(USERS.worker), [429, 502], 0);
    await publish();
    const calls = stub.calls.filter((c) => c.conversationId === personalConversation(USERS.worker));
    expect(calls.map((c) => c.status)).toEqual([429, 502, 200]);
    expect(stub.cards(personalConversation(USERS.worker))).toHaveLength(1);
  });

  it('retries 412 (not retried by the SDK) with backoff, and sends once', async () => {
    stub.reset();
    stub.fail(personalConversation(USERS.worker), [412]);
    await publish();
    const calls = stub.calls.filter((c) => c.conversationId === personalConversation(USERS.worker));
    expect(calls.map((c) => c.status)).toEqual([412, 200]);
  });

  it('marks a chat the bot was removed from (403) and does not try it again', async () => {
    stub.reset();
    stub.fail(personalConversation(USERS.coordinator), [403]);
    await publish();
    await publish();
    const calls = stub.calls.filter((c) => c.conversationId === personalConversation(USERS.coordinator));
    expect(calls.map((c) => c.status)).toEqual([403]);
    const rec = await new ConversationRepository(s.composed.deps.store).get('personal', USERS.coordinator);
    expect(rec?.failedAt).toBeTruthy();
  });

  it('forgets a personal chat on uninstall', async () => {
    await postActivity(s.baseUrl, uninstallPersonal(stub.url, { userId: USERS.workerSv }));
    expect(await new ConversationRepository(s.composed.deps.store).get('personal', USERS.workerSv)).toBeUndefined();
    stub.reset();
    await publish();
    expect(stub.sent(personalConversation(USERS.workerSv))).toHaveLength(0);
    expect(stub.sent(personalConversation(USERS.worker))).toHaveLength(1);
  });
});
