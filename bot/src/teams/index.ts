/**
 * The Teams side of Polku, built once by compose.ts. The rest of the server sees only this
 * file's small interface (mount, notifier, background jobs); the Teams SDK (@microsoft/teams.*)
 * stays inside teams/.
 */
import type express from 'express';
import type { Config } from '../config.js';
import type { Role } from '../domain/types.js';
import type { DecisionEvents, Deps, NoticeNotifier } from '../services/deps.js';
import { addDays, helsinkiDate } from '../domain/calendar/index.js';
import { DailyReminders, digestScope } from '../services/reminders/run-reminders.js';
import type { Outbox } from '../services/reminders/outbox.js';
import type { Job } from '../services/reminders/scheduler.js';
import type { ClaimRepository } from '../storage/claim-repository.js';
import type { ConversationRepository } from '../storage/conversation-repository.js';
import { createBotApp, mountBot, type BotApp } from './adapter.js';
import { PolkuBot, type BotOptions } from './bot.js';
import { Delivery, noticeScope } from './delivery.js';
import { livePorts } from './live-ports.js';
import { ProactiveSender, teamsConnector, type ProactiveOptions } from './proactive.js';

export interface TeamsParts {
  config: Config;
  deps: Deps;
  conversations: ConversationRepository;
  claims: ClaimRepository;
  holder: string;
  devUsers?: Array<{ id: string; name: string; roles: Role[] }>;
  proactive?: Partial<ProactiveOptions>;
  bot?: BotOptions;
}

export interface Teams {
  mount(app: express.Express): void;
  notifier: NoticeNotifier;
  /** Tells workers in chat when their decision is signed. */
  decisionEvents: DecisionEvents;
  /** Background jobs for the scheduler: daily reminders, send retries, old claims. */
  jobs: Job[];
  /** Background sends started so far have finished (tests, shutdown). */
  idle(): Promise<void>;
  /** The Teams SDK App behind /api/messages. */
  bot: BotApp;
}

const DAY = 86_400_000;
const KEEP_SENDS_DAYS = 14;

export function createTeams(p: TeamsParts): Teams {
  const { deps } = p;
  const botApp = createBotApp(p.config, deps.log);
  const bot = new PolkuBot(livePorts(p), deps.log, p.bot);
  bot.attach(botApp.app);
  const sender = new ProactiveSender(teamsConnector(botApp.app), p.conversations, deps.log, p.proactive);
  const outbox: Outbox = { claims: p.claims, holder: p.holder, now: () => deps.clock.now(), log: deps.log };
  const delivery = new Delivery(deps, sender, p.conversations, outbox);
  const daily = new DailyReminders(deps, outbox, (d) => delivery.deliverDigest(d));
  return {
    bot: botApp,
    notifier: delivery,
    decisionEvents: delivery,
    mount: (app) => mountBot(app, botApp, { config: p.config, log: deps.log }),
    idle: () => delivery.idle(),
    jobs: [
      { name: 'dailyReminders', run: () => daily.tick() },
      { name: 'noticeRetries', run: () => delivery.retryNotices() },
      { name: 'purgeInvokeClaims', run: () => p.claims.purgeBefore('invoke', new Date(deps.clock.now().getTime() - DAY)) },
      {
        // Send records are kept two weeks (what was sent to whom, for support), then removed.
        name: 'purgeOldSends',
        run: async () => {
          const old = addDays(helsinkiDate(deps.clock.now()), -KEEP_SENDS_DAYS);
          await p.claims.purge(digestScope(old));
          await p.claims.purge(noticeScope(old));
        },
      },
    ],
  };
}
