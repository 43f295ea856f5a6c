/**
 * The composition root: configuration → storage → repositories → deps → HTTP app.
 * main.ts calls it to serve; tests call it against their own Azurite.
 */
import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type express from 'express';
import type { Config } from './config.js';
import { loadCounty } from './county.js';
import { createWorkingCalendar } from './domain/calendar/index.js';
import { AccessLog, ACCESS_LOG_TABLES } from './audit/access-log.js';
import { TableStore } from './storage/table-store.js';
import { CaseRepository, CASE_TABLES } from './storage/case-repository.js';
import { UserRepository, USER_TABLES } from './storage/user-repository.js';
import { startAzurite, type AzuriteHandle } from './storage/azurite.js';
import type { Clock, Deps } from './services/deps.js';
import { createAuthenticator } from './http/auth.js';
import { createApp } from './http/server.js';
import { allRoutes } from './http/routes/index.js';
import { mountPublicRoutes } from './http/public-routes.js';
import { createLogger } from './logger.js';
import { DEMO_USERS } from './demo/users.js';

export const ALL_TABLES = [...CASE_TABLES, ...ACCESS_LOG_TABLES, ...USER_TABLES] as const;

export const TAB_DIST = fileURLToPath(new URL('../../tab/dist', import.meta.url));

export interface Composed {
  config: Config;
  deps: Deps;
  app: express.Express;
  azurite?: AzuriteHandle;
  users: UserRepository;
  /** Schedulers (reminders) and other background work; started by main, not by tests. */
  startBackground?: () => Promise<void>;
  stopBackground?: () => Promise<void>;
  close(): Promise<void>;
}

export async function compose(
  config: Config,
  opts: { clock?: Clock; log?: Logger; startStorage?: boolean } = {},
): Promise<Composed> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  let azurite: AzuriteHandle | undefined;
  let connectionString = config.STORAGE_CONNECTION_STRING;
  let credential;
  if (config.storageMode === 'azurite') {
    azurite = await startAzurite({
      port: config.AZURITE_PORT,
      location: path.resolve(config.AZURITE_LOCATION),
      inMemory: config.AZURITE_IN_MEMORY,
    });
    connectionString = azurite.connectionString;
    log.info({ port: azurite.port, inMemory: config.AZURITE_IN_MEMORY }, 'Azurite started');
  } else if (config.storageMode === 'managedIdentity') {
    const { DefaultAzureCredential } = await import('@azure/identity');
    credential = new DefaultAzureCredential();
  }
  const store = new TableStore({ connectionString, accountUrl: config.STORAGE_ACCOUNT_URL, credential, prefix: config.TABLE_PREFIX });
  await store.ensureTables(ALL_TABLES);

  const county = loadCounty(config.COUNTY_CONFIG);
  const users = new UserRepository(store);
  const deps: Deps = {
    county,
    clock: opts.clock ?? { now: () => new Date() },
    calendar: createWorkingCalendar({ closedDays: county.closedDays }),
    log,
    store,
    cases: new CaseRepository(store),
    accessLog: new AccessLog(store),
    identityKey: (kind, value) => createHmac('sha256', config.IDENTITY_HASH_SECRET).update(`${kind}:${value}`).digest('base64url'),
    newId: () => randomUUID(),
    testDataOnly: config.NODE_ENV !== 'production',
  };

  const auth = createAuthenticator(config, async () => DEMO_USERS);
  const app = createApp({
    config,
    deps,
    auth,
    routes: allRoutes,
    tabDir: TAB_DIST,
    mountPublic: (a) => mountPublicRoutes(a, { config, deps, auth, demoUsers: DEMO_USERS }),
  });

  return {
    config,
    deps,
    app,
    azurite,
    users,
    async close() {
      if (azurite) await azurite.stop();
    },
  };
}
