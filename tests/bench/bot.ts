/**
 * Bot reply latency: N workers, each in a personal conversation, send "omat varaukset" (my bookings) at once to
 * Polku's /api/messages; the replies go to a local Bot Connector stub, which notes when each
 * conversation's first reply arrives. Baseline: an echo bot on the same Teams SDK App set-up
 * (teams/adapter.ts createBotApp + mountBot, unauthenticated local mode) in this process, same
 * stub, same load.
 */
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { createBotApp, mountBot } from '../../bot/src/teams/adapter.js';
import type { Figure } from './figures.js';
import type { ServerHandle } from './server.js';
import { median, p90 } from './stats.js';

/** The bench's workers (registered in the Users table by run.ts), one per conversation. */
export const botUsers = (n: number) => Array.from({ length: n }, (_, i) => `bench-worker-${i}`);

interface Stub {
  url: string;
  waitFor(conversationId: string): Promise<number>;
  close(): Promise<void>;
}

/** A Bot Connector stub: accepts replies, resolves waiters with the arrival time. */
async function connectorStub(): Promise<Stub> {
  const waiters = new Map<string, (t: number) => void>();
  const arrived = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    const t = performance.now();
    req.resume();
    req.on('end', () => {
      if (m) {
        const id = decodeURIComponent(m[1]!);
        if (!arrived.has(id)) {
          arrived.set(id, t);
          waiters.get(id)?.(t);
        }
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${Math.random().toString(36).slice(2)}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    waitFor: (id) => (arrived.has(id) ? Promise.resolve(arrived.get(id)!) : new Promise((r) => waiters.set(id, r))),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const activity = (stub: Stub, conversationId: string, userId: string, text: string) => ({
  type: 'message',
  id: `act-${conversationId}`,
  timestamp: new Date().toISOString(),
  serviceUrl: stub.url,
  channelId: 'msteams',
  from: { id: `29:${userId}`, aadObjectId: userId, name: userId },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
  recipient: { id: '28:polku-bench', name: 'Polku' },
  text,
  locale: 'fi-FI',
});

/** Latencies (ms) of one round: n conversations at once, send → first reply at the stub. */
async function round(baseUrl: string, stub: Stub, n: number, tag: string): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const conv = `bench-${tag}-${i}`;
      const t0 = performance.now();
      const post = fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(stub, conv, `bench-worker-${i}`, 'omat varaukset')) });
      const t1 = await Promise.race([stub.waitFor(conv), post.then(async (r) => (r.status >= 400 ? Promise.reject(new Error(`/api/messages answered ${r.status}`)) : stub.waitFor(conv)))]);
      await post;
      return t1 - t0;
    }),
  );
}

/** The echo bot on the same adapter, as its own little server. */
async function echoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
  const log = createLogger('warn');
  const a = createBotApp(config, log);
  a.app.on('message', async (ctx) => void (await ctx.send({ type: 'message', text: ctx.activity.text ?? '' })));
  const app = express();
  app.use(express.json());
  mountBot(app, a, { config, log });
  const server = await new Promise<Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function botFigure(s: ServerHandle, conversations: number): Promise<Figure> {
  const stub = await connectorStub();
  const echo = await echoServer();
  try {
    const rounds = 3;
    const polku: number[] = [];
    const base: number[] = [];
    await round(s.baseUrl, stub, conversations, 'warm-p');
    await round(echo.url, stub, conversations, 'warm-e');
    for (let r = 0; r < rounds; r++) {
      polku.push(...(await round(s.baseUrl, stub, conversations, `p${r}`)));
      base.push(...(await round(echo.url, stub, conversations, `e${r}`)));
    }
    return {
      name: `bot reply latency, ${conversations} conversations at once (median)`,
      polku: median(polku),
      baseline: median(base),
      unit: 'ms',
      target: '≤ 2',
      note: `p90 ${p90(polku).toFixed(0)} ms vs ${p90(base).toFixed(0)} ms; "omat varaukset" vs echo`,
    };
  } finally {
    await echo.close();
    await stub.close();
  }
}
