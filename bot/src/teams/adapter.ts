/**
 * The Bot Framework endpoint: CloudAdapter at POST /api/messages with credentials from config
 * (BOT_ID, BOT_PASSWORD or a managed identity, BOT_TENANT_ID, BOT_TYPE). Without BOT_ID — local
 * development and tests only (config refuses it in production) — the adapter runs
 * unauthenticated, and then only accepts activities whose serviceUrl is on this machine, so the
 * bot can never be made to post to another host.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type express from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { errId, type PolkuBot } from './bot.js';

export interface BotAdapter {
  adapter: CloudAdapter;
  botAppId: string;
  authenticated: boolean;
}

export function createAdapter(config: Config, log: Logger): BotAdapter {
  const authenticated = Boolean(config.BOT_ID);
  const auth = new ConfigurationBotFrameworkAuthentication(
    authenticated
      ? {
          MicrosoftAppId: config.BOT_ID,
          MicrosoftAppPassword: config.BOT_PASSWORD,
          MicrosoftAppType: config.BOT_TYPE,
          MicrosoftAppTenantId: config.BOT_TENANT_ID,
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx, err) => {
    log.error({ err: errId(err), type: ctx.activity?.type, name: ctx.activity?.name }, 'bot turn failed');
  };
  return { adapter, botAppId: config.BOT_ID ?? '', authenticated };
}

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

export function mountBot(app: express.Express, a: BotAdapter, bot: PolkuBot, opts: { config: Config; log: Logger }): void {
  app.post('/api/messages', async (req, res, next) => {
    const body = (req.body ?? {}) as { serviceUrl?: unknown; conversation?: { tenantId?: unknown } };
    if (!a.authenticated && !(typeof body.serviceUrl === 'string' && LOOPBACK.test(body.serviceUrl))) {
      res.status(403).type('application/problem+json').send(
        JSON.stringify({ type: 'https://polku.invalid/problems/forbidden', title: 'Local bot mode accepts only local service URLs', status: 403, code: 'forbidden' }),
      );
      return;
    }
    const tenant = body.conversation?.tenantId;
    if (opts.config.BOT_TENANT_ID && typeof tenant === 'string' && tenant !== opts.config.BOT_TENANT_ID) {
      opts.log.warn('bot activity from another tenant ignored');
      res.status(200).end();
      return;
    }
    try {
      await a.adapter.process(req, res, (ctx) => bot.run(ctx));
    } catch (err) {
      next(err);
    }
  });
}
