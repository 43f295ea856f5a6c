/**
 * A local Bot Framework connector: the HTTP server a bot's replies and proactive messages go
 * to (activity.serviceUrl). It records every /v3/conversations call and can answer a scripted
 * failure (429 with Retry-After, 5xx, 403) for the next calls to a conversation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id replied to, when the call was a reply. */
  replyToId?: string;
  body: any;
  status: number;
  at: number;
}

export interface ConnectorStub {
  url: string;
  calls: ConnectorCall[];
  /** Calls that were answered 2xx, optionally to one conversation. */
  sent(conversationId?: string): ConnectorCall[];
  /** The Adaptive Cards sent (in order), optionally to one conversation. */
  cards(conversationId?: string): any[];
  /** Answer the next calls to this conversation with these statuses, in order. */
  fail(conversationId: string, statuses: number[], retryAfterSeconds?: number): void;
  /** Waits until at least n successful sends are recorded (to a conversation). */
  waitFor(n: number, conversationId?: string, timeoutMs?: number): Promise<ConnectorCall[]>;
  reset(): void;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  const failures = new Map<string, { statuses: number[]; retryAfter?: number }>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const m = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/?]+))?)?/.exec(path);
      const conversationId = m ? decodeURIComponent(m[1]!) : '';
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const f = failures.get(conversationId);
      const scripted = f?.statuses.shift();
      const status = scripted ?? 200;
      calls.push({ method: req.method ?? '', path, conversationId, replyToId: m?.[2] ? decodeURIComponent(m[2]) : undefined, body, status, at: Date.now() });
      if (scripted !== undefined) {
        if (f?.retryAfter !== undefined) res.setHeader('Retry-After', String(f.retryAfter));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Scripted', message: `scripted ${status}` } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `stub-${++seq}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ok = (c: ConnectorCall) => c.status >= 200 && c.status < 300 && c.method === 'POST';
  const stub: ConnectorStub = {
    url,
    calls,
    sent: (id) => calls.filter((c) => ok(c) && (id === undefined || c.conversationId === id)),
    cards: (id) =>
      stub
        .sent(id)
        .flatMap((c) => (c.body?.attachments ?? []) as any[])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    fail(conversationId, statuses, retryAfterSeconds) {
      failures.set(conversationId, { statuses: [...statuses], retryAfter: retryAfterSeconds });
    },
    async waitFor(n, id, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (stub.sent(id).length < n) {
        if (Date.now() > until) throw new Error(`connector stub: expected ${n} sends${id ? ` to ${id}` : ''}, got ${stub.sent(id).length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return stub.sent(id);
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return stub;
}
