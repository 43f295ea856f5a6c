/**
 * The server-side figures, each measured against its baseline on the same Azurite in the same
 * run: intake through the API vs raw createEntity; the queue listing and the SAP agenda through
 * the API vs the raw partition query; the report at county scale.
 */
import { randomUUID } from 'node:crypto';
import type { TableStore } from '../../bot/src/storage/table-store.js';
import { contactBody, testHetu } from '../support/factories.js';
import type { ServerHandle } from './server.js';
import { interleavedMs, medianMs, pool, timed } from './stats.js';

export interface Figure {
  name: string;
  polku: number;
  baseline: number;
  unit: string;
  /** What the ratio is held against, e.g. '≥ 0.5' or '≤ 2'. */
  target?: string;
  /** Higher is better (throughput) or lower is better (latency, size). */
  higherIsBetter?: boolean;
  note?: string;
}

/** Books the agenda (her cases are the agenda's); the tab's "My work" is hers, so it keeps a real caseload. */
const WORKER = 'demo-worker-aino';
/** Registers the intake load (hundreds of new cases land on this worker, not on the one whose My work is timed). */
const INTAKE_WORKER = 'demo-worker-kalle';

/** Intake: contacts/s through POST /api/contacts vs createEntity of a case-sized entity. */
export async function intakeFigure(s: ServerHandle, store: TableStore, n: number, parallel: number): Promise<Figure> {
  const worker = await s.as(INTAKE_WORKER);
  const bodies = Array.from({ length: n }, () => contactBody({ receivedAt: new Date(Date.now() - 3_600_000).toISOString() }, { hetu: testHetu() }));
  await worker.post('/api/contacts', bodies.pop()); // warm-up
  const failed: number[] = [];
  const api = await timed(() =>
    pool(bodies, parallel, async (b) => {
      const r = await worker.post('/api/contacts', b);
      if (r.status !== 201 && r.status !== 200) failed.push(r.status);
    }),
  );
  const raw = store.entities<unknown>('RawBench');
  await store.ensureTables(['RawBench']);
  const sample = { ...bodies[0], id: randomUUID(), state: 'RECEIVED', timeline: [{ type: 'received', at: new Date().toISOString() }] };
  await raw.insert(randomUUID(), 'case', sample);
  const rawRun = await timed(() => pool(bodies, parallel, async () => void (await raw.insert(randomUUID(), 'case', sample))));
  return {
    name: `intake writes/s (${bodies.length} contacts, ${parallel} at once)`,
    polku: (bodies.length / api.ms) * 1000,
    baseline: (bodies.length / rawRun.ms) * 1000,
    unit: '/s',
    target: '≥ 0.5',
    higherIsBetter: true,
    note: failed.length ? `${failed.length} failed: ${[...new Set(failed)].join(',')}` : undefined,
  };
}

/** The coordinator's queue list (first page of 100, the whole queue read and ordered) vs the raw partition query. */
export async function queueFigure(s: ServerHandle, store: TableStore, expected: number): Promise<Figure> {
  const coord = await s.as('demo-coord-jonna');
  const first = await coord.get('/api/queues/SUPPORTED');
  if (first.status !== 200) throw new Error(`queue listing answered ${first.status}: ${first.text.slice(0, 200)}`);
  const polku = await medianMs(() => coord.get('/api/queues/SUPPORTED'), 7);
  const rows = store.entities<unknown>('Queues');
  const baseline = await medianMs(() => rows.list('q|SUPPORTED'), 7);
  return {
    name: `queue listing (${first.body.total ?? '?'} queued, page of 100)`,
    polku,
    baseline,
    unit: 'ms',
    target: '≤ 2',
    note: first.body.total === expected ? undefined : `expected ${expected} queued`,
  };
}

/** Timed calls per figure for the agenda and "my bookings" (issue 11: their ratios, under load). */
const RUNS = 15;

/**
 * The SAP agenda (a meeting with bookings, read by its chair) vs the raw partition query, timed
 * in turn (stats.ts interleavedMs). Target ≤ 3× (issue 11).
 */
export async function agendaFigure(s: ServerHandle, store: TableStore, caseIds: string[]): Promise<Figure> {
  const chair = await s.as('demo-chair-paula');
  const worker = await s.as(WORKER);
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  const m = await chair.post('/api/sap/meetings', { startsAt: startsAt.toISOString(), durationMinutes: 240, leadSocialWorkerId: 'demo-lead-leena', invitedIds: [] });
  if (m.status !== 201 && m.status !== 200) throw new Error(`meeting: ${m.status} ${m.text.slice(0, 200)}`);
  const meetingId = (m.body.id ?? m.body.meeting?.id) as string;
  let booked = 0;
  for (const [i, caseId] of caseIds.entries()) {
    const b = await worker.post(`/api/sap/meetings/${meetingId}/bookings`, { caseId, startMinute: i * 10, lengthMinutes: 10 });
    if (b.status === 201 || b.status === 200) booked++;
    else if (booked === 0 && i === 0) throw new Error(`booking: ${b.status} ${b.text.slice(0, 200)}`);
  }
  const path = `/api/sap/meetings/${meetingId}/agenda`;
  const first = await timed(() => chair.get(path));
  if (first.value.status !== 200) throw new Error(`agenda: ${first.value.status} ${first.value.text.slice(0, 200)}`);
  const rows = store.entities<unknown>('Sap');
  const { a: polku, b: baseline } = await interleavedMs(() => chair.get(path), () => rows.list(`m-${meetingId}`), RUNS);
  return { name: `SAP agenda (${booked} bookings)`, polku, baseline, unit: 'ms', target: '≤ 3', note: `interleaved medians of ${RUNS}; the first read ${first.ms.toFixed(0)} ms` };
}

/**
 * "My bookings" (`GET /api/my/sap-bookings`, the same use case as the bot's "omat varaukset") for
 * the worker whose cases the agenda booked, vs the raw query of her CaseIndex partition (which it
 * makes too). The note gives, measured on the same Azurite, what the old path added per request:
 * one Cases query of each case's booking rows.
 */
export async function myBookingsFigure(s: ServerHandle, store: TableStore, caseIds: string[]): Promise<Figure> {
  const worker = await s.as(WORKER);
  const first = await worker.get('/api/my/sap-bookings');
  if (first.status !== 200) throw new Error(`my bookings: ${first.status} ${first.text.slice(0, 200)}`);
  const index = store.entities<unknown>('CaseIndex');
  const { a: polku, b: baseline } = await interleavedMs(() => worker.get('/api/my/sap-bookings'), () => index.list(`worker-${WORKER}`), RUNS);
  const cases = store.entities<unknown>('Cases');
  const oldRanges = await medianMs(() => Promise.all(caseIds.map((id) => cases.list(id, 'booking-'))), 3);
  return {
    name: `my bookings (${(first.body.bookings as unknown[]).length} booked cases)`,
    polku,
    baseline,
    unit: 'ms',
    target: '≤ 3',
    note: `interleaved medians of ${RUNS}; raw = her CaseIndex partition; the old path's ${caseIds.length} booking-range queries alone: ${oldRanges.toFixed(0)} ms`,
  };
}

/** The organiser's report for the last 12 months at county scale, and after a change. */
export async function reportFigures(s: ServerHandle): Promise<Figure[]> {
  const org = await s.as('demo-organiser-jarmo');
  const first = await org.get('/api/reports');
  if (first.status !== 200) throw new Error(`reports: ${first.status} ${first.text.slice(0, 200)}`);
  const warm = await medianMs(() => org.get('/api/reports'), 7);
  const worker = await s.as(INTAKE_WORKER);
  const changed: number[] = [];
  for (let i = 0; i < 3; i++) {
    await worker.post('/api/contacts', contactBody({ receivedAt: new Date().toISOString() }, { hetu: testHetu() }));
    changed.push((await timed(() => org.get('/api/reports'))).ms);
  }
  const csv = await medianMs(() => org.get('/api/reports/export.csv'), 3);
  const months = (first.body.months as string[]).length;
  return [
    { name: `report, ${months} months, county scale`, polku: warm, baseline: 1000, unit: 'ms', target: '≤ 1', note: 'baseline = the 1 s target' },
    { name: 'report right after a case changed', polku: changed.sort((a, b) => a - b)[1]!, baseline: 1000, unit: 'ms', target: '≤ 1', note: 'the current month is rolled up again' },
    { name: 'report CSV export (access-logged)', polku: csv, baseline: 1000, unit: 'ms', target: '≤ 1' },
  ];
}
