/**
 * Property-based fuzzing of every API route from its own zod schemas (walking allRoutes): bodies,
 * query strings and path ids that follow the schema, that break it in one place, and junk.
 * Every answer is 2xx, or 4xx as problem+json — never 5xx — and a refused request writes
 * nothing: storage is compared before and after every run of refused requests.
 *
 * FUZZ_RUNS (default 26 per route) and FUZZ_SEED set the size and the seed; `npm run test:stress`
 * runs it with more. A failure prints the seed and the request.
 */
import fc, { type Arbitrary } from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../bot/src/http/routes/index.js';
import type { RouteDef } from '../../bot/src/http/route.js';
import { SERVICES, type Role } from '../../bot/src/domain/types.js';
import { exportTable, listPrefixedTables } from '../../bot/src/storage/table-backup.js';
import { caseAt, unitWith } from '../support/case-at.js';
import { caseReadyForSap } from '../support/decision-helpers.js';
import { testHetu, USERS } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { broken, jsonSchemaOf, NASTY_STRINGS, queryArb, valid, type Hints } from './fuzz-arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 26);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const BATCH = 15;
/** Refusals before any use case runs (schema, JSON parser, role, unknown route): nothing to check in storage. */
const SHALLOW = new Set(['Invalid request', 'Malformed JSON', 'Bad request', 'Request body too large', 'JSON nested too deeply', 'Your role does not allow this', 'No such API route']);
/** Tables a refused request may legitimately touch: the access log records the attempt to reach
 * client data (loadCase logs before the write is tried), the security log records a refusal (401,
 * 403, 404 on client-data routes; docs/ACCESS.md) and Users records who was seen. */
const MAY_CHANGE = new Set(['AccessLog', 'SecurityEvents', 'Users']);
const ROLE_USER: Array<[Role, string]> = [
  ['Worker', USERS.worker],
  ['QueueCoordinator', USERS.coordinator],
  ['LeadSocialWorker', USERS.lead],
  ['Chair', USERS.chair],
  ['Secretary', USERS.secretary],
  ['Supervisor', USERS.supervisor],
  ['Admin', USERS.admin],
  ['Organiser', USERS.organiser],
];

let s: TestServer;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  s = await startTestServer();
  const { unitId, providerId } = await unitWith(s, { places: 5, services: ['SUPPORTED', 'COMMUNAL'] });
  const cases = await Promise.all([
    caseAt(s, 'RECEIVED'),
    caseAt(s, 'ASSESSMENT'),
    caseAt(s, 'DECIDED'),
    caseAt(s, 'QUEUED'),
    caseAt(s, 'PLACED', { unitId }),
  ]);
  const start = new Date(s.clock.now().getTime() + 4 * 24 * 3600_000);
  start.setUTCHours(8, 0, 0, 0);
  const m = await s.as(USERS.chair).post('/api/sap/meetings', { startsAt: start.toISOString(), durationMinutes: 120, leadSocialWorkerId: USERS.lead });
  const sapCase = await caseReadyForSap(s);
  const b = await s.as(USERS.worker).post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId: sapCase, startMinute: 0, lengthMinutes: 20 });
  expect(b.status).toBe(201);
  const n = await s.as(USERS.supervisor).post('/api/notices', {
    category: 'other',
    title: 'Fuzz',
    summary: 'Fuzz.',
    link: 'https://intra.example.invalid/f',
    audience: { type: 'all' },
    expiresOn: '2026-12-31',
  });
  await s.composed.teams?.idle();
  const decided = cases[2]!;
  const decisions = await s.composed.deps.cases.rowsOf(decided.caseId, 'decision');
  Object.assign(ids, {
    caseId: [...cases.map((c) => c.caseId), sapCase],
    clientId: cases.map((c) => c.clientId),
    meetingId: [m.body.id],
    bookingId: [b.body.booking.id],
    decisionId: decisions.map((d) => d.id),
    noticeId: [n.body.notice.id],
    unitId: [unitId],
    providerId: [providerId],
    service: [...SERVICES],
  });
}, 120_000);

afterAll(async () => {
  await s?.close();
});

/** Everything in storage that a refused request must not change, as one hash per table. */
const timing = { snapshots: 0, snapshotMs: 0, requestMs: 0 };
async function snapshot(): Promise<Record<string, string>> {
  const t0 = Date.now();
  timing.snapshots++;
  const store = s.composed.deps.store;
  const tables = (await listPrefixedTables(store)).filter((t) => !MAY_CHANGE.has(t));
  const hashes = await Promise.all(
    tables.map(async (t) => {
      const h = createHash('sha256');
      for await (const e of exportTable(store, t)) h.update(JSON.stringify(e));
      return [t, h.digest('hex')] as const;
    }),
  );
  const out: Record<string, string> = Object.fromEntries(hashes);
  timing.snapshotMs += Date.now() - t0;
  return out;
}

interface FuzzRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  /** JSON value, or raw text (sent as is) when `raw`. */
  body?: unknown;
  /** Which generator made it: schema-valid bodies go last (they reach the use cases). */
  kind: 'valid' | 'broken' | 'raw';
  raw?: string;
  contentType?: string;
}

function requestArb(r: RouteDef): Arbitrary<FuzzRequest> {
  const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const idArb = (name: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...(ids[name]?.length ? ids[name]! : ['x'])) },
      { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
      { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter(Boolean), 'a'.repeat(65)) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }) },
    );
  const params = fc.record(Object.fromEntries(names.map((n) => [n, idArb(n)])) as Record<string, Arbitrary<string>>);
  const query = queryArb(r.query ? jsonSchemaOf(r.query) : undefined);
  const js = r.body ? jsonSchemaOf(r.body) : undefined;
  // Field values that get past the first checks (a valid henkilötunnus, ids that exist), so the
  // use cases themselves are fuzzed, not only the schemas.
  const pool = (name: string) => fc.constantFrom(...(ids[name]?.length ? ids[name]! : ['x']));
  const hints: Hints = {
    hetu: fc.constant(null).map(() => testHetu()),
    municipality: fc.constantFrom('049', '078', '149', '224', '235', '257', '444', '710', '755', '927'),
    caseId: pool('caseId'),
    meetingId: pool('meetingId'),
    toMeetingId: pool('meetingId'),
    unitId: pool('unitId'),
    providerId: pool('providerId'),
    leadSocialWorkerId: fc.constant(USERS.lead),
    chairId: fc.constant(USERS.chair),
  };
  const raw = fc.oneof(
    fc.constantFrom('{', '{"a":', 'null', '"text"', '[1,2', '\uFEFF{}', '{"a":1}{"b":2}', 'x'.repeat(1000)),
    fc.string({ maxLength: 200 }),
  );
  const body: Arbitrary<Pick<FuzzRequest, 'body' | 'raw' | 'contentType' | 'kind'>> = fc.oneof(
    { weight: js ? 5 : 1, arbitrary: js ? valid(js, 0, hints).map((b) => ({ body: b, kind: 'valid' as const })) : fc.constant({ kind: 'valid' as const }) },
    {
      weight: js ? 3 : 1,
      arbitrary: (js ? broken(js, hints) : fc.jsonValue({ maxDepth: 2 })).map((b) => ({ body: b, kind: 'broken' as const })),
    },
    { weight: 1, arbitrary: raw.map((t) => ({ raw: t, contentType: 'application/json', kind: 'raw' as const })) },
    { weight: 1, arbitrary: raw.map((t) => ({ raw: t, contentType: 'text/plain', kind: 'raw' as const })) },
  );
  return fc.record({ params, query, b: body }).map(({ params: p, query: q, b: x }) => ({ params: p, query: q, ...x }));
}

function userFor(r: RouteDef): string {
  if (r.roles === 'anyUser') return USERS.worker;
  const roles = r.roles;
  return ROLE_USER.find(([role]) => roles.includes(role))![1];
}

async function send(r: RouteDef, q: FuzzRequest) {
  const path = r.path.replace(/:(\w+)/g, (_m, n: string) => encodeURIComponent(q.params[n] ?? ''));
  const url = new URL(s.baseUrl + path);
  for (const [k, v] of Object.entries(q.query)) url.searchParams.append(k, v);
  const hasBody = q.raw !== undefined || (q.body !== undefined && r.method !== 'get');
  const res = await fetch(url, {
    method: r.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${await s.token(userFor(r))}`,
      ...(hasBody ? { 'content-type': q.contentType ?? 'application/json' } : {}),
    },
    body: r.method === 'get' ? undefined : q.raw !== undefined ? q.raw : q.body !== undefined ? JSON.stringify(q.body) : undefined,
  });
  const text = await res.text();
  let title: unknown;
  try {
    title = (JSON.parse(text) as { title?: unknown }).title;
  } catch {
    /* not JSON */
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, shallow: res.status >= 400 && SHALLOW.has(String(title)) };
}

describe(`fuzzing every route (${RUNS} requests each, seed ${SEED})`, () => {
  let total = 0;
  afterAll(() => {
    // Thousands in all (the count is printed for docs/RELIABILITY.md).
    console.info(`fuzz: ${total} requests over ${allRoutes.length} routes`, JSON.stringify(timing));
  });

  allRoutes.forEach((r, index) => {
    it(`${r.method.toUpperCase()} ${r.path}`, async () => {
      const order = { broken: 0, raw: 1, valid: 2 };
      const requests = fc.sample(requestArb(r), { numRuns: RUNS, seed: SEED + index }).sort((a, b) => order[a.kind] - order[b.kind]);
      const problems: string[] = [];
      // The baseline stays good until something answers 2xx; then it is taken again, lazily.
      let baseline: Record<string, string> | undefined;
      const settledSnapshot = async () => {
        await s.composed.teams?.idle();
        return snapshot();
      };
      for (let i = 0; i < requests.length; i += BATCH) {
        const batch = requests.slice(i, i + BATCH);
        let wrote = false;
        let deep = false;
        const before = baseline ?? (await settledSnapshot());
        // A batch goes at once (contention is part of the test); storage is compared around it.
        const t0 = Date.now();
        const answers = await Promise.all(batch.map((q) => send(r, q)));
        timing.requestMs += Date.now() - t0;
        answers.forEach((res, k) => {
          total++;
          const where = `seed ${SEED + index}: ${JSON.stringify(batch[k]).slice(0, 300)}`;
          if (res.status >= 500 || res.status < 200) problems.push(`${res.status} ${res.text.slice(0, 200)} ← ${where}`);
          else if (res.status >= 400) {
            if (!res.shallow) deep = true;
            let p: { code?: unknown; status?: unknown } = {};
            try {
              p = JSON.parse(res.text);
            } catch {
              /* checked below */
            }
            if (!res.type.includes('application/problem+json') || typeof p.code !== 'string' || p.status !== res.status)
              problems.push(`${res.status} not problem+json (${res.type}) ${res.text.slice(0, 120)} ← ${where}`);
          } else wrote = true;
        });
        if (wrote) {
          baseline = undefined;
          continue;
        }
        if (!deep) {
          baseline = before;
          continue;
        }
        // Refused after reaching a use case: storage must be exactly as before.
        const now = await settledSnapshot();
        for (const t of new Set([...Object.keys(now), ...Object.keys(before)]))
          if (now[t] !== before[t]) problems.push(`refused requests changed table ${t} ← ${batch.map((q) => JSON.stringify(q).slice(0, 200)).join(' | ')}`);
        baseline = now;
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  });
});
