/**
 * The bot endpoint with Bot Framework credentials configured (as in production): an activity
 * without a valid Bot Framework token is refused before the bot sees it — no reply, nothing
 * stored. Loopback only: every token here fails before the SDK would fetch the Bot Framework's
 * signing keys from the internet (a token with the right issuer but a forged signature, alg none
 * or HS256 makes the SDK fetch them; without network that is an error, still a refusal).
 */
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { installPersonal, message } from '../bot/activities.js';
import { USERS } from '../support/factories.js';

const BOT_ID = '00000000-0000-4000-8000-0000000000b0';
const BOT_TENANT = '00000000-0000-4000-8000-00000000beef';

let s: TestServer;
let connector: ConnectorStub;

beforeAll(async () => {
  connector = await startConnectorStub();
  s = await startTestServer({ env: { BOT_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: BOT_TENANT, BOT_TYPE: 'SingleTenant' } });
});
afterAll(async () => {
  await s?.close();
  await connector?.close();
});

const post = (activity: unknown, authorization?: string) =>
  fetch(`${s.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });

describe('bot endpoint with credentials configured', () => {
  it('refuses activities without a valid Bot Framework token, and the bot never runs', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'https://api.botframework.com', aud: BOT_ID, serviceurl: connector.url, nbf: now - 60, exp: now + 3600 };
    const rogue = await generateKeyPair('RS256');
    const wrongIssuer = await new SignJWT({ ...claims, iss: 'https://evil.example' }).setProtectedHeader({ alg: 'RS256' }).sign(rogue.privateKey);
    const tries: Array<[string, string | undefined]> = [
      ['no Authorization header', undefined],
      ['not a bearer token', 'Basic dXNlcjpwYXNz'],
      ['garbage token', 'Bearer abc.def.ghi'],
      ['an issuer Bot Framework does not use', `Bearer ${wrongIssuer}`],
    ];
    for (const [what, auth] of tries) {
      const r = await post(message(connector.url, { userId: USERS.worker }, 'apua'), auth);
      expect(r.status, what).toBeGreaterThanOrEqual(401);
      expect(r.status, what).toBeLessThanOrEqual(403);
      await r.arrayBuffer();
      const install = await post(installPersonal(connector.url, { userId: USERS.worker }), auth);
      expect(install.status, what).toBeGreaterThanOrEqual(401);
      expect(install.status, what).toBeLessThanOrEqual(403);
      await install.arrayBuffer();
    }
    await s.composed.teams?.idle();
    expect(connector.calls).toEqual([]);
    expect(await s.composed.deps.store.entities('BotConversations').query("PartitionKey ne ''")).toEqual([]);
  });
});
