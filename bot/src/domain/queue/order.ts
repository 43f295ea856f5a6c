/**
 * The queue (SPEC "The workflow" step 5): one list per service, and per unit where a unit is
 * named. Pure: `today` is always passed in.
 *
 * Order: urgent first, then the date the need was first decided (kept when a client moves
 * between queues), then the time the entry was queued, then the id, so the order is total and
 * the same on every instance. When the decline rule (offers.ts) takes a client's place, the date
 * of that decline (`placeLostOn`) stands in for firstDecidedOn in the ordering only; waiting time
 * is still counted from firstDecidedOn.
 */
import type { Instant, LocalDate, QueueLeaveReason, Service } from '../types.js';
import { DomainError } from '../errors.js';
import { daysBetween, isLocalDate } from '../calendar/localDate.js';

export const OFFER_STATES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
/** 'withdrawn': the entry left the queue while the offer was open. */
export type OfferState = (typeof OFFER_STATES)[number];

export interface Offer {
  unitId: string;
  offeredAt: Instant;
  /** Last day to answer (inclusive). */
  answerBy: LocalDate;
  state: OfferState;
  declineReason?: string | null;
  answeredAt?: Instant | null;
}

export interface QueueLeave {
  reason: QueueLeaveReason;
  /** Free text; required for OTHER. */
  text: string | null;
  at: Instant;
}

export interface QueueEntry {
  id: string;
  caseId: string;
  service: Service;
  /** Set when the client queues for a named unit (that unit's own queue). */
  unitId?: string | null;
  urgent: boolean;
  /** The date the need was first decided; moving between queues keeps it. */
  firstDecidedOn: LocalDate;
  queuedAt: Instant;
  offer?: Offer | null;
  declinedOffers: number;
  /** Set by the decline rule: the client's place now counts from this date. */
  placeLostOn?: LocalDate | null;
  /** Set when the entry has left the queue; such entries are not ordered. */
  left?: QueueLeave | null;
}

/** An explanation as data: an i18n key and its parameters, never prose. */
export interface Explanation {
  key: string;
  params?: Record<string, string | number | boolean>;
}

export interface QueueRow {
  entry: QueueEntry;
  /** 1-based. */
  position: number;
  /** Calendar days from firstDecidedOn to today (never negative). */
  waitingDays: number;
  /** The date the ordering used (placeLostOn ?? firstDecidedOn). */
  orderDate: LocalDate;
  /**
   * Why the entry stands here. key: 'queue.why.urgent' | 'queue.why.placeLost' | 'queue.why.decidedOn';
   * params: { date, ahead, urgentAhead, earlierAhead, sameDateAhead } (+ firstDecidedOn, declines
   * for placeLost). ahead = urgentAhead + earlierAhead + sameDateAhead.
   */
  why: Explanation;
}

/** Throws 'validation' { field } unless `d` is a real 'YYYY-MM-DD' date. */
export function checkLocalDate(d: unknown, field: string): asserts d is LocalDate {
  if (!isLocalDate(d)) throw new DomainError('validation', `Not a date: ${String(d)}`, { field });
}

export const isInstant = (s: unknown): s is Instant =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s) && Number.isFinite(Date.parse(s));

/** The queue an entry belongs to: the service, or the service and unit. */
export const queueKeyOf = (e: Pick<QueueEntry, 'service' | 'unitId'>): string =>
  e.unitId ? `${e.service}:${e.unitId}` : e.service;

export const orderDateOf = (e: QueueEntry): LocalDate => e.placeLostOn ?? e.firstDecidedOn;

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** The queue's total order (negative: a stands before b). */
export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  const byDate = cmp(orderDateOf(a), orderDateOf(b));
  if (byDate !== 0) return byDate;
  const byTime = cmp(Date.parse(a.queuedAt), Date.parse(b.queuedAt));
  if (byTime !== 0) return byTime;
  const byRaw = cmp(a.queuedAt, b.queuedAt);
  if (byRaw !== 0) return byRaw;
  return cmp(a.id, b.id);
}

/**
 * Orders the entries still in the queue (entries with `left` set are dropped) and explains each
 * place. Pass the entries of one queue (see queueKeyOf); the order is defined for any list.
 */
export function orderQueue(entries: readonly QueueEntry[], today: LocalDate): QueueRow[] {
  checkLocalDate(today, 'today');
  const inQueue = entries.filter((e) => !e.left);
  for (const e of inQueue) {
    checkLocalDate(e.firstDecidedOn, 'firstDecidedOn');
    if (e.placeLostOn) checkLocalDate(e.placeLostOn, 'placeLostOn');
    if (!isInstant(e.queuedAt)) throw new DomainError('validation', 'Bad queuedAt', { field: 'queuedAt', entryId: e.id });
  }
  const sorted = [...inQueue].sort(compareEntries);
  let urgencyStart = 0;
  let dateStart = 0;
  return sorted.map((entry, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    if (prev && prev.urgent !== entry.urgent) urgencyStart = i;
    if (prev && (prev.urgent !== entry.urgent || orderDateOf(prev) !== orderDateOf(entry))) dateStart = i;
    const urgentAhead = entry.urgent ? 0 : urgencyStart;
    const params: Record<string, string | number | boolean> = {
      date: orderDateOf(entry),
      ahead: i,
      urgentAhead,
      earlierAhead: dateStart - urgencyStart,
      sameDateAhead: i - dateStart,
    };
    let key = 'queue.why.decidedOn';
    if (entry.urgent) key = 'queue.why.urgent';
    else if (entry.placeLostOn) {
      key = 'queue.why.placeLost';
      params.firstDecidedOn = entry.firstDecidedOn;
      params.declines = entry.declinedOffers;
    }
    return {
      entry,
      position: i + 1,
      waitingDays: Math.max(0, daysBetween(entry.firstDecidedOn, today)),
      orderDate: orderDateOf(entry),
      why: { key, params },
    };
  });
}
