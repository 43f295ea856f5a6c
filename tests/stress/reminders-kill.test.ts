/**
 * Reminders across a SIGKILL: the daily gathered reminders go out once per person, claimed
 * through a table entity. An instance is killed while a send is in flight at the connector; a
 * second instance (its clock past the first one's lease) finishes the day: everyone gets their
 * reminder (never none), and only the send that was in flight at the kill can arrive twice —
 * at-least-once is the honest promise for a message to an outside service (docs/RELIABILITY.md).
 *
 * P publishes a notice on a Monday; A starts on Thursday just before the reminder hour (the
 * notice reminder is due after two working days), is killed at its third send; B takes over.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPersonal, personalConversation } from '../bot/activities.js';
import { DEMO_USERS } from '../../bot/src/demo/users.js';
import { newPrefix, startFakeEntra, startInstance, startStorage, storeOf, type Instance, type Storage } from './cluster.js';
import type { FakeEntra } from '../support/entra.js';
import { writeFigures } from './setup.js';

interface Call {
  conversationId: string;
  kind: 'digest' | 'notice';
  by: string;
}

let storage: Storage;
let entra: FakeEntra;
let connector: http.Server;
let connectorUrl = '';
const calls: Call[] = [];
let delayMs = 0;
let onDigest: (n: number) => void = () => undefined;
const running: Instance[] = [];

beforeAll(async () => {
  [storage, entra] = await Promise.all([startStorage(), startFakeEntra()]);
  // A Bot Framework connector on loopback that records each send when it arrives and answers
  // after `delayMs` (so a send can be caught in flight).
  connector = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      // Proactive sends go as replies to the stored conversation reference, so the path does not
      // tell them apart; a personal notice card carries a summary, a reminder does not.
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      const body = raw ? JSON.parse(raw) : {};
      const kind: Call['kind'] = body.summary ? 'notice' : 'digest';
      calls.push({ conversationId: decodeURIComponent(m?.[1] ?? ''), kind, by: String(req.headers['user-agent'] ?? '') });
      if (kind === 'digest') onDigest(calls.filter((c) => c.kind === 'digest').length);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${calls.length}` }));
      }, kind === 'digest' ? delayMs : 0);
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(running.map((i) => i.stop()));
  connector?.closeAllConnections();
  await new Promise<void>((r) => connector?.close(() => r()));
  await entra?.close();
  await storage?.close();
});

const count = (kind: Call['kind']) => {
  const m = new Map<string, number>();
  for (const c of calls) if (c.kind === kind) m.set(c.conversationId, (m.get(c.conversationId) ?? 0) + 1);
  return m;
};

async function waitFor(what: string, ok: () => boolean, ms = 90_000) {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(calls.map((c) => [c.kind, c.conversationId]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('daily reminders across a SIGKILL', () => {
  it('every person gets the reminder; only the send in flight at the kill may come twice', async () => {
    const prefix = newPrefix();
    const env = (clock: string, extra: Record<string, string> = {}) => ({ storagePort: storage.port, prefix, entra, extra: { STRESS_CLOCK_START: clock, ...extra } });

    // Monday: everyone installs the bot; a supervisor publishes a notice to all.
    const p = await startInstance('publisher', env('2026-11-30T10:00:00+02:00'));
    running.push(p);
    for (const u of DEMO_USERS) {
      const r = await fetch(`${p.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installPersonal(connectorUrl, { userId: u.id })) });
      expect(r.status).toBeLessThan(300);
    }
    calls.length = 0; // the welcome cards
    const token = ((await (await fetch(`${p.url}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'demo-supervisor-eero' }) })).json()) as { token: string }).token;
    const published = await fetch(`${p.url}/api/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'instructions', title: 'Muistutustesti', summary: 'Uusi ohje.', link: 'https://intra.example.invalid/o', audience: { type: 'all' }, expiresOn: '2026-12-31' }),
    });
    expect(published.status).toBe(201);
    const audience = ((await published.json()) as { audienceSize: number }).audienceSize;
    await waitFor('notice cards', () => [...count('notice').values()].reduce((a, b) => a + b, 0) >= audience);
    await p.stop();

    // Thursday just before 08:00: A starts sending the reminders and is killed at its third.
    delayMs = 800;
    let killed: Promise<void> | undefined;
    let inFlight = '';
    const a = await startInstance('sender', env('2026-12-03T07:59:58+02:00', { STRESS_TICK_MS: '1000' }));
    running.push(a);
    onDigest = (n) => {
      if (n === 3 && !killed) {
        inFlight = calls.filter((c) => c.kind === 'digest').at(-1)!.conversationId;
        killed = a.kill();
      }
    };
    await waitFor('the kill', () => killed !== undefined);
    await killed;
    const beforeTakeover = [...count('digest').values()].reduce((x, y) => x + y, 0);

    // B's clock is past A's lease (10 min): it sends the rest and takes over the one in flight.
    delayMs = 50;
    const b = await startInstance('takeover', env('2026-12-03T07:59:58+02:00', { STRESS_TICK_MS: '1000', STRESS_CLOCK_OFFSET_MS: String(11 * 60_000) }));
    running.push(b);
    const installed = DEMO_USERS.map((u) => personalConversation(u.id));
    const digests = () => count('digest');
    await waitFor('a reminder to everyone', () => installed.filter((id) => count('notice').has(id)).every((id) => digests().has(id)));
    await new Promise((r) => setTimeout(r, 3_000)); // a late duplicate would show up here
    await b.stop();

    const got = digests();
    const recipients = installed.filter((id) => count('notice').has(id));
    const twice = [...got.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    const claims = await storeOf(storage.port, prefix).entities<{ state: string }>('BotClaims').query("PartitionKey eq 'digest-2026-12-03'");
    writeFigures('fault-reminders-kill', {
      recipients: recipients.length,
      sentBeforeKill: beforeTakeover,
      digests: [...got.values()].reduce((x, y) => x + y, 0),
      twice: twice.length,
      claims: claims.map((c) => c.value.state),
    });
    expect(recipients.length).toBeGreaterThanOrEqual(5);
    for (const id of recipients) expect(got.get(id) ?? 0, `reminders to ${id}`).toBeGreaterThanOrEqual(1);
    expect(twice.every((id) => id === inFlight)).toBe(true);
    expect(claims.every((c) => c.value.state === 'done')).toBe(true);
    // Notice cards (Monday) went once each.
    for (const [id, n] of count('notice')) expect(n, `notice cards to ${id}`).toBe(1);
  });
});
