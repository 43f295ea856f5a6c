/**
 * In-memory ports for the bot's unit tests (through the Teams SDK App): a small SAP calendar that uses the real
 * slot rules (domain/sap), notices with acknowledgements, preferences. Invented data only.
 */
import type { AuthUser } from '../../bot/src/domain/access.js';
import { DomainError } from '../../bot/src/domain/errors.js';
import { freeStarts, validateBooking, type SapBooking, type SapMeeting } from '../../bot/src/domain/sap/index.js';
import { agenda } from '../../bot/src/domain/sap/index.js';
import type { Notice } from '../../bot/src/domain/notices/index.js';
import { REMINDER_KINDS, isLegalReminder, type ReminderKind } from '../../bot/src/domain/reminders/index.js';
import type { BookingView, BotPorts } from '../../bot/src/teams/ports.js';

export const WORKER: AuthUser = { id: 'u-worker', name: 'Testi Työntekijä', roles: ['Worker'] };
export const SUPERVISOR: AuthUser = { id: 'u-boss', name: 'Testi Esihenkilö', roles: ['Supervisor'] };

export function fakePorts(now = new Date('2026-11-23T09:00:00+02:00')) {
  const meetings: SapMeeting[] = [
    { id: 'm1', startsAt: '2026-11-25T11:00:00.000Z', durationMinutes: 30, slotMinutes: 10 },
    { id: 'm2', startsAt: '2026-12-02T11:00:00.000Z', durationMinutes: 60, slotMinutes: 10 },
  ];
  const bookings: Array<SapBooking & { caseRef: string }> = [];
  const cases = [
    { caseId: 'c1', ref: 'P-2026-AAA222', state: 'ASSESSMENT' as const, workerId: WORKER.id },
    { caseId: 'c2', ref: 'P-2026-BBB333', state: 'ASSESSMENT' as const, workerId: WORKER.id },
  ];
  const notice: Notice = {
    id: 'n1',
    category: 'instructions',
    title: 'Uusi ohje',
    summary: 'Arvioinnin rakenne päivitetty.',
    link: 'https://intra.example.invalid/ohje',
    audience: { type: 'all' },
    expiresOn: '2026-12-31',
    publishedAt: '2026-11-20T08:00:00.000Z',
    publishedBy: { userId: SUPERVISOR.id, name: SUPERVISOR.name },
  };
  const acks = new Map<string, string>();
  let muted: ReminderKind[] = [];
  const saved: unknown[] = [];
  const removed: unknown[] = [];
  const onceResults = new Map<string, Record<string, unknown>>();
  let ids = 0;
  let bookCalls = 0;
  const meeting = (id: string) => {
    const m = meetings.find((x) => x.id === id);
    if (!m) throw new DomainError('notFound', 'no meeting');
    return m;
  };
  const view = (b: SapBooking & { caseRef: string }): BookingView => ({
    id: b.id,
    meetingId: b.meetingId,
    caseId: b.caseId,
    caseRef: b.caseRef,
    startMinute: b.startMinute,
    startsAt: new Date(Date.parse(meeting(b.meetingId).startsAt) + b.startMinute * 60_000).toISOString(),
    lengthMinutes: b.lengthMinutes,
    overrunMinutes: Math.max(0, b.startMinute + b.lengthMinutes - meeting(b.meetingId).durationMinutes),
  });
  const prefs = () => ({ kinds: REMINDER_KINDS.map((kind) => ({ kind, legal: isLegalReminder(kind), muted: muted.includes(kind) })) });
  const ports: BotPorts = {
    now: () => now,
    newId: () => `id-${++ids}`,
    sap: {
      async meetings() {
        return meetings.map((m) => ({ id: m.id, startsAt: m.startsAt, durationMinutes: m.durationMinutes, totals: { freeMinutes: agenda(m, bookings).totals.freeMinutes } }));
      },
      async meeting(_u, id) {
        const m = meeting(id);
        return { id: m.id, startsAt: m.startsAt, durationMinutes: m.durationMinutes, totals: { freeMinutes: agenda(m, bookings).totals.freeMinutes } };
      },
      async freeStarts(_u, id, len) {
        return freeStarts(meeting(id), bookings, len).map((s) => ({ startMinute: s.startMinute, startsAt: s.startsAt, overrunMinutes: s.overrunMinutes }));
      },
      async ownCases(u) {
        return cases.filter((c) => c.workerId === u.id && c.state === 'ASSESSMENT').map(({ caseId, ref, state }) => ({ caseId, ref, state }));
      },
      async book(u, req) {
        bookCalls += 1;
        const c = cases.find((x) => x.caseId === req.caseId);
        if (!c || c.workerId !== u.id) throw new DomainError('booking.notOwn', 'not own');
        if (c.state !== 'ASSESSMENT') throw new DomainError('case.wrongState', 'state');
        validateBooking(meeting(req.meetingId), bookings, { startMinute: req.startMinute, lengthMinutes: req.lengthMinutes });
        const b = { id: `b${bookings.length + 1}`, meetingId: req.meetingId, startMinute: req.startMinute, lengthMinutes: req.lengthMinutes, caseId: c.caseId, caseRef: c.ref, workerId: u.id, reason: 'NEW_CLIENT' as const };
        bookings.push(b);
        (c as { state: string }).state = 'SAP';
        return view(b);
      },
      async myBookings(u) {
        return bookings.filter((b) => b.workerId === u.id).map(view);
      },
      async booking(_u, caseId, bookingId) {
        const b = bookings.find((x) => x.id === bookingId && x.caseId === caseId);
        return b ? view(b) : undefined;
      },
      async cancel(u, _meetingId, bookingId) {
        const i = bookings.findIndex((b) => b.id === bookingId && b.workerId === u.id);
        if (i < 0) throw new DomainError('notFound', 'no booking');
        const [b] = bookings.splice(i, 1);
        const c = cases.find((x) => x.caseId === b!.caseId);
        if (c) (c as { state: string }).state = 'ASSESSMENT';
      },
      async move(_u, from, to) {
        const b = bookings.find((x) => x.id === from.bookingId)!;
        validateBooking(meeting(to.meetingId), bookings.filter((x) => x.meetingId === to.meetingId), { id: b.id, startMinute: to.startMinute, lengthMinutes: to.lengthMinutes });
        Object.assign(b, { meetingId: to.meetingId, startMinute: to.startMinute, lengthMinutes: to.lengthMinutes });
        return view(b);
      },
    },
    notices: {
      async get(u, id) {
        if (id !== notice.id) throw new DomainError('notFound', 'no notice');
        return { notice, inForce: true, acknowledgedAt: acks.get(u.id) ?? null };
      },
      async acknowledge(u, id) {
        if (id !== notice.id) throw new DomainError('notFound', 'no notice');
        const already = acks.has(u.id);
        if (!already) acks.set(u.id, now.toISOString());
        return { acknowledgedAt: acks.get(u.id)!, alreadyAcknowledged: already };
      },
    },
    people: {
      async user(id, locale) {
        return [WORKER, SUPERVISOR].find((u) => u.id === id) ? { ...[WORKER, SUPERVISOR].find((u) => u.id === id)!, locale } : null;
      },
      reminderPrefs: async () => prefs(),
      async setMuted(_u, kinds) {
        if (kinds.some(isLegalReminder)) throw new DomainError('reminder.cannotMute', 'legal');
        muted = kinds;
        return prefs();
      },
    },
    conversations: {
      save: async (r) => void saved.push(r),
      remove: async (scope, key) => void removed.push({ scope, key }),
    },
    once: {
      async once(key, work) {
        const hit = onceResults.get(key);
        if (hit) return hit;
        const r = await work();
        onceResults.set(key, r);
        return r;
      },
    },
  };
  return { ports, bookings, cases, acks, saved, removed, get muted() { return muted; }, get bookCalls() { return bookCalls; }, meetings };
}
