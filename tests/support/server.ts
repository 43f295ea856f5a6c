/**
 * A real Polku server for a test file: real HTTP on a free port, real Azurite (from the global
 * setup) under a table prefix of its own, dev sign-in, and a clock the test controls.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../bot/src/config.js';
import { compose, type Composed } from '../../bot/src/compose.js';
import { azuriteConnectionString } from '../../bot/src/storage/azurite.js';
import { createLogger } from '../../bot/src/logger.js';
import { logSink } from './log-sink.js';

export class TestClock {
  constructor(public current: Date) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestServer {
  baseUrl: string;
  composed: Composed;
  clock: TestClock;
  config: Config;
  /** Bearer token of a demo user (dev sign-in). */
  token(userId: string): Promise<string>;
  /** fetch against the server as a demo user; JSON in and out. */
  as(userId: string): ApiClient;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export async function startTestServer(opts: { now?: string; env?: Record<string, string>; storagePort?: number } = {}): Promise<TestServer> {
  const port = opts.storagePort ?? inject('azuritePort');
  const config = loadConfig({
    NODE_ENV: 'test',
    DEV_SIGN_IN: 'true',
    LOG_LEVEL: 'info',
    STORAGE_CONNECTION_STRING: azuriteConnectionString(port),
    TABLE_PREFIX: `t${randomBytes(6).toString('hex')}`,
    DEMO_DATA: 'never',
    ...opts.env,
  });
  const clock = new TestClock(new Date(opts.now ?? '2026-11-23T09:00:00+02:00'));
  const composed = await compose(config, { clock, log: createLogger('info', logSink()) });
  const server: Server = await new Promise((resolve) => {
    const s = composed.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const token = async (userId: string) => {
    let t = tokens.get(userId);
    if (!t) {
      const r = await fetch(`${baseUrl}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (r.status !== 200) throw new Error(`dev token for ${userId}: ${r.status}`);
      t = ((await r.json()) as { token: string }).token;
      tokens.set(userId, t);
    }
    return t;
  };
  const call = (userId: string) => async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(userId)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed, headers: r.headers } as ApiResponse;
  };
  return {
    baseUrl,
    composed,
    clock,
    config,
    token,
    as(userId) {
      const c = call(userId);
      return {
        get: (p, h) => c('GET', p, undefined, h),
        post: (p, b, h) => c('POST', p, b ?? {}, h),
        put: (p, b, h) => c('PUT', p, b ?? {}, h),
        patch: (p, b, h) => c('PATCH', p, b ?? {}, h),
        delete: (p, h) => c('DELETE', p, undefined, h),
      };
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await composed.close();
    },
  };
}
