/**
 * Time limits. Two layers:
 * - the Node server's own: a request must arrive (headers, then the whole body) within a few
 *   seconds, so slow senders cannot hold sockets open (createHttpServer, from main.ts);
 * - a per-request deadline: an API request that has not been answered within `ms` gets
 *   503 `request.timeout` with Retry-After, and the slow work is logged. The work itself is not
 *   cancelled (storage calls cannot be), but every write is one atomic transaction checked by
 *   version, so it either happened whole or not at all; the tab re-reads before trying again
 *   (a stale retry gets 412, never a second write).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.js';

export interface ServerTimeouts {
  /** Whole request (headers + body) must be received within this. */
  requestTimeoutMs: number;
  /** Headers must be received within this. */
  headersTimeoutMs: number;
  /** Idle keep-alive sockets live this long (longer than the front end's reuse, to avoid 502s). */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 65_000,
};

/**
 * The Node HTTP server for the app, with the time limits set at creation (so the connection
 * checker runs every second rather than Node's default 30 s).
 */
export function createHttpServer(app: RequestListener, t: Partial<ServerTimeouts> = {}): Server {
  const o = { ...DEFAULT_SERVER_TIMEOUTS, ...t };
  const server = createServer(
    {
      requestTimeout: o.requestTimeoutMs,
      headersTimeout: Math.min(o.headersTimeoutMs, o.requestTimeoutMs),
      keepAliveTimeout: o.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, o.headersTimeoutMs),
    },
    app,
  );
  // Also bound a socket that goes silent mid-response.
  server.timeout = Math.max(o.requestTimeoutMs, o.keepAliveTimeoutMs) + 5_000;
  return server;
}

/**
 * Answers 503 request.timeout when the route has not answered within `ms`. Must come before the
 * routes; a response already started is left alone.
 */
export function requestDeadline(ms: number, log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      log.warn({ method: req.method, route: req.route?.path ?? req.baseUrl, ms: Date.now() - started }, 'request passed its deadline');
      next(new DomainError('request.timeout', 'The request took too long; reload before trying again', { deadlineMs: ms }));
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
