/**
 * Configuration, parsed once at start. Nothing else in the server reads process.env.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

/**
 * The Microsoft 365 client apps a Teams tab pre-authorises for SSO, as Microsoft documents them
 * ("Configure your tab app in Microsoft Entra ID", authorized client applications) and as
 * appPackage/aad.manifest.json lists them: Teams desktop/mobile, Teams web, Microsoft 365 web,
 * Microsoft 365 desktop, Microsoft 365 mobile and Outlook desktop (one id), Outlook web, Outlook
 * mobile.
 */
export const TEAMS_CLIENT_APPS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  '4765445b-32c6-49b0-83e6-1d93765276ca',
  '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  '27922004-5251-4030-b22d-91ecd9a37ea4',
] as const;

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  /** Public https origin of the app (tab, API and bot share it), e.g. https://polku.example.fi */
  PUBLIC_ORIGIN: z.string().default('http://localhost:3978'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** Real storage: a connection string, or an account URL used with managed identity. */
  STORAGE_CONNECTION_STRING: z.string().optional(),
  STORAGE_ACCOUNT_URL: z.string().url().optional(),
  /** Local Azurite (used when neither of the above is set). */
  AZURITE_PORT: z.coerce.number().int().min(0).max(65535).default(10002),
  AZURITE_LOCATION: z.string().default('.data/azurite'),
  AZURITE_IN_MEMORY: bool,
  /** Prefix for table names, so tests and benches can share one Azurite without clashing. */
  TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/).default('polku'),
  DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
  /** How the demo load shows in the console: one progress line, or every JSON log line of it. */
  DEMO_LOG: z.enum(['progress', 'json']).default('progress'),

  /** Secret used for keyed hashes of identity (henkilötunnus look-up keys). */
  IDENTITY_HASH_SECRET: z.string().min(16).default('polku-development-only-identity-key'),

  /**
   * The access log's key (HMAC of every record and anchor; docs/DEPLOY.md, Key Vault) and its id,
   * stored on each record. After a rotation the old keys stay here for verification only:
   * ACCESS_LOG_PREVIOUS_KEYS=id1:secret1,id2:secret2.
   */
  ACCESS_LOG_KEY: z.string().min(32).default('polku-development-only-access-log-key'),
  ACCESS_LOG_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/).default('dev'),
  ACCESS_LOG_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: Record<string, string> = {};
      for (const part of (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        const i = part.indexOf(':');
        const id = part.slice(0, i);
        if (i < 1 || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || part.length - i - 1 < 32) {
          ctx.addIssue({ code: 'custom', message: 'ACCESS_LOG_PREVIOUS_KEYS must be id:secret pairs (secret at least 32 characters), comma separated' });
          return z.NEVER;
        }
        out[id] = part.slice(i + 1);
      }
      return out;
    }),

  /** Sign-in. */
  DEV_SIGN_IN: bool,
  AAD_CLIENT_ID: z.string().optional(),
  AAD_TENANT_ID: z.string().optional(),
  /** Tenants allowed to sign in (comma separated). Defaults to AAD_TENANT_ID. */
  AAD_ALLOWED_TENANTS: list,
  /** Application ID URI, e.g. api://polku.example.fi/<client id> */
  AAD_APP_ID_URI: z.string().optional(),
  /** Override JWKS/issuer for tests (never needed in production). */
  AAD_JWKS_URL: z.string().url().optional(),
  AAD_ISSUER_TEMPLATE: z.string().default('https://login.microsoftonline.com/{tenantid}/v2.0'),
  /**
   * Client apps whose SSO tokens are accepted (`azp` in v2 tokens, `appid` in v1), comma
   * separated. Default: TEAMS_CLIENT_APPS, the Teams and Microsoft 365 clients the app
   * pre-authorises; keep it equal to preAuthorizedApplications in appPackage/aad.manifest.json.
   */
  AAD_ALLOWED_CLIENT_APPS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : [...TEAMS_CLIENT_APPS])),
  /** Role mapping: Entra group object ids per role (app roles need no mapping). */
  ROLE_GROUPS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return {} as Record<string, string[]>;
      try {
        return z.record(z.string(), z.array(z.string())).parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'ROLE_GROUPS must be JSON: {"Worker":["group-id"]}' });
        return z.NEVER;
      }
    }),

  /** Bot Framework. */
  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: z.string().optional(),
  BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),

  /** Domain configuration. */
  COUNTY_CONFIG: z.string().optional(),
  TIMEZONE: z.literal('Europe/Helsinki').default('Europe/Helsinki'),

  /**
   * Reliability (docs/RELIABILITY.md): per-user rate limit (per instance; 0 = off) and time
   * limits. Unset: 600 a minute with bursts of 120, except NODE_ENV=test (off unless set).
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).optional(),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** An API request not answered within this gets 503 request.timeout. */
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
});

export type Config = z.infer<typeof ConfigSchema> & {
  storageMode: 'azurite' | 'connectionString' | 'managedIdentity';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  const storageMode = c.STORAGE_CONNECTION_STRING
    ? 'connectionString'
    : c.STORAGE_ACCOUNT_URL
      ? 'managedIdentity'
      : 'azurite';
  const config: Config = {
    ...c,
    AAD_ALLOWED_TENANTS: c.AAD_ALLOWED_TENANTS.length
      ? c.AAD_ALLOWED_TENANTS
      : c.AAD_TENANT_ID
        ? [c.AAD_TENANT_ID]
        : [],
    storageMode,
  };
  const problems = productionProblems(config);
  if (problems.length) {
    throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/** Everything a production start must have; each problem names what is wrong or missing. */
export function productionProblems(c: Config): string[] {
  if (c.NODE_ENV !== 'production') return [];
  const p: string[] = [];
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const isLoopback = (host: string) => /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i.test(host);
  if (c.DEV_SIGN_IN) p.push('DEV_SIGN_IN is on: dev sign-in never runs in production');

  let origin: URL | undefined;
  try {
    origin = new URL(c.PUBLIC_ORIGIN);
  } catch {
    p.push(`PUBLIC_ORIGIN is not a URL: ${c.PUBLIC_ORIGIN}`);
  }
  if (origin) {
    if (origin.protocol !== 'https:') p.push('PUBLIC_ORIGIN must be an https:// origin');
    else if (isLoopback(origin.hostname)) p.push('PUBLIC_ORIGIN must be the public host Teams reaches, not localhost');
    if (origin.pathname !== '/' || origin.search || origin.hash || origin.username)
      p.push('PUBLIC_ORIGIN must be an origin only (https://host), without path, query or credentials');
  }

  if (c.storageMode === 'azurite') p.push('STORAGE_ACCOUNT_URL or STORAGE_CONNECTION_STRING is missing (no Azurite in production)');
  if (c.STORAGE_ACCOUNT_URL && !c.STORAGE_ACCOUNT_URL.startsWith('https://')) p.push('STORAGE_ACCOUNT_URL must be an https:// URL');
  if (c.STORAGE_CONNECTION_STRING && /UseDevelopmentStorage=true|devstoreaccount1|127\.0\.0\.1|localhost/i.test(c.STORAGE_CONNECTION_STRING))
    p.push('STORAGE_CONNECTION_STRING points at Azurite, not at Azure Storage');

  const ids: Array<[string, string | undefined]> = [
    ['AAD_CLIENT_ID', c.AAD_CLIENT_ID],
    ['AAD_TENANT_ID', c.AAD_TENANT_ID],
    ['BOT_ID', c.BOT_ID],
  ];
  if (c.BOT_TYPE !== 'MultiTenant') ids.push(['BOT_TENANT_ID', c.BOT_TENANT_ID]);
  for (const [key, value] of ids) {
    if (!value) p.push(`${key} is missing`);
    else if (!guid.test(value)) p.push(`${key} must be a GUID`);
  }
  if (c.BOT_TENANT_ID && c.BOT_TYPE === 'MultiTenant' && !guid.test(c.BOT_TENANT_ID)) p.push('BOT_TENANT_ID must be a GUID');
  for (const t of c.AAD_ALLOWED_TENANTS) if (!guid.test(t)) p.push(`AAD_ALLOWED_TENANTS holds "${t}", which is not a tenant GUID`);

  if (!c.AAD_APP_ID_URI) p.push('AAD_APP_ID_URI is missing');
  else if (origin && c.AAD_CLIENT_ID) {
    const expected = `api://${origin.host}/${c.AAD_CLIENT_ID}`;
    if (c.AAD_APP_ID_URI.toLowerCase() !== expected.toLowerCase())
      p.push(`AAD_APP_ID_URI must be ${expected} (Teams single sign-on needs the PUBLIC_ORIGIN host in it)`);
  }

  if (c.BOT_TYPE !== 'UserAssignedMSI' && !c.BOT_PASSWORD) p.push('BOT_PASSWORD is missing (or use BOT_TYPE=UserAssignedMSI)');

  if (c.IDENTITY_HASH_SECRET === 'polku-development-only-identity-key') p.push('IDENTITY_HASH_SECRET is the development default');
  else if (c.IDENTITY_HASH_SECRET.length < 32) p.push('IDENTITY_HASH_SECRET is shorter than 32 characters');

  if (c.ACCESS_LOG_KEY === 'polku-development-only-access-log-key') p.push('ACCESS_LOG_KEY is the development default');
  else if (c.ACCESS_LOG_KEY === c.IDENTITY_HASH_SECRET) p.push('ACCESS_LOG_KEY must differ from IDENTITY_HASH_SECRET');
  if (c.ACCESS_LOG_KEY_ID === 'dev') p.push('ACCESS_LOG_KEY_ID is the development id "dev": name the production key (e.g. k2026)');
  if (c.ACCESS_LOG_KEY_ID in c.ACCESS_LOG_PREVIOUS_KEYS && c.ACCESS_LOG_PREVIOUS_KEYS[c.ACCESS_LOG_KEY_ID] !== c.ACCESS_LOG_KEY)
    p.push('ACCESS_LOG_PREVIOUS_KEYS names the current ACCESS_LOG_KEY_ID with another secret');

  // App Service passes a Key Vault reference through as plain text when it cannot resolve it;
  // starting with that text as a key would silently hash with the wrong secret.
  const secrets: Array<[string, string | undefined]> = [
    ['IDENTITY_HASH_SECRET', c.IDENTITY_HASH_SECRET],
    ['ACCESS_LOG_KEY', c.ACCESS_LOG_KEY],
    ['ACCESS_LOG_PREVIOUS_KEYS', Object.values(c.ACCESS_LOG_PREVIOUS_KEYS).join(',')],
    ['BOT_PASSWORD', c.BOT_PASSWORD],
    ['STORAGE_CONNECTION_STRING', c.STORAGE_CONNECTION_STRING],
  ];
  for (const [key, value] of secrets)
    if (value && /^@Microsoft\.KeyVault\(/i.test(value.trim()))
      p.push(`${key} is an unresolved Key Vault reference: check the web app's identity has "Key Vault Secrets User" and the secret exists`);

  if (c.AAD_JWKS_URL) p.push('AAD_JWKS_URL is a test override and is not allowed in production');
  if (c.AAD_ISSUER_TEMPLATE !== 'https://login.microsoftonline.com/{tenantid}/v2.0')
    p.push('AAD_ISSUER_TEMPLATE is a test override and is not allowed in production');
  return p;
}
