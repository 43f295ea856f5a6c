/**
 * The access table (domain/access): its rules, its reading in docs/ACCESS.md, and that every
 * client-data route and every bot action has a row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_SUBJECTS,
  ACCESS_TABLE,
  BOT_ACCESS,
  CASE_PARTS,
  authorise,
  mailingView,
  meetingView,
  placingView,
  relationsOf,
  sapAccessUntil,
  type AccessSubject,
  type AuthUser,
  type CaseAccessFacts,
} from '../../bot/src/domain/access.js';
import { burstSince, burstWindowStart, isBurst, isSecurityRefusal } from '../../bot/src/domain/access/security.js';
import type { CaseRecord } from '../../bot/src/domain/cases/model.js';
import type { Role } from '../../bot/src/domain/types.js';
import { allRoutes } from '../../bot/src/http/routes/index.js';
import { BOT_ACTIONS } from '../../bot/src/teams/ports.js';

const person = (id: string, ...roles: Role[]): AuthUser => ({ id, name: id, roles });
const worker = person('w1', 'Worker');
const otherWorker = person('w2', 'Worker');
const chair = person('c1', 'Chair');
const lead = person('l1', 'LeadSocialWorker');
const guest = person('g1', 'Worker');
const secretary = person('s1', 'Secretary');
const coordinator = person('q1', 'QueueCoordinator');
const supervisor = person('v1', 'Supervisor', 'Admin', 'Organiser');

const MEETING = '2026-11-20T08:00:00.000Z'; // Friday 20 Nov 2026, 10:00 in Helsinki
const facts = (over: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  state: 'SAP',
  workerId: 'w1',
  sapMemberIds: ['c1', 'l1', 'g1'],
  sapAccess: [
    {
      meetingId: 'm1',
      meetingStartsAt: MEETING,
      members: [
        { userId: 'c1', role: 'chair' },
        { userId: 'l1', role: 'leadSocialWorker' },
        { userId: 'g1', role: 'guest' },
      ],
    },
  ],
  decisionsToMail: 0,
  ...over,
});
const ctx = (now: string) => ({ now, sapAccessDays: 14 });
const DURING = ctx('2026-11-20T09:00:00.000Z');
const can = (u: AuthUser, f: CaseAccessFacts, subject: AccessSubject, mode: 'read' | 'write', c = DURING) => authorise(u, f, { subject, mode }, c).ok;
const WRITE_SUBJECTS = (Object.keys(ACCESS_SUBJECTS) as AccessSubject[]).filter((s) => s !== 'case');

describe('access table', () => {
  it('docs/ACCESS.md shows exactly the table in domain/access/table.ts', () => {
    const doc = readFileSync(new URL('../../docs/ACCESS.md', import.meta.url), 'utf8');
    const block = doc.slice(doc.indexOf('<!-- access-table:start -->'), doc.indexOf('<!-- access-table:end -->'));
    const rows = block
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| relation') && !l.startsWith('|---'))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    const list = (s: string) => (s === '–' ? [] : s.split(', '));
    expect(rows.map(([relation, roles, reads, writes, window]) => ({ relation, roles: list(roles!), reads: list(reads!), writes: list(writes!), window }))).toEqual(
      ACCESS_TABLE.map((r) => ({ relation: r.relation, roles: [...r.roles], reads: [...r.reads], writes: [...r.writes], window: r.window })),
    );
  });

  it('names only known parts, and every subject is satisfiable by some relation', () => {
    for (const r of ACCESS_TABLE) for (const p of [...r.reads, ...r.writes]) expect(CASE_PARTS).toContain(p);
    for (const [subject, parts] of Object.entries(ACCESS_SUBJECTS))
      expect(ACCESS_TABLE.some((r) => parts.some((p) => r.reads.includes(p) || r.writes.includes(p))), subject).toBe(true);
  });

  it('the assigned worker reads and writes; another worker has no relation', () => {
    expect(relationsOf(worker, facts(), DURING)[0]).toBe('assignedWorker');
    for (const s of ['case', 'assessment', 'plan'] as const) expect(can(worker, facts(), s, 'read')).toBe(true);
    for (const s of ['assessment', 'sap.booking', 'decision.draft', 'queue.join', 'plan', 'case.close'] as const) expect(can(worker, facts(), s, 'write')).toBe(true);
    expect(can(worker, facts(), 'decision.sign', 'write')).toBe(false);
    expect(authorise(otherWorker, facts(), { subject: 'case', mode: 'read' }, DURING)).toMatchObject({ ok: false, reason: 'noRelation' });
  });

  it('a deputy covering the worker acts as the worker', () => {
    const f = facts({ deputyIds: ['w2'] });
    expect(authorise(otherWorker, f, { subject: 'plan', mode: 'write' }, DURING)).toMatchObject({ ok: true, relation: 'deputy' });
  });

  it('a guest reads what the meeting needs and never writes', () => {
    expect(authorise(guest, facts(), { subject: 'case', mode: 'read' }, DURING)).toMatchObject({ ok: true, relation: 'sapGuest', part: 'meetingView' });
    expect(authorise(guest, facts(), { subject: 'assessment', mode: 'read' }, DURING)).toMatchObject({ ok: true, part: 'assessmentSummary' });
    expect(can(guest, facts(), 'plan', 'read')).toBe(false);
    for (const s of WRITE_SUBJECTS) expect(can(guest, facts(), s, 'write'), s).toBe(false);
  });

  it('the chair writes only the outcome, the lead only signs', () => {
    expect(WRITE_SUBJECTS.filter((s) => can(chair, facts(), s, 'write'))).toEqual(['sap.outcome']);
    expect(WRITE_SUBJECTS.filter((s) => can(lead, facts(), s, 'write'))).toEqual(['decision.sign']);
    expect(can(lead, facts(), 'decision', 'read')).toBe(true);
    expect(can(chair, facts(), 'decision', 'read')).toBe(false);
  });

  it('meeting relations last from the booking until the set number of days after the meeting', () => {
    expect(sapAccessUntil(MEETING, 14)).toBe('2026-12-04');
    const placed = facts({ state: 'PLACED' });
    expect(can(chair, placed, 'case', 'read', ctx('2026-12-04T21:59:00.000Z'))).toBe(true); // 23:59 Helsinki, day 14
    expect(can(chair, placed, 'case', 'read', ctx('2026-12-04T22:00:00.000Z'))).toBe(false); // 00:00 Helsinki, day 15
    expect(can(guest, placed, 'case', 'read', ctx('2027-03-01T10:00:00.000Z'))).toBe(false);
    expect(can(chair, placed, 'case', 'read', { now: '2026-12-10T10:00:00.000Z', sapAccessDays: 30 })).toBe(true);
    // A cancelled booking: the grant is gone at once.
    expect(can(chair, facts({ sapAccess: [] }), 'case', 'read')).toBe(false);
  });

  it('cases from before meeting grants: members read only while the case is at SAP', () => {
    const legacy = facts({ sapAccess: undefined });
    expect(authorise(chair, legacy, { subject: 'case', mode: 'read' }, DURING)).toMatchObject({ ok: true, relation: 'sapGuest' });
    expect(can(chair, legacy, 'sap.outcome', 'write')).toBe(false);
    expect(can(chair, { ...legacy, state: 'PLACED' }, 'case', 'read')).toBe(false);
  });

  it('the secretary reads the mailing view while something is left to post, or a posted letter is not yet notified', () => {
    const toPost = facts({ state: 'DECIDED', decisionsToMail: 1 });
    expect(authorise(secretary, toPost, { subject: 'case', mode: 'read' }, DURING)).toMatchObject({ ok: true, relation: 'secretary', part: 'mailing' });
    expect(can(secretary, toPost, 'decision.pdf', 'read')).toBe(true);
    expect(can(secretary, toPost, 'decision.mailed', 'write')).toBe(true);
    expect(can(secretary, toPost, 'decision.notified', 'write')).toBe(true);
    expect(can(secretary, toPost, 'assessment', 'read')).toBe(false);
    expect(can(secretary, toPost, 'decision.preview', 'read')).toBe(false);
    const posted = facts({ state: 'DECIDED', decisionNotifications: [{ channel: 'post' }] });
    expect(can(secretary, posted, 'decision.mailed', 'write')).toBe(true);
    expect(can(secretary, facts({ state: 'DECIDED', decisionNotifications: [{ channel: 'post', notifiedOn: '2026-11-30' }] }), 'case', 'read')).toBe(false);
  });

  it('the coordinator reads the placing view and writes the queue and placement, never the plan', () => {
    const queued = facts({ state: 'QUEUED' });
    expect(authorise(coordinator, queued, { subject: 'case', mode: 'read' }, DURING)).toMatchObject({ ok: true, relation: 'coordinator', part: 'placing' });
    expect(can(coordinator, queued, 'queue.offer', 'write')).toBe(true);
    expect(can(coordinator, queued, 'placement', 'write')).toBe(true);
    expect(can(coordinator, queued, 'plan', 'read')).toBe(false);
    expect(can(coordinator, queued, 'decision', 'read')).toBe(false);
    expect(can(coordinator, facts({ state: 'DECIDED', decisionResult: 'refused' }), 'case', 'read')).toBe(false);
  });

  it('the supervisor, organiser and admin never hold a relation', () => {
    for (const state of ['SAP', 'DECIDED', 'QUEUED', 'PLACED'] as const) expect(relationsOf(supervisor, facts({ state, decisionsToMail: 1 }), DURING)).toEqual([]);
  });
});

describe('views', () => {
  const record = {
    id: 'c', ref: 'P-2026-00001', clientId: 'k', client: { hetu: '010190-900A', firstName: 'Testi', lastName: 'Kuvitteellinen', birthDate: '1990-01-01' },
    language: 'fi', municipality: '049', state: 'QUEUED', urgent: false, lawGroups: [], pendingAt: '2026-01-01T00:00:00Z', receivedAt: '2026-01-01T00:00:00Z',
    service: 'SUPPORTED', clientDelays: [{ from: '2026-02-01', to: '2026-02-05', reason: 'Sairaalassa psykoosin vuoksi', recordedBy: { userId: 'w', name: 'W' }, recordedAt: '2026-02-01T00:00:00Z' }],
    sapMemberIds: [], decisionsToMail: 1, decisionNotifications: [], contactCount: 1, lastEventSeq: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  } as unknown as CaseRecord;
  it('disclose no henkilötunnus, birth date or free text', () => {
    for (const v of [mailingView(record), placingView(record), meetingView(record)]) {
      const text = JSON.stringify(v);
      expect(text).not.toContain('010190-900A');
      expect(text).not.toContain('1990-01-01');
      expect(text).not.toContain('psykoosin');
      expect(text).toContain('P-2026-00001');
    }
  });
});

describe('every route and bot action has a row', () => {
  it('client-data routes declare what they need; others declare nothing', () => {
    const missing = allRoutes.filter((r) => r.clientData && !r.access).map((r) => `${r.method} ${r.path}`);
    const stray = allRoutes.filter((r) => !r.clientData && r.access && r.access.kind !== 'none').map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    expect(stray).toEqual([]);
  });

  it('every bot action has a row in BOT_ACCESS, and every row a bot action', () => {
    expect([...BOT_ACTIONS].sort()).toEqual(Object.keys(BOT_ACCESS).sort());
  });

  it('book, move and cancel write the booking: only the assigned worker', () => {
    for (const k of ['sap.book', 'sap.move', 'sap.cancel'] as const) {
      const a = BOT_ACCESS[k].access;
      expect(a.kind).toBe('case');
      if (a.kind !== 'case') continue;
      expect(can(worker, facts({ state: 'ASSESSMENT' }), a.subject, a.mode)).toBe(true);
      for (const u of [chair, lead, guest, secretary, coordinator, otherWorker]) expect(can(u, facts(), a.subject, a.mode)).toBe(false);
    }
  });
});

describe('security events', () => {
  const rule = { count: 20, minutes: 10 };
  it('refusals are 401, 403 and 404; a burst is the configured count in the window', () => {
    expect([400, 401, 403, 404, 409, 412].filter(isSecurityRefusal)).toEqual([401, 403, 404]);
    expect(isBurst(19, rule)).toBe(false);
    expect(isBurst(20, rule)).toBe(true);
    expect(burstSince('2026-11-20T10:10:00.000Z', rule)).toBe('2026-11-20T10:00:00.000Z');
    expect(burstWindowStart('2026-11-20T10:19:59.000Z', rule)).toBe(Date.parse('2026-11-20T10:10:00.000Z'));
  });
});
