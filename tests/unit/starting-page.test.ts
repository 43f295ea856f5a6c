/**
 * The first start (issue 18): while storage starts and the demo data loads, the port answers
 * with a starting page and a health state (503 + Retry-After), and the console shows the demo
 * load as one short progress line.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAddress, progressLine, startingListener, type StartupState } from '../../bot/src/http/starting.js';

const state: StartupState = { phase: 'storage', done: 0, total: 0 };
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(startingListener(state));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the starting server', () => {
  it('reports the phase and the demo load on /api/health as 503 with Retry-After', async () => {
    state.phase = 'storage';
    let r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(await r.json()).toEqual({ status: 'starting', phase: 'storage' });
    Object.assign(state, { phase: 'demoData', done: 37, total: 200 });
    r = await fetch(`${base}/api/health`);
    expect(await r.json()).toEqual({ status: 'starting', phase: 'demoData', demoData: { done: 37, total: 200 } });
  });

  it('refuses other API calls as problem+json and shows a self-reloading page in fi, sv and en', async () => {
    Object.assign(state, { phase: 'demoData', done: 120, total: 200 });
    const api = await fetch(`${base}/api/my/cases`);
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await api.json()).code).toBe('server.starting');
    const page = await fetch(`${base}/sap`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Ladataan esimerkkiaineistoa (120/200).');
    expect(html).toContain('Exempeldata laddas (120/200).');
    expect(html).toMatch(/<meta http-equiv="refresh" content="2">/);
    expect(html).toContain('<progress value="120" max="200"');
  });
});

describe('the console lines', () => {
  it('prints the address to open, with localhost for a wildcard host', () => {
    expect(openAddress('0.0.0.0', 3978)).toBe('http://localhost:3978/');
    expect(openAddress('127.0.0.1', 3978)).toBe('http://127.0.0.1:3978/');
    expect(openAddress('::1', 8080)).toBe('http://[::1]:8080/');
  });

  it('shows the demo load as at most eleven short lines in a log, one rewritten line on a terminal', () => {
    const log: string[] = [];
    const print = progressLine({ write: (s: string) => log.push(s) });
    for (let i = 0; i <= 200; i++) print(i, 200);
    expect(log).toHaveLength(11);
    expect(log[0]).toBe('Loading demo data 0/200\n');
    expect(log.at(-1)).toBe('Loading demo data 200/200\n');

    const tty: string[] = [];
    const onTerminal = progressLine({ write: (s: string) => tty.push(s), isTTY: true });
    for (let i = 0; i <= 3; i++) onTerminal(i, 3);
    expect(tty.join('')).toBe('\rLoading demo data 0/3\rLoading demo data 1/3\rLoading demo data 2/3\rLoading demo data 3/3\n');
  });
});
