/**
 * Simulated staff (a bounded loop over fetch/undici, loopback only): each person repeats what
 * their role does in a day — a worker opens My work, reads own cases, registers contacts and
 * takes a case through its assessment to a SAP booking; a coordinator lists the queues; a chair
 * reads agendas — with a short pause between steps. Every request is timed; every write the
 * server acknowledged is remembered for the consistency check.
 */
import { contactBody } from '../support/factories.js';

export interface Person {
  id: string;
  role: 'Worker' | 'QueueCoordinator' | 'Chair';
  token: string;
}

export interface Sample {
  route: string;
  status: number;
  ms: number;
  at: number;
  code?: string;
  retryAfter?: string | null;
}

export interface Acked {
  contacts: Array<{ marker: string; caseId: string; status: number }>;
  bookings: Array<{ caseId: string; meetingId: string; bookingId: string; startMinute: number; lengthMinutes: number }>;
  reads: Array<{ userId: string; caseId: string }>;
}

export interface LoadOptions {
  targets: string[];
  people: Person[];
  meetingIds: string[];
  durationMs: number;
  thinkMs?: [number, number];
  /** Called once, `atMs` into the run (faults: stop storage, kill an instance). */
  during?: { atMs: number; run: (elapsedMs: () => number) => Promise<void> };
}

export interface LoadResult {
  samples: Sample[];
  acked: Acked;
  /** Requests that got no HTTP answer (connection refused or cut). */
  network: number;
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const samples: Sample[] = [];
  const acked: Acked = { contacts: [], bookings: [], reads: [] };
  const dead = new Set<string>();
  let network = 0;
  let rr = 0;
  const started = Date.now();
  const until = started + o.durationMs;
  const [thinkLo, thinkHi] = o.thinkMs ?? [100, 400];

  async function call(p: Person, method: string, route: string, path: string, body?: unknown): Promise<{ status: number; body: any; retryAfter: string | null } | undefined> {
    const live = o.targets.filter((t) => !dead.has(t));
    const target = live[rr++ % Math.max(1, live.length)] ?? o.targets[0]!;
    const t0 = Date.now();
    try {
      const r = await fetch(target + path, {
        method,
        headers: { authorization: `Bearer ${p.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await r.text();
      let parsed: any;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const retryAfter = r.headers.get('retry-after');
      samples.push({ route: `${method} ${route}`, status: r.status, ms: Date.now() - t0, at: t0 - started, code: r.status >= 400 ? parsed?.code : undefined, retryAfter });
      return { status: r.status, body: parsed, retryAfter };
    } catch (err) {
      network++;
      const code = (err as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED' && o.targets.length > 1) dead.add(target);
      samples.push({ route: `${method} ${route}`, status: 0, ms: Date.now() - t0, at: t0 - started, code: code ?? 'network' });
      return undefined;
    }
  }

  async function worker(p: Person, n: { i: number }) {
    const own: Array<{ caseId: string; state: 'RECEIVED' | 'BOOKED' }> = [];
    while (Date.now() < until) {
      const r = Math.random();
      let res;
      if (own.length === 0 || r < 0.15) {
        const marker = `Kuormitustesti ${p.id} ${n.i++}`;
        res = await call(p, 'POST', '/api/contacts', '/api/contacts', contactBody({ need: marker }));
        if (res && (res.status === 201 || res.status === 200)) {
          acked.contacts.push({ marker, caseId: res.body.caseId, status: res.status });
          if (res.status === 201) own.push({ caseId: res.body.caseId, state: 'RECEIVED' });
        }
      } else if (r < 0.4) {
        res = await call(p, 'GET', '/api/my/cases', '/api/my/cases');
      } else if (r < 0.7) {
        const c = pick(own);
        res = await call(p, 'GET', '/api/cases/:caseId', `/api/cases/${c.caseId}`);
        if (res?.status === 200) acked.reads.push({ userId: p.id, caseId: c.caseId });
      } else if (r < 0.85) {
        const c = own.find((x) => x.state === 'RECEIVED');
        if (c) res = await book(p, c);
        else res = await call(p, 'GET', '/api/sap/meetings', '/api/sap/meetings');
      } else {
        res = await call(p, 'GET', '/api/my/notices', '/api/my/notices');
      }
      await pause(res);
    }
  }

  async function book(p: Person, c: { caseId: string; state: string }) {
    const base = `/api/cases/${c.caseId}/assessment`;
    const started = await call(p, 'POST', '/api/cases/:caseId/assessment/start', `${base}/start`);
    if (!started || started.status >= 300) return started;
    const saved = await call(p, 'PUT', '/api/cases/:caseId/assessment', base, {
      version: started.body.version,
      content: { clientView: 'Haluan asua tuettuna.', conclusion: 'Tuettu asuminen.', proposedService: 'SUPPORTED' },
    });
    if (!saved || saved.status >= 300) return saved;
    const finished = await call(p, 'POST', '/api/cases/:caseId/assessment/finish', `${base}/finish`, { version: saved.body.version });
    if (!finished || finished.status >= 300) return finished;
    c.state = 'BOOKED';
    for (let attempt = 0; attempt < 3; attempt++) {
      const meetingId = pick(o.meetingIds);
      const free = await call(p, 'GET', '/api/sap/meetings/:meetingId/free-starts', `/api/sap/meetings/${meetingId}/free-starts?length=10`);
      const starts: Array<{ startMinute: number }> = free?.body?.starts ?? [];
      if (!starts.length) continue;
      let startMinute = pick(starts).startMinute;
      for (let tries = 0; tries < 2; tries++) {
        const b = await call(p, 'POST', '/api/sap/meetings/:meetingId/bookings', `/api/sap/meetings/${meetingId}/bookings`, { caseId: c.caseId, startMinute, lengthMinutes: 10 });
        if (b?.status === 201) {
          acked.bookings.push({ caseId: c.caseId, meetingId, bookingId: b.body.booking.id, startMinute, lengthMinutes: 10 });
          return b;
        }
        // Someone took it first: the answer names the next free start.
        if (b?.status === 409 && b.body?.code === 'slot.taken' && typeof b.body.nextFree?.startMinute === 'number') startMinute = b.body.nextFree.startMinute;
        else return b;
      }
    }
    return undefined;
  }

  async function coordinator(p: Person) {
    while (Date.now() < until) {
      const r = Math.random();
      const res =
        r < 0.5
          ? await call(p, 'GET', '/api/queues/:service', `/api/queues/${pick(['SUPPORTED', 'COMMUNAL', 'TEMPORARY', 'ROUND_THE_CLOCK'])}`)
          : r < 0.9
            ? await call(p, 'GET', '/api/queues', '/api/queues')
            : await call(p, 'GET', '/api/me', '/api/me');
      await pause(res);
    }
  }

  async function chair(p: Person) {
    while (Date.now() < until) {
      const res = Math.random() < 0.7 ? await call(p, 'GET', '/api/sap/meetings/:meetingId/agenda', `/api/sap/meetings/${pick(o.meetingIds)}/agenda`) : await call(p, 'GET', '/api/sap/meetings', '/api/sap/meetings');
      await pause(res);
    }
  }

  /** A person waits a moment between steps; longer when told to (503/429 Retry-After). */
  async function pause(res: { status: number; retryAfter: string | null } | undefined) {
    const told = res && (res.status === 503 || res.status === 429) ? Math.min(2_000, Number(res.retryAfter ?? 1) * 1000) : 0;
    await sleep(told || (res ? thinkLo + Math.random() * (thinkHi - thinkLo) : 500));
  }

  const fault = o.during ? sleep(o.during.atMs).then(() => o.during!.run(() => Date.now() - started)) : Promise.resolve();
  await Promise.all([
    fault,
    ...o.people.map((p) => (p.role === 'Worker' ? worker(p, { i: 0 }) : p.role === 'QueueCoordinator' ? coordinator(p) : chair(p))),
  ]);
  return { samples, acked, network, durationMs: Date.now() - started };
}

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))]!;
}

/** Figures for docs/RELIABILITY.md. */
export function summarise(r: LoadResult) {
  const ms = r.samples.filter((s) => s.status > 0).map((s) => s.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const s of r.samples) byStatus[s.status === 0 ? `network:${s.code}` : String(s.status)] = (byStatus[s.status === 0 ? `network:${s.code}` : String(s.status)] ?? 0) + 1;
  const byCode: Record<string, number> = {};
  for (const s of r.samples) if (s.status >= 400) byCode[s.code ?? String(s.status)] = (byCode[s.code ?? String(s.status)] ?? 0) + 1;
  const routes: Record<string, { n: number; p50: number; p99: number }> = {};
  const byRoute = new Map<string, number[]>();
  for (const s of r.samples) if (s.status > 0) (byRoute.get(s.route) ?? byRoute.set(s.route, []).get(s.route)!).push(s.ms);
  for (const [route, list] of byRoute) {
    list.sort((a, b) => a - b);
    routes[route] = { n: list.length, p50: percentile(list, 50), p99: percentile(list, 99) };
  }
  return {
    requests: r.samples.length,
    perSecond: Math.round((r.samples.length / r.durationMs) * 10_000) / 10,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
    byStatus,
    byCode,
    errors: r.samples.filter((s) => s.status === 0 || s.status >= 500).length,
    acked: { contacts: r.acked.contacts.length, bookings: r.acked.bookings.length, reads: r.acked.reads.length },
    routes,
  };
}
