/**
 * The composition root: configuration → storage → repositories → deps → HTTP app.
 * main.ts calls it to serve; tests call it against their own Azurite.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type express from 'express';
import type { Config } from './config.js';
import { loadCounty } from './county.js';
import { createWorkingCalendar } from './domain/calendar/index.js';
import { AccessLog, ACCESS_LOG_TABLES } from './audit/access-log.js';
import { keyRing } from './audit/keys.js';
import { maintainAccessLog } from './audit/anchors.js';
import { TableStore } from './storage/table-store.js';
import { CaseRepository, CASE_TABLES, type CaseProjection } from './storage/case-repository.js';
import { ReportRepository, REPORT_TABLES } from './storage/report-repository.js';
import { reportProjection } from './services/reports/project-reports.js';
import { SapRepository, SAP_TABLES } from './storage/sap-repository.js';
import { DEMO_CRITERIA } from './domain/criteria/index.js';
import { ProviderRepository, PROVIDER_TABLES } from './storage/provider-repository.js';
import { QueueRepository, QUEUE_TABLES } from './storage/queue-repository.js';
import { UserRepository, USER_TABLES } from './storage/user-repository.js';
import { NoticeRepository, NOTICE_TABLES } from './storage/notice-repository.js';
import { DecisionRepository, DECISION_TABLES } from './storage/decision-repository.js';
import { CriteriaRepository, CRITERIA_TABLES } from './storage/criteria-repository.js';
import { rememberUser } from './services/users/remember-user.js';
import { startAzurite, type AzuriteHandle } from './storage/azurite.js';
import type { Clock, Deps } from './services/deps.js';
import { createAuthenticator } from './http/auth.js';
import { createApp } from './http/server.js';
import { allRoutes } from './http/routes/index.js';
import { mountPublicRoutes } from './http/public-routes.js';
import { createLogger } from './logger.js';
import { systemClock } from './clock.js';
import { DEMO_USERS } from './demo/users.js';
import { ConversationRepository, CONVERSATION_TABLES } from './storage/conversation-repository.js';
import { ClaimRepository, CLAIM_TABLES } from './storage/claim-repository.js';
import { SecurityEventRepository, SECURITY_TABLES } from './storage/security-event-repository.js';
import { IdempotencyRepository, IDEMPOTENCY_TABLES } from './storage/idempotency-repository.js';
import { KEEP_HOURS } from './services/idempotency.js';
import { createTeams, type Teams, type TeamsParts } from './teams/index.js';
import { startScheduler, type Job, type Scheduler } from './services/reminders/scheduler.js';
import { repairCaseIndex } from './storage/case-index-repair.js';

export const ALL_TABLES = [...CASE_TABLES, ...SAP_TABLES, ...PROVIDER_TABLES, ...QUEUE_TABLES, ...ACCESS_LOG_TABLES, ...USER_TABLES, ...NOTICE_TABLES, ...REPORT_TABLES, ...DECISION_TABLES, ...CRITERIA_TABLES, ...CONVERSATION_TABLES, ...CLAIM_TABLES, ...SECURITY_TABLES, ...IDEMPOTENCY_TABLES] as const;

export const TAB_DIST = fileURLToPath(new URL('../../tab/dist', import.meta.url));

export interface Composed {
  config: Config;
  deps: Deps;
  app: express.Express;
  azurite?: AzuriteHandle;
  users: UserRepository;
  /** Demo loading only: lets requests carry their simulated time (see clock.ts). */
  simulation: { on: boolean };
  /** Schedulers (reminders) and other background work; started by main, not by tests. */
  startBackground?: () => Promise<void>;
  stopBackground?: () => Promise<void>;
  /** The bot (teams/): its background jobs can be run by hand in tests (runJobs), and idle() awaits its sends. */
  teams?: Teams & { runJobs(): Promise<void> };
  /** Every background job the scheduler runs (the bot's, and the case-list repair). */
  jobs?: Job[];
  close(): Promise<void>;
}

export async function compose(
  config: Config,
  opts: { clock?: Clock; log?: Logger; startStorage?: boolean; bot?: Pick<TeamsParts, 'proactive' | 'bot'> } = {},
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
  // Criteria live in storage; the demo set is seeded where a service has none (idempotent across instances).
  const criteriaSets = new CriteriaRepository(store);
  await criteriaSets.seedIfEmpty(DEMO_CRITERIA);

  const county = loadCounty(config.COUNTY_CONFIG);
  const users = new UserRepository(store);
  // Projections fed by every case write (the organiser's reports); they read deps when called.
  const projections: CaseProjection[] = [reportProjection(() => deps)];
  const deps: Deps = {
    county,
    clock: opts.clock ?? systemClock,
    calendar: createWorkingCalendar({ closedDays: county.closedDays }),
    log,
    store,
    cases: new CaseRepository(store, projections),
    sap: new SapRepository(store),
    criteria: () => criteriaSets.all(),
    criteriaSets,
    decisions: new DecisionRepository(store),
    providers: new ProviderRepository(store),
    queues: new QueueRepository(store),
    accessLog: new AccessLog(
      store,
      keyRing({ id: config.ACCESS_LOG_KEY_ID, secret: config.ACCESS_LOG_KEY }, config.ACCESS_LOG_PREVIOUS_KEYS),
      (err) => log.warn({ err: (err as Error)?.name, code: (err as { code?: string })?.code }, 'access log: index write failed (the access-log job completes it)'),
    ),
    security: new SecurityEventRepository(store),
    users,
    notices: new NoticeRepository(store),
    reports: new ReportRepository(store),
    idempotency: new IdempotencyRepository(store),
    // The bot (teams/) replaces this with the channel post and personal cards.
    notifier: { noticePublished: async () => undefined },
    identityKey: (kind, value) => createHmac('sha256', config.IDENTITY_HASH_SECRET).update(`${kind}:${value}`).digest('base64url'),
    newId: () => randomUUID(),
    testDataOnly: config.NODE_ENV !== 'production',
  };

  // Dev sign-in: the demo users are known from the start, so notice audiences include them.
  if (config.DEV_SIGN_IN) await Promise.all(DEMO_USERS.map((u) => rememberUser(deps, u, { seen: false })));

  // The bot: /api/messages, notices to Teams, daily reminders (claimed once across instances).
  const teams = createTeams({
    config,
    deps,
    conversations: new ConversationRepository(store),
    claims: new ClaimRepository(store),
    holder: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    devUsers: config.DEV_SIGN_IN ? DEMO_USERS : undefined,
    ...opts.bot,
  });
  deps.notifier = teams.notifier;
  deps.decisionEvents = teams.decisionEvents;
  let scheduler: Scheduler | undefined;
  // Case lists (CaseIndex) are written after the case itself; a crash or storage outage between
  // the two is put right here (docs/RELIABILITY.md). A full scan, so at most every 5 minutes.
  let lastRepair = 0;
  let lastIdempotencyPurge = 0;
  const jobs: Job[] = [
    ...teams.jobs,
    // The access log's client index finished from the chains, and the daily signed anchor.
    { name: 'accessLog', run: () => maintainAccessLog(deps.accessLog, deps.clock.now(), (msg, facts) => log.info(facts, msg)) },
    {
      name: 'repairCaseIndex',
      run: async () => {
        const now = deps.clock.now();
        if (now.getTime() - lastRepair < 5 * 60_000) return;
        lastRepair = now.getTime();
        const r = await repairCaseIndex(store, deps.cases, { now });
        if (r.rewritten || r.removed) log.warn(r, 'case lists repaired');
      },
    },
    {
      // Stored answers of idempotent POSTs can hold client data: gone once no longer replayed.
      name: 'purgeIdempotency',
      run: async () => {
        const now = deps.clock.now().getTime();
        if (now - lastIdempotencyPurge < 60 * 60_000) return;
        lastIdempotencyPurge = now;
        const removed = await deps.idempotency.purgeBefore(new Date(now - KEEP_HOURS * 3600_000));
        if (removed) log.info({ removed }, 'old idempotency claims removed');
      },
    },
  ];

  const auth = createAuthenticator(config, async () => DEMO_USERS);
  const simulation = { on: false };
  const app = createApp({
    config,
    deps,
    auth,
    routes: allRoutes,
    tabDir: TAB_DIST,
    simulatedTime: () => simulation.on,
    rememberUser: (u) => rememberUser(deps, u),
    mountPublic: (a) => {
      mountPublicRoutes(a, { config, deps, auth, demoUsers: DEMO_USERS });
      teams.mount(a);
    },
  });

  return {
    config,
    deps,
    app,
    azurite,
    users,
    simulation,
    teams: {
      ...teams,
      async runJobs() {
        for (const j of teams.jobs) await j.run();
      },
    },
    jobs,
    async startBackground() {
      scheduler = startScheduler(jobs, { intervalMs: 60_000, log });
    },
    async stopBackground() {
      await scheduler?.stop();
      await deps.accessLog.idle();
      await teams.idle();
    },
    async close() {
      if (azurite) await azurite.stop();
    },
  };
}
