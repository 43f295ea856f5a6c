/**
 * The bot endpoint on the Teams SDK v2 (@microsoft/teams.apps): one `App` whose HTTP transport is
 * this server's Express route POST /api/messages. The SDK's HttpServer does what the Bot
 * Framework asks of a bot endpoint: it validates the Bot Framework JWT of every incoming activity
 * (issuer, audience = BOT_ID, signature against the published keys, serviceUrl claim), runs the
 * routes (bot.ts) and answers invokes with their response.
 *
 * Credentials from config: BOT_ID with BOT_PASSWORD (single-tenant client secret, tenant
 * BOT_TENANT_ID), or BOT_TYPE=UserAssignedMSI (the user-assigned managed identity BOT_ID, no
 * secret). Without BOT_ID — local development, the Agents Playground and tests only (config
 * refuses it in production) — the App accepts unauthenticated requests, and this route then
 * only lets through activities whose serviceUrl is on this machine, so the bot can never be made
 * to post to another host.
 */
import { App, type HttpRouteHandler, type IHttpServerAdapter, type IHttpServerRequest, type IHttpServerResponse } from '@microsoft/teams.apps';
import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type express from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

/**
 * The SDK's transport seam (IHttpServerAdapter), bound to a route this server mounts itself:
 * the SDK registers its messaging handler here, and mountBot() calls it after Polku's own checks.
 */
class RouteCapture implements IHttpServerAdapter {
  handler?: HttpRouteHandler;
  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }
}

/**
 * The SDK's logger onto pino, with text only: the SDK's debug lines carry whole activities
 * (message text, names), and its error lines may carry request details, so debug is dropped and
 * other levels keep only their string parts.
 */
export function sdkLogger(log: Logger, name = 'teams-sdk'): ILogger {
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.name : ''))
      .filter(Boolean)
      .join(' ')
      .slice(0, 300);
  const l: ILogger = {
    debug: () => undefined,
    trace: () => undefined,
    info: (...m) => log.info({ sdk: name }, line(m)),
    warn: (...m) => log.warn({ sdk: name }, line(m)),
    error: (...m) => log.error({ sdk: name }, line(m)),
    log: (level: LogLevel, ...m) => {
      if (level === 'error' || level === 'warn' || level === 'info') l[level](...m);
    },
    child: (child) => sdkLogger(log, `${name}/${child}`),
  };
  return l;
}

export interface BotApp {
  app: App;
  botAppId: string;
  authenticated: boolean;
  /** Initialises the App once (registers the messaging route); every request waits for it. */
  ready(): Promise<void>;
  /** One activity through the SDK: JWT validation (when authenticated), routes, invoke answer. */
  handle(req: IHttpServerRequest): Promise<IHttpServerResponse>;
}

export function createBotApp(config: Config, log: Logger): BotApp {
  const authenticated = Boolean(config.BOT_ID);
  const capture = new RouteCapture();
  const msi = config.BOT_TYPE === 'UserAssignedMSI';
  const app = new App({
    // Explicit values (empty when absent) so the SDK never falls back to CLIENT_ID / CLIENT_SECRET /
    // TENANT_ID from the environment: config.ts is the one place credentials come from.
    clientId: config.BOT_ID ?? '',
    clientSecret: msi ? '' : (config.BOT_PASSWORD ?? ''),
    // A user-assigned managed identity whose client id is the bot's id.
    ...(msi && config.BOT_ID ? { managedIdentityClientId: config.BOT_ID } : {}),
    tenantId: config.BOT_TYPE === 'MultiTenant' ? '' : (config.BOT_TENANT_ID ?? ''),
    dangerouslyAllowUnauthenticatedRequests: !authenticated,
    httpServerAdapter: capture,
    messagingEndpoint: '/api/messages',
    logger: sdkLogger(log),
    // The SDK's Agent 365 telemetry baggage is not wanted: Polku has its own logs.
    telemetry: { agent365: false },
  });
  let init: Promise<void> | undefined;
  const ready = () => (init ??= app.initialize());
  return {
    app,
    botAppId: config.BOT_ID ?? '',
    authenticated,
    ready,
    async handle(req) {
      await ready();
      if (!capture.handler) throw new Error('Teams SDK registered no messaging route');
      return capture.handler(req);
    },
  };
}

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

export function mountBot(app: express.Express, a: BotApp, opts: { config: Config; log: Logger }): void {
  void a.ready().catch((err: unknown) => opts.log.error({ err: (err as Error)?.name }, 'Teams SDK could not start'));
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
      const r = await a.handle({ body: req.body, headers: req.headers as Record<string, string | string[]> });
      res.status(r.status || 200);
      if (r.body === undefined || r.body === null) res.end();
      else res.json(r.body);
    } catch (err) {
      next(err);
    }
  });
}
