import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SERVICES } from '../../bot/src/domain/types.js';
import { DomainError } from '../../bot/src/domain/errors.js';
import { agenda, cellsOf, freeStarts, minutes, nextFreeStart, validateBooking, validateOutcome } from '../../bot/src/domain/sap/index.js';
import type { SapBooking, SapMeeting, SapOutcome } from '../../bot/src/domain/sap/index.js';
import { DEMO_CRITERIA, criteriaInForce, criteriaVersion, validateCriteriaSets } from '../../bot/src/domain/criteria/index.js';
import type { CriteriaSet } from '../../bot/src/domain/criteria/index.js';

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

// Tuesday 10:00 Helsinki (UTC+2) = 08:00Z; 60 minutes.
const meeting: SapMeeting = { id: 'm1', startsAt: '2025-03-04T08:00:00.000Z', durationMinutes: 60, slotMinutes: 10 };
let seq = 0;
const booking = (startMinute: number, lengthMinutes = 10, over: Partial<SapBooking> = {}): SapBooking => ({
  id: `b${++seq}`,
  meetingId: 'm1',
  startMinute,
  lengthMinutes,
  caseId: `case-${seq}`,
  workerId: 'w1',
  reason: 'NEW_CLIENT',
  ...over,
});

describe('cells and booking checks', () => {
  it('lists the 10-minute cells a booking covers', () => {
    expect(cellsOf({ startMinute: 0, lengthMinutes: 10 })).toEqual([0]);
    expect(cellsOf({ startMinute: 20, lengthMinutes: 30 })).toEqual([20, 30, 40]);
  });

  it('accepts a free, aligned booking with its instants', () => {
    const r = validateBooking(meeting, [], { startMinute: 10, lengthMinutes: 20 });
    expect(r).toEqual({
      startMinute: 10,
      lengthMinutes: 20,
      endMinute: 30,
      cells: [10, 20],
      startsAt: '2025-03-04T08:10:00.000Z',
      endsAt: '2025-03-04T08:30:00.000Z',
      overruns: false,
      overrunMinutes: 0,
    });
    expect(validateBooking(meeting, [], { startMinute: 50 }).lengthMinutes).toBe(10);
  });

  it('rejects misaligned starts and bad lengths', () => {
    expect(catchError(() => validateBooking(meeting, [], { startMinute: 5 })).code).toBe('slot.misaligned');
    expect(catchError(() => validateBooking(meeting, [], { startMinute: 10.5 })).code).toBe('slot.misaligned');
    for (const len of [0, 5, 15, 40, -10]) {
      const e = catchError(() => validateBooking(meeting, [], { startMinute: 0, lengthMinutes: len }));
      expect(e.code).toBe('slot.length');
      expect(e.details).toEqual({ allowed: [10, 20, 30] });
    }
  });

  it('rejects starts outside the meeting and times already past', () => {
    expect(catchError(() => validateBooking(meeting, [], { startMinute: -10 })).code).toBe('slot.outsideMeeting');
    expect(catchError(() => validateBooking(meeting, [], { startMinute: 60 })).code).toBe('slot.outsideMeeting');
    expect(catchError(() => validateBooking(meeting, [], { startMinute: 10 }, { now: '2025-03-04T08:15:00.000Z' })).code).toBe('meeting.past');
    expect(validateBooking(meeting, [], { startMinute: 20 }, { now: '2025-03-04T08:15:00.000Z' }).startMinute).toBe(20);
  });

  it('flags (but allows) a booking that runs past the end', () => {
    const r = validateBooking(meeting, [], { startMinute: 50, lengthMinutes: 30 });
    expect(r).toMatchObject({ overruns: true, overrunMinutes: 20, cells: [50, 60, 70], endsAt: '2025-03-04T09:20:00.000Z' });
  });

  it('says the slot is taken and offers the next free start', () => {
    const existing = [booking(0, 20), booking(30, 10), booking(50, 10)];
    const e = catchError(() => validateBooking(meeting, existing, { startMinute: 10, lengthMinutes: 10 }));
    expect(e.code).toBe('slot.taken');
    expect(e.details).toEqual({ nextFree: 20 });
    // 20 minutes do not fit at 20 (30 is taken) nor at 40 (50 is taken): 60 is outside → wrap to null
    expect(catchError(() => validateBooking(meeting, existing, { startMinute: 0, lengthMinutes: 20 })).details).toEqual({ nextFree: null });
    // wraps to the first free start when nothing is free later
    const late = [booking(0, 10), booking(40, 20)];
    expect(catchError(() => validateBooking(meeting, late, { startMinute: 50 })).details).toEqual({ nextFree: 10 });
  });

  it('lets a booking move over its own cells, and ignores other meetings', () => {
    const own = booking(10, 20);
    expect(validateBooking(meeting, [own], { id: own.id, startMinute: 20, lengthMinutes: 20 }).cells).toEqual([20, 30]);
    expect(validateBooking(meeting, [booking(10, 30, { meetingId: 'other' })], { startMinute: 10 }).cells).toEqual([10]);
  });

  it('cells past the end are exclusive too', () => {
    const over = booking(50, 30);
    expect(catchError(() => validateBooking(meeting, [over], { startMinute: 50 })).code).toBe('slot.taken');
  });

  it('validates the meeting', () => {
    expect(catchError(() => validateBooking({ ...meeting, durationMinutes: 65 }, [], { startMinute: 0 })).details).toMatchObject({ field: 'durationMinutes' });
    expect(catchError(() => validateBooking({ ...meeting, startsAt: 'tuesday' }, [], { startMinute: 0 })).details).toMatchObject({ field: 'startsAt' });
  });
});

describe('free starts', () => {
  it('lists free starts for a length, flagging overruns', () => {
    const existing = [booking(10, 10), booking(40, 10)];
    expect(freeStarts(meeting, existing, 10).map((f) => f.startMinute)).toEqual([0, 20, 30, 50]);
    expect(freeStarts(meeting, existing, 20).map((f) => [f.startMinute, f.overrunMinutes])).toEqual([[20, 0], [50, 10]]);
    expect(freeStarts(meeting, [], 30).at(-1)).toMatchObject({ startMinute: 50, overrunMinutes: 20, startsAt: '2025-03-04T08:50:00.000Z' });
    expect(catchError(() => freeStarts(meeting, [], 25)).code).toBe('slot.length');
  });

  it('finds the next free start from a minute', () => {
    const existing = [booking(0, 30)];
    expect(nextFreeStart(meeting, existing, 0, 10)).toBe(30);
    expect(nextFreeStart(meeting, existing, 31, 10)).toBe(40);
    expect(nextFreeStart(meeting, [booking(0, 30), booking(30, 30)], 0, 10)).toBeNull();
  });
});

/** Random booking attempts, accepted in order like the storage would. */
const attemptsArb = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 8 }).map((n) => n * 10), length: fc.constantFrom(10, 20, 30) }),
  { maxLength: 30 },
);
const durationArb = fc.integer({ min: 1, max: 9 }).map((n) => n * 10);

function accept(m: SapMeeting, attempts: { start: number; length: number }[]): SapBooking[] {
  const accepted: SapBooking[] = [];
  for (const a of attempts) {
    try {
      validateBooking(m, accepted, { startMinute: a.start, lengthMinutes: a.length });
      accepted.push(booking(a.start, a.length));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      expect(['slot.taken', 'slot.outsideMeeting']).toContain(e.code);
      if (e.code === 'slot.taken') {
        const next = e.details.nextFree as number | null;
        if (next !== null) expect(validateBooking(m, accepted, { startMinute: next, lengthMinutes: a.length }).startMinute).toBe(next);
        else expect(freeStarts(m, accepted, a.length)).toEqual([]);
      }
    }
  }
  return accepted;
}

describe('slot properties', () => {
  it('no two accepted bookings share a cell', () => {
    fc.assert(
      fc.property(durationArb, attemptsArb, (durationMinutes, attempts) => {
        const m = { ...meeting, durationMinutes };
        const cells = accept(m, attempts).flatMap((b) => cellsOf(b));
        expect(new Set(cells).size).toBe(cells.length);
      }),
    );
  });

  it('free starts never overlap bookings, and are exactly the starts a booking is accepted at', () => {
    fc.assert(
      fc.property(durationArb, attemptsArb, fc.constantFrom(10, 20, 30), (durationMinutes, attempts, len) => {
        const m = { ...meeting, durationMinutes };
        const accepted = accept(m, attempts);
        const taken = new Set(accepted.flatMap((b) => cellsOf(b)));
        const free = freeStarts(m, accepted, len).map((f) => f.startMinute);
        for (const s of free) expect(cellsOf({ startMinute: s, lengthMinutes: len }).some((c) => taken.has(c))).toBe(false);
        for (let s = 0; s < durationMinutes; s += 10) {
          const ok = (() => {
            try {
              validateBooking(m, accepted, { startMinute: s, lengthMinutes: len });
              return true;
            } catch {
              return false;
            }
          })();
          expect(ok).toBe(free.includes(s));
        }
        expect(nextFreeStart(m, accepted, 0, len)).toBe(free[0] ?? null);
      }),
    );
  });

  it('agenda totals add up and overrun is flagged exactly when a booking passes the end', () => {
    fc.assert(
      fc.property(durationArb, attemptsArb, (durationMinutes, attempts) => {
        const m = { ...meeting, durationMinutes };
        const accepted = accept(m, attempts);
        const a = agenda(m, accepted);
        const lastEnd = Math.max(0, ...accepted.map((b) => b.startMinute + b.lengthMinutes));
        expect(a.totals.bookedMinutes).toBe(accepted.reduce((s, b) => s + b.lengthMinutes, 0));
        expect(a.totals.overrunMinutes).toBe(Math.max(0, lastEnd - durationMinutes));
        expect(a.totals.overruns).toBe(lastEnd > durationMinutes);
        expect(a.totals.freeMinutes).toBe(freeStarts(m, accepted, 10).length * 10);
        expect(a.totals.bookedMinutes - a.totals.overrunMinutes + a.totals.freeMinutes).toBe(durationMinutes);
        expect(a.items.map((i) => i.startMinute)).toEqual([...a.items.map((i) => i.startMinute)].sort((x, y) => x - y));
      }),
    );
  });
});

describe('agenda', () => {
  it('orders items with instants and totals', () => {
    const items = [booking(40, 30, { id: 'late' }), booking(0, 20, { id: 'first' }), booking(20, 10, { id: 'x', meetingId: 'other' })];
    const a = agenda(meeting, items);
    expect(a.items.map((i) => [i.order, i.bookingId, i.startsAt, i.endsAt, i.overrunMinutes])).toEqual([
      [1, 'first', '2025-03-04T08:00:00.000Z', '2025-03-04T08:20:00.000Z', 0],
      [2, 'late', '2025-03-04T08:40:00.000Z', '2025-03-04T09:10:00.000Z', 10],
    ]);
    expect(a.totals).toEqual({ items: 2, bookedMinutes: 50, freeMinutes: 20, overrunMinutes: 10, overruns: true });
    expect(a.endsAt).toBe('2025-03-04T09:00:00.000Z');
    expect(a.expectedEndsAt).toBe('2025-03-04T09:10:00.000Z');
  });
});

describe('criteria', () => {
  it('has a valid demo version 1 for every service, in Finnish and Swedish', () => {
    expect(() => validateCriteriaSets(DEMO_CRITERIA)).not.toThrow();
    for (const s of SERVICES) {
      const set = criteriaInForce(DEMO_CRITERIA, s, '2025-01-01');
      expect(set?.version).toBe(1);
      expect(set!.items.length).toBeGreaterThanOrEqual(3);
    }
    expect(criteriaInForce(DEMO_CRITERIA, 'ROUND_THE_CLOCK', '2023-12-31')).toBeNull();
    const ids = DEMO_CRITERIA.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('picks the version in force on a day', () => {
    const v2: CriteriaSet = { service: 'SUPPORTED', version: 2, validFrom: '2025-06-01', items: [{ id: 'SUP-9', text: { fi: 'a', sv: 'b' } }] };
    const all = [...DEMO_CRITERIA, v2];
    expect(criteriaInForce(all, 'SUPPORTED', '2025-05-31')?.version).toBe(1);
    expect(criteriaInForce(all, 'SUPPORTED', '2025-06-01')?.version).toBe(2);
    expect(criteriaVersion(all, 'SUPPORTED', 1)?.validFrom).toBe('2024-01-01');
    expect(catchError(() => validateCriteriaSets([...all, { ...v2 }])).details).toMatchObject({ field: 'version' });
    expect(catchError(() => validateCriteriaSets([{ ...v2, items: [{ id: 'x', text: { fi: 'a', sv: ' ' } }] }])).details).toMatchObject({ field: 'items.text' });
  });
});

describe('outcomes', () => {
  const on = '2025-03-04';
  const base: SapOutcome = { bookingId: 'b1', kind: 'service', service: 'ROUND_THE_CLOCK', rationale: 'Needs help at night.', criteriaCited: ['RTC-1', 'RTC-2'], criteriaVersion: 1 };

  it('accepts a service outcome citing its criteria, normalised', () => {
    const o = validateOutcome({ ...base, rationale: '  Needs help at night. ', criteriaCited: ['RTC-1', ' RTC-1', 'RTC-2'], preferredUnitId: ' ' }, DEMO_CRITERIA, on);
    expect(o).toEqual({ ...base, preferredUnitId: null, result: 'granted', startDate: null });
    expect(validateOutcome({ ...base, criteriaVersion: null }, DEMO_CRITERIA, on).criteriaVersion).toBe(1);
  });

  it('requires the service, a rationale and at least one criterion of that service', () => {
    expect(catchError(() => validateOutcome({ ...base, service: null }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'service' });
    expect(catchError(() => validateOutcome({ ...base, rationale: '  ' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'rationale' });
    const none = catchError(() => validateOutcome({ ...base, criteriaCited: [] }, DEMO_CRITERIA, on));
    expect(none.code).toBe('outcome.criteriaRequired');
    expect(none.details).toMatchObject({ problem: 'none', service: 'ROUND_THE_CLOCK', version: 1 });
    const other = catchError(() => validateOutcome({ ...base, criteriaCited: ['RTC-1', 'SUP-1'] }, DEMO_CRITERIA, on));
    expect(other.code).toBe('outcome.criteriaRequired');
    expect(other.details).toMatchObject({ problem: 'unknown', unknown: ['SUP-1'] });
    expect(catchError(() => validateOutcome({ ...base, criteriaVersion: 2 }, DEMO_CRITERIA, on)).details).toMatchObject({ problem: 'versionNotInForce', inForce: 1 });
    expect(catchError(() => validateOutcome(base, DEMO_CRITERIA, '2023-06-01')).details).toMatchObject({ problem: 'noneInForce' });
    expect(catchError(() => validateOutcome({ ...base, kind: 'maybe' as 'service' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'kind' });
  });

  it('"more information needed" needs only what is missing, and drops the rest', () => {
    expect(catchError(() => validateOutcome({ ...base, kind: 'moreInfo', rationale: '' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'rationale' });
    expect(validateOutcome({ ...base, kind: 'moreInfo', rationale: 'Psychiatrist statement', criteriaCited: [] }, DEMO_CRITERIA, on)).toEqual({
      bookingId: 'b1', kind: 'moreInfo', service: null, preferredUnitId: null, rationale: 'Psychiatrist statement', criteriaCited: [], criteriaVersion: null, moreInfo: null,
    });
  });

  it('grants with a unit and a start date, or refuses with the criteria not met and no unit', () => {
    const grant = validateOutcome({ ...base, preferredUnitId: 'u1', startDate: '2025-03-10' }, DEMO_CRITERIA, on);
    expect(grant).toMatchObject({ result: 'granted', preferredUnitId: 'u1', startDate: '2025-03-10' });
    expect(catchError(() => validateOutcome({ ...base, startDate: '2025-03-01' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'startDate' });
    const refusal = validateOutcome({ ...base, result: 'refused' }, DEMO_CRITERIA, on);
    expect(refusal).toMatchObject({ result: 'refused', preferredUnitId: null, startDate: null, criteriaCited: ['RTC-1', 'RTC-2'] });
    expect(catchError(() => validateOutcome({ ...base, result: 'refused', preferredUnitId: 'u1' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'preferredUnitId' });
    expect(catchError(() => validateOutcome({ ...base, result: 'maybe' as 'granted' }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'result' });
  });

  it('"more information needed" says from whom and by when (not before the meeting)', () => {
    const more = { ...base, kind: 'moreInfo' as const, rationale: 'Lääkärinlausunto', criteriaCited: [] };
    expect(validateOutcome({ ...more, moreInfo: { what: '', fromWhom: ' psykiatrian poliklinikka ', by: '2025-03-18' } }, DEMO_CRITERIA, on).moreInfo).toEqual({
      what: 'Lääkärinlausunto',
      fromWhom: 'psykiatrian poliklinikka',
      by: '2025-03-18',
    });
    expect(catchError(() => validateOutcome({ ...more, moreInfo: { what: '', fromWhom: ' ', by: '2025-03-18' } }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'moreInfo.fromWhom' });
    expect(catchError(() => validateOutcome({ ...more, moreInfo: { what: '', fromWhom: 'x', by: '2025-03-01' } }, DEMO_CRITERIA, on)).details).toMatchObject({ field: 'moreInfo.by' });
  });
});

describe('minutes', () => {
  const items = agenda(meeting, [booking(0, 20, { id: 'a' }), booking(20, 10, { id: 'b', reason: 'CHANGED_NEED' }), booking(30, 10, { id: 'c' })]).items;
  const outcomes: SapOutcome[] = [
    { bookingId: 'a', kind: 'service', service: 'SUPPORTED', preferredUnitId: 'unit-3', rationale: 'r', criteriaCited: ['SUP-1'], criteriaVersion: 1 },
    { bookingId: 'b', kind: 'moreInfo', rationale: 'statement missing', criteriaCited: [], criteriaVersion: null },
  ];
  const attendees = [
    { userId: 'w1', name: 'Worker Ann', role: 'worker' as const },
    { userId: 'l1', name: 'Lead Lea', role: 'leadSocialWorker' as const },
    { userId: 'w1', name: 'Worker Ann', role: 'guest' as const },
  ];

  it('builds structured minutes with keys, totals and warnings', () => {
    const m = minutes(meeting, items, outcomes, attendees);
    expect(m.heading).toEqual({ key: 'sap.minutes.heading', params: { startsAt: meeting.startsAt, endsAt: '2025-03-04T09:00:00.000Z' } });
    expect(m.attendees.map((a) => [a.userId, a.role])).toEqual([['l1', 'leadSocialWorker'], ['w1', 'worker']]);
    expect(m.items.map((i) => i.summary)).toEqual([
      { key: 'sap.minutes.item.service', params: { service: 'SUPPORTED', section: '21 a §', criteriaVersion: 1, criteriaCount: 1, preferredUnit: true } },
      { key: 'sap.minutes.item.moreInfo' },
      { key: 'sap.minutes.item.noOutcome' },
    ]);
    expect(m.items[1]?.reason).toBe('CHANGED_NEED');
    expect(m.totals).toEqual({ items: 3, service: 1, moreInfo: 1, noOutcome: 1, byService: { TEMPORARY: 0, SUPPORTED: 1, COMMUNAL: 0, ROUND_THE_CLOCK: 0 } });
    expect(m.complete).toBe(false);
    expect(m.warnings).toEqual([{ key: 'sap.minutes.warning.noChair' }, { key: 'sap.minutes.warning.missingOutcomes', params: { count: 1 } }]);
  });

  it('is complete with every outcome and a chair', () => {
    const all = [...outcomes, { ...outcomes[1]!, bookingId: 'c' }];
    const m = minutes(meeting, items, all, [...attendees, { userId: 'c1', name: 'Chair', role: 'chair' }]);
    expect(m.complete).toBe(true);
    expect(m.warnings).toEqual([]);
    expect(m.attendees[0]?.role).toBe('chair');
  });

  it('rejects outcomes for bookings not on the agenda and duplicates', () => {
    expect(catchError(() => minutes(meeting, items, [{ ...outcomes[0]!, bookingId: 'zzz' }], attendees)).details).toMatchObject({ bookingId: 'zzz' });
    expect(catchError(() => minutes(meeting, items, [outcomes[0]!, outcomes[0]!], attendees)).details).toMatchObject({ bookingId: 'a' });
  });
});
