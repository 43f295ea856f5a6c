// The organiser's SHL 45 § figure counts clients still queued past the limit, not only those placed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAt, unitWith } from '../support/case-at.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { USERS } from '../support/factories.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ now: '2026-11-23T09:00:00+02:00' });
});
afterAll(async () => {
  await s?.close();
});

type Row = { ruleId: string; met: number | string; late: number | string; share: number | string | null };
const implementation = (body: { deadlines: Row[] }) => body.deadlines.find((d) => d.ruleId === 'implementation');

describe('SHL 45 § in the organiser\'s report', () => {
  it('counts clients still queued past the three-month limit as late, today, and says how many', async () => {
    // Five placed in time, six still queued (vireilletulo 23.11.2026 → limit 23.2.2027).
    const { unitId } = await unitWith(s, { places: 10 });
    for (let i = 0; i < 5; i++) await caseAt(s, 'PLACED', { unitId, viaQueue: true });
    for (let i = 0; i < 6; i++) await caseAt(s, 'QUEUED');
    const org = s.as(USERS.organiser);

    const now = await org.get('/api/reports?from=2026-11&to=2026-11');
    expect(now.status).toBe(200);
    expect(implementation(now.body)).toMatchObject({ met: 5, late: 0, share: 100 });
    expect(now.body.queuedPastLimit).toEqual({ asOf: '2026-11-23', clients: 0 });

    s.clock.set('2027-03-15T10:00:00+02:00'); // 20 days past the limit, nobody placed
    const later = await org.get('/api/reports?from=2026-11&to=2027-03');
    expect(later.status).toBe(200);
    // Counts are published rounded to base 5 (docs/REPORTS.md): six late show as 5 or 10.
    const impl = implementation(later.body) as { met: number; late: number; share: number };
    expect(impl.met).toBe(5);
    expect([5, 10]).toContain(impl.late);
    expect(impl.share).toBeCloseTo((100 * 5) / (5 + impl.late), 1);
    expect(later.body.queuedPastLimit.asOf).toBe('2027-03-15');
    expect([5, 10]).toContain(later.body.queuedPastLimit.clients);
    const muni = later.body.byMunicipality.find((m: { code: string }) => m.code === '049').deadlines.find((d: Row) => d.ruleId === 'implementation');
    expect([5, 10]).toContain(muni.late);

    // A period that ended before today shows what was resolved in it; the queue is today's.
    const past = await org.get('/api/reports?from=2026-11&to=2027-01');
    expect(implementation(past.body)).toMatchObject({ met: 5, late: 0 });
    // The filter applies: no one waits in the communal-housing queue.
    const other = await org.get('/api/reports?from=2026-11&to=2027-03&service=COMMUNAL');
    expect(other.body.queuedPastLimit.clients).toBe(0);
  });
});
