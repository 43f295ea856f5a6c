import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { APP_ID_URI, CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from '../support/entra.js';

let s: TestServer;
let entra: FakeEntra;

beforeAll(async () => {
  entra = await startFakeEntra();
  s = await startTestServer({
    env: { AAD_CLIENT_ID: CLIENT_ID, AAD_TENANT_ID: TENANT, AAD_APP_ID_URI: APP_ID_URI, AAD_JWKS_URL: entra.jwksUrl },
  });
});
afterAll(async () => {
  await s?.close();
  await entra?.close();
});

const call = (token?: string) =>
  fetch(`${s.baseUrl}/api/calendar/working-days?from=2026-12-04&add=1`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('Teams SSO tokens', () => {
  it('accepts a valid token (v2 and v1 issuer, client id or app id URI as audience)', async () => {
    expect((await call(await entra.sign())).status).toBe(200);
    expect((await call(await entra.sign({ iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI }))).status).toBe(200);
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['forged signature', () => entra.sign({}, { key: 'rogue' })],
    ['wrong audience', () => entra.sign({ aud: 'api://someone-else' })],
    ['wrong issuer', () => entra.sign({ iss: 'https://evil.example/v2.0' })],
    ['wrong tenant', () => entra.sign({ tid: '99999999-2222-3333-4444-555555555555', iss: 'https://login.microsoftonline.com/99999999-2222-3333-4444-555555555555/v2.0' })],
    ['expired', () => entra.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 3600 })],
    ['not yet valid', () => entra.sign({}, { notBefore: Math.floor(Date.now() / 1000) + 3600 })],
    ['missing scope', () => entra.sign({ scp: 'User.Read' })],
    ['unknown key id', () => entra.sign({}, { kid: 'other' })],
    [
      'alg none',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, tid: TENANT, oid: 'x', scp: 'access_as_user', exp: 9999999999 })}.`;
      },
    ],
  ];
  for (const [name, make] of refused) {
    it(`refuses a token with ${name} (401 problem+json)`, async () => {
      const r = await call(await make());
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(((await r.json()) as { code: string }).code).toBe('unauthenticated');
    });
  }

  it('refuses a request without a token', async () => {
    expect((await call()).status).toBe(401);
  });

  it('takes roles from app roles and never grants unknown ones', async () => {
    const t = await entra.sign({ roles: ['Organiser', 'GlobalAdmin'] });
    const r = await fetch(`${s.baseUrl}/api/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });
});

describe('dev sign-in', () => {
  it('lists demo users and issues tokens only when on', async () => {
    const users = await fetch(`${s.baseUrl}/api/dev/users`);
    expect(users.status).toBe(200);
    expect(((await users.json()) as { devSignIn: boolean }).devSignIn).toBe(true);
  });
});
