/**
 * Limits that keep one client (or attacker) from hurting the others: body size, JSON depth,
 * per-user rate limit, failed sign-ins per address, a per-request deadline, the server's own
 * time limits for slow senders, and the security headers on every kind of answer.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../bot/src/http/deadline.js';
import { RateLimiter } from '../../bot/src/http/rate-limit.js';
import { contactBody, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
let slow: TestServer;

beforeAll(async () => {
  [s, slow] = await Promise.all([
    startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '8', PUBLIC_ORIGIN: 'https://polku.example.invalid' } }),
    startTestServer({ env: { REQUEST_DEADLINE_MS: '1500' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([s?.close(), slow?.close()]);
});

const problem = (r: { status: number; headers: Headers; body: { code?: string } }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body.code).toBe(code);
};

describe('request size and shape', () => {
  it('refuses a body over 256 kB with 413 problem+json and writes nothing', async () => {
    const before = (await s.composed.deps.cases.listAll()).length;
    const r = await s.as(USERS.worker).post('/api/contacts', contactBody({ need: 'x'.repeat(300_000) }));
    problem(r, 413, 'validation');
    expect((await s.composed.deps.cases.listAll()).length).toBe(before);
  });

  it('refuses control characters, bidi overrides and lone surrogates in names and free text, naming the field', async () => {
    const before = (await s.composed.deps.cases.listAll()).length;
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [{}, { firstName: 'Testi\u202E' }, 'body.client.firstName'],
      [{}, { lastName: 'Henki\u0000lö' }, 'body.client.lastName'],
      [{ need: 'Tarvitsee\u2066 tukea' }, {}, 'body.need'],
      [{ need: 'Tarvitsee \uDC00 tukea' }, {}, 'body.need'],
      [{ contacterName: 'Omainen\nToinen' }, {}, 'body.contacterName'],
    ];
    for (const [over, client, field] of cases) {
      // Another worker than the tests below: the per-user burst here is 8.
      const r = await s.as(USERS.workerSv).post('/api/contacts', contactBody(over, client));
      problem(r, 400, 'validation');
      expect((r.body as unknown as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([field]);
    }
    expect((await s.composed.deps.cases.listAll()).length).toBe(before);
  });

  it('refuses JSON nested deeper than 16 levels', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const r = await s.as(USERS.worker).post('/api/contacts', { ...contactBody(), need: deep });
    problem(r, 400, 'validation');
    expect(r.body.errors[0].field).toBe('body');
    let deepObj: unknown = {};
    for (let i = 0; i < 20; i++) deepObj = { a: deepObj };
    problem(await s.as(USERS.worker).put('/api/me/preferences', deepObj), 400, 'validation');
  });

  it('treats bracketed query keys as plain text, not nested objects', async () => {
    const r = await s.as(USERS.worker).get('/api/calendar/working-days?from[a][b]=1&add[]=2');
    problem(r, 400, 'validation');
  });

  it('answers an oversized header with 431, not a crash', async () => {
    const r = await fetch(`${s.baseUrl}/api/me`, { headers: { authorization: `Bearer ${'a'.repeat(40_000)}` } });
    expect(r.status).toBe(431);
    expect((await fetch(`${s.baseUrl}/api/health`)).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('gives each person a bucket: over it → 429 rateLimited with Retry-After; others unaffected', async () => {
    const w = s.as(USERS.worker2);
    const results = await Promise.all(Array.from({ length: 12 }, () => w.get('/api/me')));
    const ok = results.filter((r) => r.status === 200);
    const limited = results.filter((r) => r.status === 429);
    // 8 at once, then about one a second.
    expect(ok.length).toBeGreaterThanOrEqual(8);
    expect(ok.length).toBeLessThanOrEqual(10);
    expect(limited.length).toBeGreaterThan(0);
    problem(limited[0]!, 429, 'rateLimited');
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(ok[0]!.headers.get('ratelimit-limit')).toBe('8');
    expect((await s.as(USERS.workerSv).get('/api/me')).status).toBe(200);
  });

  it('limits failed sign-ins from one address (token guessing)', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      const rs = await Promise.all(
        Array.from({ length: 26 }, (_, i) => fetch(`${s.baseUrl}/api/me`, { headers: { authorization: `Bearer guess.${round}-${i}.x` } })),
      );
      for (const r of rs) {
        statuses.push(r.status);
        await r.arrayBuffer();
      }
    }
    const unauthenticated = statuses.filter((x) => x === 401).length;
    expect(unauthenticated).toBeGreaterThanOrEqual(100);
    expect(unauthenticated).toBeLessThan(115);
    expect(statuses.filter((x) => x === 429).length).toBe(130 - unauthenticated);
    // A person with a valid token from the same address still gets in.
    expect((await s.as(USERS.chair).get('/api/me')).status).toBe(200);
  });

  it('refills the bucket over time and forgets the idlest keys first', () => {
    let now = 0;
    const l = new RateLimiter({ perMinute: 60, burst: 2, maxKeys: 3, now: () => now });
    expect([l.take('a').ok, l.take('a').ok, l.take('a').ok]).toEqual([true, true, false]);
    expect(l.take('a').retryAfterS).toBe(1);
    now += 1000;
    expect(l.take('a').ok).toBe(true);
    l.take('b');
    l.take('c');
    l.take('d');
    expect(l.size).toBe(3);
  });
});

describe('time limits', () => {
  it('answers 503 request.timeout at the deadline; the late write is whole, and a repeat does not duplicate it', async () => {
    const cases = slow.composed.deps.cases;
    const realCreate = cases.create.bind(cases);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    cases.create = async (...args: Parameters<typeof cases.create>) => {
      await gate;
      return realCreate(...args);
    };
    const body = contactBody();
    try {
      const r = await slow.as(USERS.worker).post('/api/contacts', body);
      problem(r, 503, 'request.timeout');
      expect(r.headers.get('retry-after')).toBeTruthy();
    } finally {
      cases.create = realCreate;
      release();
    }
    // The slow request finishes in the background: one whole case, and the retry links to it.
    let all = await cases.listAll();
    for (let i = 0; i < 50 && all.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      all = await cases.listAll();
    }
    expect(all).toHaveLength(1);
    expect(await cases.timeline(all[0]!.id)).toHaveLength(1);
    expect(await cases.contacts(all[0]!.id)).toHaveLength(1);
    const again = await slow.as(USERS.worker).post('/api/contacts', body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ linked: true, caseId: all[0]!.id });
    expect((await slow.as(USERS.worker).get('/api/me')).status).toBe(200);
  });

  it('closes connections that send headers or body too slowly', async () => {
    const server: Server = createHttpServer(slow.composed.app, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const trickle = (head: string) =>
      new Promise<{ ms: number; data: string }>((resolve) => {
        const started = Date.now();
        let data = '';
        const sock = net.connect(port, '127.0.0.1', () => sock.write(head));
        sock.on('data', (b) => (data += b.toString()));
        sock.on('error', () => undefined);
        sock.on('close', () => resolve({ ms: Date.now() - started, data }));
        setTimeout(() => sock.destroy(), 8_000);
      });
    try {
      const [headers, body] = await Promise.all([
        trickle('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: 1'),
        trickle('POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"a":'),
      ]);
      for (const r of [headers, body]) {
        expect(r.ms).toBeLessThan(5_000);
        expect(r.data).toMatch(/^HTTP\/1\.1 408/);
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('security headers', () => {
  it('are on answers, problems, unknown routes and health alike', async () => {
    const token = await s.token(USERS.supervisor);
    const answers = await Promise.all([
      fetch(`${s.baseUrl}/api/county`, { headers: { authorization: `Bearer ${token}` } }),
      fetch(`${s.baseUrl}/api/cases/nope`, { headers: { authorization: `Bearer ${token}` } }),
      fetch(`${s.baseUrl}/api/no-such-route`, { headers: { authorization: `Bearer ${token}` } }),
      fetch(`${s.baseUrl}/api/me`),
      fetch(`${s.baseUrl}/api/health`),
      fetch(`${s.baseUrl}/`),
    ]);
    for (const r of answers) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
      expect(csp).toContain('https://*.cloud.microsoft');
      expect(csp).toContain("object-src 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(r.headers.get('x-powered-by')).toBeNull();
      await r.arrayBuffer();
    }
    expect(answers[0]!.headers.get('cache-control')).toBe('no-store');
    expect(answers.slice(1, 4).map((r) => r.status)).toEqual([403, 404, 401]);
  });

  it('sends no HSTS over plain http (development)', async () => {
    const r = await fetch(`${slow.baseUrl}/api/health`);
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });
});
