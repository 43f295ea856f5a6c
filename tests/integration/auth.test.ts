import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { readFile } from 'node:fs/promises';
import { SignJWT } from 'jose';
import { createHash } from 'node:crypto';
import { APP_ID_URI, CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from '../support/entra.js';
import { TEAMS_CLIENT_APPS } from '../../bot/src/config.js';
import { USERS } from '../support/factories.js';

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

  it('accepts every Teams and Microsoft 365 client the app pre-authorises (azp in v2, appid in v1)', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../appPackage/aad.manifest.json', import.meta.url), 'utf8'));
    const preAuthorised = manifest.api.preAuthorizedApplications.map((a: { appId: string }) => a.appId).sort();
    expect([...TEAMS_CLIENT_APPS].sort()).toEqual(preAuthorised);
    for (const app of TEAMS_CLIENT_APPS) expect((await call(await entra.sign({ azp: app }))).status, app).toBe(200);
    const v1 = await entra.sign({ iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID_URI, azp: undefined, appid: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' });
    expect((await call(v1)).status).toBe(200);
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
    ['no exp', () => entra.sign({}, { expiresIn: null })],
    ['a client app that is not Teams or Microsoft 365 (azp)', () => entra.sign({ azp: '00000000-1111-2222-3333-444444444444' })],
    ['a client app that is not Teams or Microsoft 365 (v1 appid)', () => entra.sign({ iss: `https://sts.windows.net/${TENANT}/`, azp: undefined, appid: '00000000-1111-2222-3333-444444444444' })],
    ['no client app at all', () => entra.sign({ azp: undefined })],
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

  it('issues tokens that expire within 12 hours, and refuses one without exp or living longer', async () => {
    const token = await s.token(USERS.worker);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number; sub: string };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(12 * 3600);
    expect((await call(token)).status).toBe(200);
    // Forged with the server's own dev key, so only the lifetime rules can refuse them.
    const key = createHash('sha256').update(`dev-sign-in:${s.config.IDENTITY_HASH_SECRET}`).digest();
    const now = Math.floor(Date.now() / 1000);
    const dev = (exp?: number, iat = now) => {
      let j = new SignJWT({ name: 'x', roles: ['Worker'] }).setProtectedHeader({ alg: 'HS256' }).setIssuer('polku-dev-sign-in').setAudience('polku-dev').setSubject(claims.sub).setIssuedAt(iat);
      if (exp !== undefined) j = j.setExpirationTime(exp);
      return j.sign(key);
    };
    expect((await call(await dev(now + 3600))).status).toBe(200);
    for (const [name, t] of [
      ['no exp', await dev()],
      ['a 30-day lifetime', await dev(now + 30 * 86400)],
      ['issued 13 hours ago', await dev(now + 3600, now - 13 * 3600)],
    ] as const) {
      const r = await call(t);
      expect(r.status, name).toBe(401);
    }
  });
});
