/**
 * The HTTP server: security headers, JSON parsing with limits, bearer auth, the route table,
 * OpenAPI, the built tab, and problem+json for every error. Routes themselves are data
 * (route.ts); this file only adapts them to Express.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ZodError, type z } from 'zod';
import type { Config } from '../config.js';
import type { AccessMode, AccessSubject, AuthUser } from '../domain/access.js';
import { DomainError } from '../domain/errors.js';
import type { Deps } from '../services/deps.js';
import type { Authenticator } from './auth.js';
import { problemFromDomain, problemFromZod, sendProblem, type Problem } from './problem.js';
import type { RouteDef, RouteResult } from './route.js';
import { idempotent, logReplay } from '../services/idempotency.js';
import { buildOpenApi } from './openapi.js';
import { securityHeaders } from './security.js';
import { runAtSimulatedTime, SIMULATED_TIME_HEADER } from '../clock.js';
import { RateLimiter, rateLimited, rateLimitsFrom } from './rate-limit.js';
import { requestDeadline } from './deadline.js';
import { withAccessScope } from '../services/case-access.js';
import { recordRefusal } from '../services/security/record-refusal.js';
import { isSecurityRefusal } from '../domain/access/security.js';

export interface ServerParts {
  config: Config;
  deps: Deps;
  auth: Authenticator;
  routes: RouteDef[];
  /** True only while demo history loads (before listening): requests may carry their simulated time. */
  simulatedTime?: () => boolean;
  /** Routes outside the bearer-token API: health, dev sign-in, the bot endpoint. */
  mountPublic?: (app: express.Express) => void;
  tabDir?: string;
  /** Records the signed-in person in Users (name, roles, last seen); throttled here per person. */
  rememberUser?: (u: AuthUser) => Promise<void>;
}

/** At most one "remember this user" write per person per this many ms (per instance). */
export const REMEMBER_EVERY_MS = 10 * 60_000;

/** Calls remember(u) at most every REMEMBER_EVERY_MS per user id; a failure is retried next request. */
export function throttledRemember(remember: (u: AuthUser) => Promise<void>, now: () => number, log: Deps['log']) {
  const last = new Map<string, number>();
  return async (u: AuthUser): Promise<void> => {
    const t = now();
    const prev = last.get(u.id);
    if (prev !== undefined && t - prev < REMEMBER_EVERY_MS) return;
    if (last.size > 10_000) last.clear();
    last.set(u.id, t);
    try {
      await remember(u);
    } catch (err) {
      last.delete(u.id);
      log.warn({ err, userId: u.id }, 'could not record the signed-in user');
    }
  };
}

const MAX_JSON_DEPTH = 16;

function depth(v: unknown, d = 0): number {
  if (d > MAX_JSON_DEPTH) return d;
  if (v && typeof v === 'object') {
    let max = d;
    for (const x of Object.values(v)) max = Math.max(max, depth(x, d + 1));
    return max;
  }
  return d;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
    /** The route matched (set before authorisation), for the security event log. */
    polkuRoute?: RouteDef;
  }
}

/** `METHOD /api/template` of the client-data route a request was for (also before sign-in), or undefined. */
function clientDataRouteOf(routes: readonly RouteDef[]) {
  const matchers = routes
    .filter((r) => r.clientData)
    .map((r) => ({ r, re: new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`) }));
  return (req: Request): RouteDef | undefined =>
    req.polkuRoute ?? matchers.find((m) => m.r.method === req.method.toLowerCase() && m.re.test(req.originalUrl.split('?')[0]!))?.r;
}

export function createApp(parts: ServerParts): express.Express {
  const { config, deps, auth, routes } = parts;
  const remember = parts.rememberUser ? throttledRemember(parts.rememberUser, () => Date.now(), deps.log) : undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', config.NODE_ENV === 'production' ? 1 : false);
  app.use(securityHeaders(config));
  app.use((req, _res, next) => {
    const at = parts.simulatedTime?.() ? Date.parse(req.header(SIMULATED_TIME_HEADER) ?? '') : NaN;
    if (Number.isFinite(at)) runAtSimulatedTime(at, next);
    else next();
  });
  app.use(express.json({ limit: '256kb', type: ['application/json', 'application/*+json'] }));
  app.use((req, _res, next) => {
    if (req.body !== undefined && depth(req.body) > MAX_JSON_DEPTH)
      return next(new DomainError('validation', 'JSON nested too deeply', { field: 'body' }));
    next();
  });

  parts.mountPublic?.(app);

  app.get('/api/openapi.json', (_req, res) => {
    res.json(buildOpenApi(routes, config.PUBLIC_ORIGIN));
  });

  const limits = rateLimitsFrom(config);
  const userLimiter = limits.user ? new RateLimiter(limits.user) : undefined;
  const failedSignIns = new RateLimiter(limits.failedSignIn);
  const api = express.Router();
  api.use(requestDeadline(config.REQUEST_DEADLINE_MS, deps.log));
  api.use(async (req, res, next) => {
    try {
      const header = req.header('authorization') ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      try {
        if (!m) throw new DomainError('unauthenticated', 'Sign in first (Authorization: Bearer …)');
        req.user = await auth.verify(m[1]!);
      } catch (err) {
        // Token guessing: failed sign-ins from one address are limited too.
        const t = failedSignIns.take(`ip:${req.ip ?? req.socket.remoteAddress ?? '?'}`);
        throw t.ok ? err : rateLimited(t);
      }
      if (userLimiter) {
        // Per person, after sign-in (per instance: see http/rate-limit.ts).
        const t = userLimiter.take(`user:${req.user.id}`);
        res.setHeader('RateLimit-Limit', String(userLimiter.opts.burst));
        res.setHeader('RateLimit-Remaining', String(t.remaining));
        if (!t.ok) throw rateLimited(t);
      }
      if (remember) await remember(req.user);
      next();
    } catch (err) {
      next(err);
    }
  });

  for (const r of routes) {
    api[r.method](r.path.replace(/^\/api/, ''), async (req: Request, res: Response, next: NextFunction) => {
      try {
        req.polkuRoute = r;
        const user = req.user!;
        if (r.roles !== 'anyUser' && !r.roles.some((role) => user.roles.includes(role)))
          throw new DomainError('forbidden', 'Your role does not allow this');
        const params = parse(r.params, req.params, 'params');
        const query = parse(r.query, req.query, 'query');
        const body = r.body ? parse(r.body, req.body ?? {}, 'body') : undefined;
        const headers = parse(r.headers, req.headers, 'header');
        const run = () =>
          r.handler({
            params,
            query,
            body,
            headers,
            user,
            deps,
            ifMatch: req.header('if-match') ?? undefined,
          });
        const key = r.idempotent ? (headers as { 'idempotency-key'?: string } | undefined)?.['idempotency-key'] : undefined;
        // Changes are logged when the handler ends, with their outcome (services/case-access.ts).
        const result: RouteResult & { replayed?: boolean } = await withAccessScope(deps, () =>
          key
          ? idempotent(
              deps,
              {
                user,
                route: `${r.method} ${r.path}`,
                key,
                request: { params, query, body },
                onReplay: r.access?.kind === 'case' ? () => replayedCase(deps, user, r.access as { subject: AccessSubject; mode: AccessMode }, params, body) : undefined,
              },
              run,
            )
          : run(),
        );
        if (result.replayed) res.setHeader('Idempotency-Replayed', 'true');
        // Passed its deadline and already answered 503 (http/deadline.ts): nothing more to send.
        if (res.headersSent) return;
        if (result.version) res.setHeader('ETag', JSON.stringify(result.version));
        res.setHeader('Cache-Control', 'no-store');
        if (result.raw) {
          res.status(result.status ?? 200).type(result.raw.contentType);
          if (result.raw.filename)
            res.setHeader('Content-Disposition', `attachment; filename="${result.raw.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
          res.send(result.raw.data);
          return;
        }
        if (result.body === undefined) res.status(result.status ?? 204).end();
        else res.status(result.status ?? 200).json(result.body);
      } catch (err) {
        next(err);
      }
    });
  }
  api.use((_req, _res, next) => next(new DomainError('notFound', 'No such API route')));
  app.use('/api', api);

  const tabDir = parts.tabDir;
  if (tabDir && existsSync(path.join(tabDir, 'index.html'))) {
    app.use(express.static(tabDir, { index: false, maxAge: '1h', setHeaders: noCacheHtml }));
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(tabDir, 'index.html'));
    });
  }

  const clientRoute = clientDataRouteOf(routes);
  const securityLink = `${config.PUBLIC_ORIGIN.replace(/\/$/, '')}/audit`;
  app.use(async (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const p = toProblem(err, deps, req);
    // A refused request on a client-data route: the security event log (no client identifiers).
    // 404: only a case that is not there (probing ids), not e.g. an assessment not yet started.
    const missingPart = p.status === 404 && err instanceof DomainError && err.details.resource !== undefined && err.details.resource !== 'case';
    const r = isSecurityRefusal(p.status) && !missingPart ? clientRoute(req) : undefined;
    if (r && isSecurityRefusal(p.status)) {
      const event = {
        at: deps.clock.now().toISOString(),
        ...(req.user ? { actor: { userId: req.user.id, name: req.user.name } } : {}),
        route: `${r.method.toUpperCase()} ${r.path}`,
        status: p.status,
        code: p.code ?? 'refused',
      };
      const written = recordRefusal(deps, event, securityLink).catch((e) => deps.log.error({ err: e, route: event.route }, 'could not write the security event log'));
      // Answered once written, or after 2 s at most (storage slow or down: the write goes on alone).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([written, new Promise<void>((r) => (timer = setTimeout(r, 2_000)))]);
      clearTimeout(timer);
    }
    if (res.headersSent) return; // e.g. the deadline answered first; the failure is logged above when unexpected
    sendProblem(res, p);
  });
  return app;
}

function noCacheHtml(res: Response, file: string) {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (/\/assets\//.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: 'body' | 'query' | 'params' | 'header') {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw Object.assign(r.error, { where });
  return r.data;
}

export function toProblem(err: unknown, deps: Deps, req?: Request): Problem {
  if (err instanceof ZodError) return problemFromZod(err, (err as ZodError & { where?: 'body' }).where ?? 'body');
  if (err instanceof DomainError) return problemFromDomain(err);
  const e = err as { type?: string; status?: number; statusCode?: number };
  if (e?.type === 'entity.parse.failed')
    return { type: 'https://polku.invalid/problems/validation', title: 'Malformed JSON', status: 400, code: 'validation', errors: [{ field: 'body', message: 'Malformed JSON' }] };
  if (e?.type === 'entity.too.large')
    return { type: 'https://polku.invalid/problems/validation', title: 'Request body too large', status: 413, code: 'validation', errors: [{ field: 'body', message: 'Too large' }] };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported' || (e?.status && e.status >= 400 && e.status < 500))
    return { type: 'https://polku.invalid/problems/validation', title: 'Bad request', status: e.status ?? 400, code: 'validation', errors: [{ field: 'body', message: 'Unreadable body' }] };
  // Unknown failure: log the stack (no request body: it may hold client data), answer without internals.
  deps.log.error({ err, method: req?.method, route: req?.route?.path }, 'unhandled error');
  return { type: 'about:blank', title: 'Internal error', status: 500, code: 'internal' };
}

/** The case a client-data route's repeated answer discloses (`caseId` in the path or the body). */
function replayedCase(deps: Deps, user: AuthUser, need: { subject: AccessSubject; mode: AccessMode }, params: unknown, body: unknown): Promise<void> {
  const caseId = (params as { caseId?: unknown } | undefined)?.caseId ?? (body as { caseId?: unknown } | undefined)?.caseId;
  return typeof caseId === 'string' ? logReplay(deps, user, caseId, need.subject, need.mode) : Promise.resolve();
}
