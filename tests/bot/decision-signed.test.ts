/**
 * The worker is told in their personal chat when the lead signs their decision (issue 12): the
 * case reference, the decision number and the signer, in the worker's language, never the
 * client's name or henkilötunnus (chat history lies outside Polku's access log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { caseAtSapOutcome } from '../support/decision-helpers.js';
import { USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { installPersonal, personalConversation } from './activities.js';
import { postActivity } from './client.js';

let s: TestServer;
let stub: ConnectorStub;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
  stub = await startConnectorStub();
  expect((await postActivity(s.baseUrl, installPersonal(stub.url, { userId: USERS.worker, locale: 'fi-FI' }))).status).toBe(200);
});
afterAll(async () => {
  await s?.close();
  await stub?.close();
});

describe('a signed decision', () => {
  it('is told to the assigned worker in chat, by reference and number only', async () => {
    const client = { firstName: 'Keksitty', lastName: 'Allekirjoitettava' };
    const { caseId } = await caseAtSapOutcome(s, { client });
    const drafted = await s.as(USERS.worker).post(`/api/cases/${caseId}/decisions`, {});
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const { id, version } = drafted.body.decision as { id: string; version: string };
    stub.reset();
    const signed = await s.as(USERS.lead).post(`/api/cases/${caseId}/decisions/${id}/sign`, { version });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const number = signed.body.decision.number as string;
    const ref = /"ref":"(P-[^"]+)"/.exec(JSON.stringify((await s.as(USERS.worker).get(`/api/cases/${caseId}`)).body))?.[1];
    expect(ref).toBeTruthy();

    const [call] = await stub.waitFor(1, personalConversation(USERS.worker));
    const text = String(call!.body?.text ?? '');
    expect(text).toContain(number);
    expect(text).toContain(ref!);
    expect(text).toContain('allekirjoitettu');
    expect(text).not.toContain(client.lastName);
    expect(JSON.stringify(stub.sent())).not.toContain(client.lastName);
  });
});
