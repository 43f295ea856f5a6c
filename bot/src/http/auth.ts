/**
 * Bearer tokens. In Teams: the tab's SSO token, validated against the tenant's JWKS (signature,
 * issuer, audience, tenant allow-list, expiry — required —, scope, and the client app it was
 * issued to: `azp`/`appid` must be one of the Teams / Microsoft 365 clients the app
 * pre-authorises). In development: tokens signed by a local key for demo users, valid at most
 * DEV_TOKEN_HOURS — only when DEV_SIGN_IN is on, which config refuses in production. A token
 * without `exp` is refused on both paths.
 */
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from '../config.js';
import type { AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import { ROLES, type Role } from '../domain/types.js';

const DEV_ISSUER = 'polku-dev-sign-in';
const DEV_AUDIENCE = 'polku-dev';
const SCOPE = 'access_as_user';
/** A dev sign-in token lives at most this long (issue 11: at most 12 hours). */
export const DEV_TOKEN_HOURS = 12;

export interface DevUser {
  id: string;
  name: string;
  roles: Role[];
  locale?: string;
}

export interface Authenticator {
  verify(token: string): Promise<AuthUser>;
  /** Dev sign-in only. */
  issueDevToken?(user: DevUser): Promise<string>;
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);

export function createAuthenticator(config: Config, devUsers: () => Promise<DevUser[]>): Authenticator {
  const devKey = createHash('sha256').update(`dev-sign-in:${config.IDENTITY_HASH_SECRET}`).digest();
  const jwks =
    config.AAD_CLIENT_ID || config.AAD_JWKS_URL
      ? createRemoteJWKSet(new URL(config.AAD_JWKS_URL ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys'), {
          cacheMaxAge: 6 * 3600_000,
        })
      : undefined;

  const rolesFromClaims = (p: JWTPayload): Role[] => {
    const roles = new Set<Role>();
    for (const r of (p.roles as unknown[]) ?? []) if (isRole(r)) roles.add(r);
    const groups = ((p.groups as unknown[]) ?? []).map(String);
    for (const [role, ids] of Object.entries(config.ROLE_GROUPS)) {
      if (isRole(role) && ids.some((g) => groups.includes(g))) roles.add(role);
    }
    return [...roles];
  };

  async function verifyAad(token: string): Promise<AuthUser> {
    if (!jwks || !config.AAD_CLIENT_ID) throw new DomainError('unauthenticated', 'Sign-in is not configured');
    const audience = [config.AAD_CLIENT_ID, ...(config.AAD_APP_ID_URI ? [config.AAD_APP_ID_URI] : [])];
    const { payload } = await jwtVerify(token, jwks, { audience, algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp'] });
    const tid = String(payload.tid ?? '');
    if (!config.AAD_ALLOWED_TENANTS.includes(tid)) throw new DomainError('unauthenticated', 'Tenant not allowed');
    const issuers = [
      config.AAD_ISSUER_TEMPLATE.replace('{tenantid}', tid),
      `https://sts.windows.net/${tid}/`,
    ];
    if (!issuers.includes(String(payload.iss))) throw new DomainError('unauthenticated', 'Wrong issuer');
    const scopes = String(payload.scp ?? '').split(' ');
    if (!scopes.includes(SCOPE)) throw new DomainError('unauthenticated', 'Missing scope');
    // The client app the token was issued to: v2 tokens name it in azp, v1 tokens in appid.
    const client = String(payload.azp ?? payload.appid ?? '').toLowerCase();
    if (!client || !config.AAD_ALLOWED_CLIENT_APPS.includes(client)) throw new DomainError('unauthenticated', 'Client app not allowed');
    const id = String(payload.oid ?? '');
    if (!id) throw new DomainError('unauthenticated', 'Missing user id');
    return { id, name: String(payload.name ?? payload.preferred_username ?? id), roles: rolesFromClaims(payload), tenantId: tid };
  }

  async function verifyDev(token: string): Promise<AuthUser> {
    const { payload } = await jwtVerify(token, devKey, {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: `${DEV_TOKEN_HOURS}h`,
    });
    // maxTokenAge bounds iat; this bounds the lifetime the token claims for itself.
    if (payload.exp! - payload.iat! > DEV_TOKEN_HOURS * 3600) throw new DomainError('unauthenticated', 'Token lives too long');
    const users = await devUsers();
    const u = users.find((x) => x.id === payload.sub);
    if (!u) throw new DomainError('unauthenticated', 'Unknown demo user');
    return { id: u.id, name: u.name, roles: u.roles, locale: u.locale, dev: true };
  }

  return {
    async verify(token) {
      try {
        if (config.DEV_SIGN_IN) {
          // A dev token names our own issuer; anything else must be a real Entra token.
          const [, body] = token.split('.');
          const iss = body ? JSON.parse(Buffer.from(body, 'base64url').toString('utf8')).iss : undefined;
          if (iss === DEV_ISSUER) return await verifyDev(token);
        }
        return await verifyAad(token);
      } catch (err) {
        if (err instanceof DomainError) throw err;
        throw new DomainError('unauthenticated', 'Invalid or expired token');
      }
    },
    issueDevToken: config.DEV_SIGN_IN
      ? async (u) =>
          new SignJWT({ name: u.name, roles: u.roles })
            .setProtectedHeader({ alg: 'HS256' })
            .setIssuer(DEV_ISSUER)
            .setAudience(DEV_AUDIENCE)
            .setSubject(u.id)
            .setIssuedAt()
            .setExpirationTime(`${DEV_TOKEN_HOURS}h`)
            .sign(devKey)
      : undefined,
  };
}
