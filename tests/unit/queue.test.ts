import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUEUE_LEAVE_REASONS, SERVICES } from '../../bot/src/domain/types.js';
import { DomainError } from '../../bot/src/domain/errors.js';
import {
  DEFAULT_QUEUE_RULES,
  answerOffer,
  compareEntries,
  expireOffer,
  leaveQueue,
  makeOffer,
  moveToQueue,
  newQueueEntry,
  orderQueue,
  queueKeyOf,
} from '../../bot/src/domain/queue/index.js';
import type { QueueEntry } from '../../bot/src/domain/queue/index.js';

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const DAY = 86_400_000;
const dateOf = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * DAY).toISOString().slice(0, 10);
const instantOf = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();

const entry = (over: Partial<QueueEntry> & { id: string }): QueueEntry => ({
  ...newQueueEntry({
    id: over.id,
    caseId: `case-${over.id}`,
    service: 'COMMUNAL',
    urgent: false,
    firstDecidedOn: '2025-01-10',
    queuedAt: '2025-01-10T10:00:00.000Z',
  }),
  ...over,
});

const entryArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  urgent: fc.boolean(),
  decided: fc.integer({ min: 0, max: 20 }),
  queued: fc.integer({ min: 0, max: 20 }),
  lost: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const entriesArb = fc
  .uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 25 })
  .map((rows) =>
    rows.map((r) =>
      entry({
        id: r.id,
        urgent: r.urgent,
        firstDecidedOn: dateOf(r.decided),
        queuedAt: instantOf(r.queued),
        placeLostOn: r.lost === undefined ? null : dateOf(r.decided + r.lost),
      }),
    ),
  );
const TODAY = '2024-03-01';

describe('orderQueue', () => {
  it('orders urgent first, then first-decided date, then queued time, then id', () => {
    const rows = orderQueue(
      [
        entry({ id: 'c', firstDecidedOn: '2025-01-05' }),
        entry({ id: 'b', firstDecidedOn: '2025-01-05', queuedAt: '2025-01-05T09:00:00.000Z' }),
        entry({ id: 'a', firstDecidedOn: '2025-01-05' }),
        entry({ id: 'u', firstDecidedOn: '2025-02-01', urgent: true }),
        entry({ id: 'old', firstDecidedOn: '2024-12-01' }),
      ],
      '2025-02-10',
    );
    expect(rows.map((r) => r.entry.id)).toEqual(['u', 'old', 'b', 'a', 'c']);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.waitingDays)).toEqual([9, 71, 36, 36, 36]);
  });

  it('explains each place as data', () => {
    const rows = orderQueue(
      [
        entry({ id: 'u', urgent: true, firstDecidedOn: '2025-02-01' }),
        entry({ id: 'x', firstDecidedOn: '2025-01-01' }),
        entry({ id: 'y', firstDecidedOn: '2025-01-05', queuedAt: '2025-01-05T08:00:00.000Z' }),
        entry({ id: 'z', firstDecidedOn: '2025-01-05', queuedAt: '2025-01-06T08:00:00.000Z' }),
        entry({ id: 'p', firstDecidedOn: '2024-11-01', placeLostOn: '2025-01-20', declinedOffers: 2 }),
      ],
      '2025-02-10',
    );
    const why = Object.fromEntries(rows.map((r) => [r.entry.id, r.why]));
    expect(why.u).toEqual({ key: 'queue.why.urgent', params: { date: '2025-02-01', ahead: 0, urgentAhead: 0, earlierAhead: 0, sameDateAhead: 0 } });
    expect(why.x).toEqual({ key: 'queue.why.decidedOn', params: { date: '2025-01-01', ahead: 1, urgentAhead: 1, earlierAhead: 0, sameDateAhead: 0 } });
    expect(why.z).toEqual({ key: 'queue.why.decidedOn', params: { date: '2025-01-05', ahead: 3, urgentAhead: 1, earlierAhead: 1, sameDateAhead: 1 } });
    expect(why.p).toEqual({
      key: 'queue.why.placeLost',
      params: { date: '2025-01-20', ahead: 4, urgentAhead: 1, earlierAhead: 3, sameDateAhead: 0, firstDecidedOn: '2024-11-01', declines: 2 },
    });
    // waiting time still counts from the first decision
    expect(rows.find((r) => r.entry.id === 'p')?.waitingDays).toBe(101);
  });

  it('drops entries that left and validates its input', () => {
    const left = leaveQueue(entry({ id: 'gone' }), { reason: 'MOVED_AWAY', at: '2025-02-01T10:00:00.000Z' });
    expect(orderQueue([left, entry({ id: 'here' })], '2025-02-10').map((r) => r.entry.id)).toEqual(['here']);
    expect(catchError(() => orderQueue([], '2025-02-30')).details).toMatchObject({ field: 'today' });
    expect(catchError(() => orderQueue([entry({ id: 'x', firstDecidedOn: '10.1.2025' })], '2025-02-10')).details).toMatchObject({ field: 'firstDecidedOn' });
    expect(catchError(() => orderQueue([entry({ id: 'x', queuedAt: 'soon' })], '2025-02-10')).details).toMatchObject({ field: 'queuedAt' });
    expect(orderQueue([entry({ id: 'x', firstDecidedOn: '2025-03-01' })], '2025-02-10')[0]?.waitingDays).toBe(0);
  });

  it('names the queue by service and unit', () => {
    expect(queueKeyOf({ service: 'SUPPORTED' })).toBe('SUPPORTED');
    expect(queueKeyOf({ service: 'SUPPORTED', unitId: 'unit-7' })).toBe('SUPPORTED:unit-7');
  });

  it('property: compareEntries is a total order (antisymmetric, transitive, only equal to itself)', () => {
    fc.assert(
      fc.property(entriesArb, (es) => {
        for (const a of es) {
          expect(compareEntries(a, a)).toBe(0);
          for (const b of es) {
            if (a !== b) expect(compareEntries(a, b)).not.toBe(0);
            expect(Math.sign(compareEntries(a, b)) + Math.sign(compareEntries(b, a))).toBe(0);
            for (const c of es) {
              if (compareEntries(a, b) < 0 && compareEntries(b, c) < 0) expect(compareEntries(a, c)).toBeLessThan(0);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: the order does not depend on the input order', () => {
    fc.assert(
      fc.property(entriesArb.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length }))), ([es, shuffled]) => {
        expect(orderQueue(shuffled, TODAY).map((r) => r.entry.id)).toEqual(orderQueue(es, TODAY).map((r) => r.entry.id));
      }),
    );
  });

  it('property: urgent always before non-urgent; dates ascend within urgency; positions and counts add up', () => {
    fc.assert(
      fc.property(entriesArb, (es) => {
        const rows = orderQueue(es, TODAY);
        expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
        const firstNonUrgent = rows.findIndex((r) => !r.entry.urgent);
        if (firstNonUrgent >= 0) expect(rows.slice(firstNonUrgent).every((r) => !r.entry.urgent)).toBe(true);
        for (let i = 1; i < rows.length; i++) {
          const [p, r] = [rows[i - 1]!, rows[i]!];
          if (p.entry.urgent === r.entry.urgent) expect(p.orderDate <= r.orderDate).toBe(true);
        }
        for (const r of rows) {
          const { ahead, urgentAhead, earlierAhead, sameDateAhead } = r.why.params as Record<string, number>;
          expect(ahead).toBe(r.position - 1);
          expect(urgentAhead! + earlierAhead! + sameDateAhead!).toBe(ahead);
          expect(r.why.key).toBe(r.entry.urgent ? 'queue.why.urgent' : r.entry.placeLostOn ? 'queue.why.placeLost' : 'queue.why.decidedOn');
          expect(r.waitingDays).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: moving between queues keeps the first-decided date, urgency and id', () => {
    fc.assert(
      fc.property(entriesArb.filter((es) => es.length > 0), fc.constantFrom(...SERVICES), fc.option(fc.constantFrom('unit-1', 'unit-2'), { nil: null }), (es, service, unitId) => {
        const e = es[0]!;
        fc.pre(!(service === e.service && unitId === (e.unitId ?? null)));
        const moved = moveToQueue(e, { service, unitId, at: '2024-02-15T12:00:00.000Z' });
        expect(moved).toMatchObject({ id: e.id, caseId: e.caseId, firstDecidedOn: e.firstDecidedOn, urgent: e.urgent, service, unitId });
        expect(moved.queuedAt).toBe('2024-02-15T12:00:00.000Z');
        expect(orderQueue([moved], TODAY)[0]?.waitingDays).toBe(orderQueue([e], TODAY)[0]?.waitingDays);
      }),
    );
  });
});

describe('offers', () => {
  const today = '2025-02-10';
  const at = '2025-02-10T09:00:00.000Z';
  const offered = (e: QueueEntry = entry({ id: 'e1' })) => makeOffer(e, { unitId: 'unit-1', offeredAt: at, answerBy: '2025-02-14', today });

  it('makes one open offer at a time, with an answer-by date after today', () => {
    const e = offered();
    expect(e.offer).toMatchObject({ unitId: 'unit-1', answerBy: '2025-02-14', state: 'open' });
    expect(catchError(() => offered(e)).code).toBe('queue.offerOpen');
    expect(catchError(() => makeOffer(entry({ id: 'e' }), { unitId: 'u', offeredAt: at, answerBy: today, today })).details).toMatchObject({ field: 'answerBy' });
    expect(catchError(() => makeOffer(entry({ id: 'e' }), { unitId: '', offeredAt: at, answerBy: '2025-02-11', today })).details).toMatchObject({ field: 'unitId' });
  });

  it('accepts', () => {
    const e = answerOffer(offered(), { answer: 'accept', at, today });
    expect(e.offer).toMatchObject({ state: 'accepted', answeredAt: at });
    expect(e.declinedOffers).toBe(0);
    expect(catchError(() => answerOffer(e, { answer: 'accept', at, today })).code).toBe('queue.noOffer');
  });

  it('a decline needs a reason and, by default, keeps the place', () => {
    expect(catchError(() => answerOffer(offered(), { answer: 'decline', at, today, declineReason: '  ' })).code).toBe('queue.reasonText');
    let e = entry({ id: 'e1' });
    for (let i = 1; i <= 5; i++) {
      e = answerOffer(offered(e), { answer: 'decline', at, today, declineReason: 'too far from family' }, DEFAULT_QUEUE_RULES);
      expect(e.declinedOffers).toBe(i);
      expect(e.placeLostOn ?? null).toBeNull();
    }
    expect(e.offer).toMatchObject({ state: 'declined', declineReason: 'too far from family' });
  });

  it('with a rule, every n-th decline moves the place to the day of that decline', () => {
    const rules = { declinesBeforeLosingPlace: 2, expiryCountsAsDecline: false };
    const once = answerOffer(offered(), { answer: 'decline', at, today, declineReason: 'r' }, rules);
    expect(once.placeLostOn ?? null).toBeNull();
    const twice = answerOffer(offered(once), { answer: 'decline', at, today, declineReason: 'r' }, rules);
    expect(twice.placeLostOn).toBe(today);
    expect(twice.firstDecidedOn).toBe('2025-01-10');
    const other = entry({ id: 'other', firstDecidedOn: '2025-02-01' });
    expect(orderQueue([twice, other], today).map((r) => r.entry.id)).toEqual(['other', 'e1']);
    expect(catchError(() => answerOffer(offered(), { answer: 'accept', at, today }, { declinesBeforeLosingPlace: 0, expiryCountsAsDecline: false })).code).toBe('validation');
  });

  it('expires only after the answer-by day; expiry counts only when the rule says so', () => {
    expect(catchError(() => expireOffer(offered(), { today: '2025-02-14' })).details).toMatchObject({ field: 'answerBy' });
    const e = expireOffer(offered(), { today: '2025-02-15' });
    expect(e.offer?.state).toBe('expired');
    expect(e.declinedOffers).toBe(0);
    const counted = expireOffer(offered(), { today: '2025-02-15' }, { declinesBeforeLosingPlace: 1, expiryCountsAsDecline: true });
    expect(counted).toMatchObject({ declinedOffers: 1, placeLostOn: '2025-02-15' });
    expect(catchError(() => expireOffer(entry({ id: 'x' }), { today })).code).toBe('queue.noOffer');
    // a new offer can follow an expired one
    expect(offered(e).offer?.state).toBe('open');
  });
});

describe('leaving and moving', () => {
  const at = '2025-02-10T09:00:00.000Z';

  it('needs a reason from the list; OTHER needs text', () => {
    for (const reason of QUEUE_LEAVE_REASONS.filter((r) => r !== 'OTHER')) {
      expect(leaveQueue(entry({ id: 'x' }), { reason, at }).left).toEqual({ reason, text: null, at });
    }
    expect(catchError(() => leaveQueue(entry({ id: 'x' }), { reason: 'OTHER', at })).code).toBe('queue.reasonText');
    expect(catchError(() => leaveQueue(entry({ id: 'x' }), { reason: 'OTHER', text: ' ', at })).code).toBe('queue.reasonText');
    expect(leaveQueue(entry({ id: 'x' }), { reason: 'OTHER', text: ' in prison ', at }).left?.text).toBe('in prison');
    expect(catchError(() => leaveQueue(entry({ id: 'x' }), { reason: 'BORED' as 'OTHER', at })).code).toBe('validation');
  });

  it('withdraws an open offer; a left entry takes no more actions', () => {
    const withOffer = makeOffer(entry({ id: 'x' }), { unitId: 'u', offeredAt: at, answerBy: '2025-02-12', today: '2025-02-10' });
    const gone = leaveQueue(withOffer, { reason: 'DIED', at });
    expect(gone.offer?.state).toBe('withdrawn');
    expect(catchError(() => leaveQueue(gone, { reason: 'DIED', at })).code).toBe('queue.notQueued');
    expect(catchError(() => makeOffer(gone, { unitId: 'u', offeredAt: at, answerBy: '2025-02-12', today: '2025-02-10' })).code).toBe('queue.notQueued');
    expect(catchError(() => moveToQueue(gone, { service: 'SUPPORTED', at })).code).toBe('queue.notQueued');
  });

  it('moving resets offers and declines, but not with an open offer or to the same queue', () => {
    const base = entry({ id: 'x', declinedOffers: 3, placeLostOn: '2025-02-01', urgent: true });
    const moved = moveToQueue(base, { service: 'ROUND_THE_CLOCK', unitId: 'unit-9', at });
    expect(moved).toMatchObject({ service: 'ROUND_THE_CLOCK', unitId: 'unit-9', declinedOffers: 0, placeLostOn: null, offer: null, urgent: true, firstDecidedOn: '2025-01-10' });
    expect(catchError(() => moveToQueue(base, { service: 'COMMUNAL', at })).code).toBe('validation');
    const withOffer = makeOffer(base, { unitId: 'u', offeredAt: at, answerBy: '2025-02-12', today: '2025-02-10' });
    expect(catchError(() => moveToQueue(withOffer, { service: 'SUPPORTED', at })).code).toBe('queue.offerOpen');
    expect(catchError(() => moveToQueue(base, { service: 'CASTLE' as 'SUPPORTED', at })).code).toBe('validation');
  });

  it('new entries are validated', () => {
    const ok = { id: 'n', caseId: 'c', service: 'SUPPORTED' as const, urgent: false, firstDecidedOn: '2025-01-01', queuedAt: at };
    expect(newQueueEntry(ok)).toMatchObject({ declinedOffers: 0, offer: null, left: null, unitId: null });
    expect(catchError(() => newQueueEntry({ ...ok, firstDecidedOn: '2025-02-29' })).details).toMatchObject({ field: 'firstDecidedOn' });
    expect(catchError(() => newQueueEntry({ ...ok, queuedAt: '2025-01-01' })).details).toMatchObject({ field: 'queuedAt' });
  });
});
