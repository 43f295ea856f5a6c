/**
 * A stand-in for Entra ID's signing keys: a local JWKS endpoint and a signer for SSO-shaped
 * tokens, so token validation is tested for real (signature, issuer, audience, tenant, expiry).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://polku.example.invalid/${CLIENT_ID}`;
/** The Teams desktop/mobile client: SSO tokens from Teams name it in `azp`. */
export const TEAMS_DESKTOP = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

export interface FakeEntra {
  jwksUrl: string;
  /** `expiresIn: null` leaves `exp` out; a claim set to undefined is left out. */
  sign(claims?: JWTPayload, opts?: { kid?: string; expiresIn?: string | number | null; notBefore?: string | number; key?: 'trusted' | 'rogue' }): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    async sign(claims = {}, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      let jwt = new SignJWT({
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: CLIENT_ID,
        tid: TENANT,
        oid: 'entra-user-1',
        name: 'Entra Testikäyttäjä',
        scp: 'access_as_user',
        roles: ['Worker'],
        azp: TEAMS_DESKTOP,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1' })
        .setIssuedAt(now);
      if (opts.expiresIn !== null) jwt = jwt.setExpirationTime(opts.expiresIn ?? now + 3600);
      if (opts.notBefore !== undefined) jwt = jwt.setNotBefore(opts.notBefore);
      return jwt.sign(opts.key === 'rogue' ? rogue.privateKey : trusted.privateKey);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
