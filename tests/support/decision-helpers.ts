/**
 * Cases waiting for their decision, made through the real API: contact → assessment (started,
 * written, finished) → SAP booking → the chair records a service outcome once the meeting has
 * started. Leaves the test clock a few minutes into the meeting. Invented names only.
 */
import { expect } from 'vitest';
import type { TestServer } from './server.js';
import { contactBody, USERS } from './factories.js';

export interface CaseAtOutcome {
  caseId: string;
  meetingId: string;
  bookingId: string;
}

export interface OutcomeOptions {
  worker?: string;
  language?: 'fi' | 'sv';
  service?: 'TEMPORARY' | 'SUPPORTED' | 'COMMUNAL' | 'ROUND_THE_CLOCK';
  criteriaCited?: string[];
  rationale?: string;
  /** The group's result (default: granted). */
  result?: 'granted' | 'refused';
  /** A grant: the unit the group named and the start date. */
  preferredUnitId?: string;
  startDate?: string;
  /** Client fields of the contact (e.g. no henkilötunnus: { hetu: undefined, birthDate }). */
  client?: Record<string, unknown>;
}

let meetings = 0;

/** A case through assessment, ready to book a SAP slot. */
export async function caseReadyForSap(
  s: TestServer,
  worker: string = USERS.worker,
  language: 'fi' | 'sv' = 'fi',
  client: Record<string, unknown> = {},
): Promise<string> {
  const w = s.as(worker);
  const c = await w.post('/api/contacts', contactBody({ language }, client));
  expect(c.status).toBe(201);
  const started = await w.post(`/api/cases/${c.body.caseId}/assessment/start`);
  expect(started.status).toBeLessThan(300);
  const saved = await w.put(`/api/cases/${c.body.caseId}/assessment`, {
    version: started.body.version,
    content: {
      clientView: language === 'sv' ? 'Jag vill bo i ett eget hem med stöd.' : 'Haluan asua omassa kodissa tuettuna.',
      conclusion: language === 'sv' ? 'Stödboende.' : 'Tuettu asuminen.',
      proposedService: 'SUPPORTED',
    },
  });
  expect(saved.status).toBe(200);
  expect((await w.post(`/api/cases/${c.body.caseId}/assessment/finish`, { version: saved.body.version })).status).toBe(200);
  return c.body.caseId as string;
}

/** `count` cases (at most 48) booked into one new meeting, each with a recorded service outcome. */
export async function casesAtSapOutcome(s: TestServer, count = 1, o: OutcomeOptions = {}): Promise<CaseAtOutcome[]> {
  const worker = o.worker ?? USERS.worker;
  meetings += 1;
  // A whole hour a day (and an hour more per meeting) after "now": always in the future.
  const base = new Date(s.clock.now().getTime() + (24 + meetings) * 3600_000);
  base.setUTCMinutes(0, 0, 0);
  const m = await s.as(USERS.chair).post('/api/sap/meetings', {
    startsAt: base.toISOString(),
    durationMinutes: Math.min(480, Math.max(10, count * 10)),
    leadSocialWorkerId: USERS.lead,
    title: `Päätöstesti ${meetings}`,
  });
  expect(m.status).toBe(201);
  const out: CaseAtOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = await caseReadyForSap(s, worker, o.language ?? 'fi', o.client ?? {});
    const b = await s.as(worker).post(`/api/sap/meetings/${m.body.id}/bookings`, { caseId, startMinute: i * 10, lengthMinutes: 10 });
    expect(b.status).toBe(201);
    out.push({ caseId, meetingId: m.body.id, bookingId: b.body.booking.id });
  }
  s.clock.set(new Date(Date.parse(m.body.startsAt) + 5 * 60_000).toISOString());
  for (const c of out) {
    const r = await s.as(USERS.chair).put(`/api/sap/meetings/${c.meetingId}/bookings/${c.bookingId}/outcome`, {
      kind: 'service',
      service: o.service ?? 'SUPPORTED',
      rationale: o.rationale ?? 'Tuen tarve painottuu päiväaikaan; tuettu asuminen vastaa tarvetta.',
      criteriaCited: o.criteriaCited ?? ['SUP-1', 'SUP-2'],
      ...(o.result ? { result: o.result } : {}),
      ...(o.preferredUnitId ? { preferredUnitId: o.preferredUnitId } : {}),
      ...(o.startDate ? { startDate: o.startDate } : {}),
    });
    expect(r.status).toBeLessThan(300);
  }
  return out;
}

/** One case with a recorded service outcome. */
export async function caseAtSapOutcome(s: TestServer, o: OutcomeOptions = {}): Promise<CaseAtOutcome> {
  const [one] = await casesAtSapOutcome(s, 1, o);
  return one!;
}
