/**
 * Queue entries over time: joining, offers, leaving, moving. Every function returns a new entry
 * (the input is never mutated). Pure: `today` / `at` are passed in.
 *
 * Rules (QueueRules, configuration):
 * - declinesBeforeLosingPlace: null (default) = a declined offer never costs the place. A number
 *   n = every n-th decline (n, 2n, …) sets placeLostOn to the day of that decline, so the client
 *   orders as if decided that day (urgency still comes first; waiting time still counts from
 *   firstDecidedOn).
 * - expiryCountsAsDecline: false (default) = an unanswered offer that expires does not count.
 */
import { QUEUE_LEAVE_REASONS, SERVICES } from '../types.js';
import type { Instant, LocalDate, QueueLeaveReason, Service } from '../types.js';
import { DomainError } from '../errors.js';
import { daysBetween } from '../calendar/localDate.js';
import { checkLocalDate, isInstant } from './order.js';
import type { Offer, QueueEntry } from './order.js';

export interface QueueRules {
  declinesBeforeLosingPlace: number | null;
  expiryCountsAsDecline: boolean;
}

export const DEFAULT_QUEUE_RULES: QueueRules = { declinesBeforeLosingPlace: null, expiryCountsAsDecline: false };

function checkRules(rules: QueueRules): void {
  const n = rules.declinesBeforeLosingPlace;
  if (n !== null && (!Number.isInteger(n) || n < 1)) {
    throw new DomainError('validation', 'declinesBeforeLosingPlace must be null or a positive integer', {
      field: 'declinesBeforeLosingPlace',
    });
  }
}

function needInstant(at: unknown, field: string): void {
  if (!isInstant(at)) throw new DomainError('validation', `Bad instant: ${field}`, { field });
}

function needInQueue(entry: QueueEntry): void {
  if (entry.left) {
    throw new DomainError('queue.notQueued', 'The entry has left the queue', { entryId: entry.id, reason: entry.left.reason });
  }
}

function needService(service: unknown): asserts service is Service {
  if (!SERVICES.includes(service as Service)) {
    throw new DomainError('validation', 'Unknown service', { field: 'service', allowed: [...SERVICES] });
  }
}

export interface NewQueueEntry {
  id: string;
  caseId: string;
  service: Service;
  unitId?: string | null;
  urgent: boolean;
  firstDecidedOn: LocalDate;
  queuedAt: Instant;
}

/** A fresh entry (after a granted decision, when no unit is free). */
export function newQueueEntry(input: NewQueueEntry): QueueEntry {
  if (!input.id || !input.caseId) throw new DomainError('validation', 'Entry needs id and caseId', { field: 'id' });
  needService(input.service);
  checkLocalDate(input.firstDecidedOn, 'firstDecidedOn');
  needInstant(input.queuedAt, 'queuedAt');
  return {
    id: input.id,
    caseId: input.caseId,
    service: input.service,
    unitId: input.unitId ?? null,
    urgent: input.urgent === true,
    firstDecidedOn: input.firstDecidedOn,
    queuedAt: input.queuedAt,
    offer: null,
    declinedOffers: 0,
    placeLostOn: null,
    left: null,
  };
}

export interface MakeOffer {
  unitId: string;
  offeredAt: Instant;
  /** Last day to answer; must be after today. */
  answerBy: LocalDate;
  today: LocalDate;
}

/** Offers a vacancy. Only one open offer per entry ('queue.offerOpen'). */
export function makeOffer(entry: QueueEntry, req: MakeOffer): QueueEntry {
  needInQueue(entry);
  if (entry.offer?.state === 'open') {
    throw new DomainError('queue.offerOpen', 'The entry already has an open offer', { entryId: entry.id, answerBy: entry.offer.answerBy });
  }
  if (!req.unitId) throw new DomainError('validation', 'An offer needs a unit', { field: 'unitId' });
  needInstant(req.offeredAt, 'offeredAt');
  checkLocalDate(req.answerBy, 'answerBy');
  checkLocalDate(req.today, 'today');
  if (daysBetween(req.today, req.answerBy) <= 0) {
    throw new DomainError('validation', 'The answer-by date must be after today', { field: 'answerBy', today: req.today });
  }
  const offer: Offer = { unitId: req.unitId, offeredAt: req.offeredAt, answerBy: req.answerBy, state: 'open', declineReason: null, answeredAt: null };
  return { ...entry, offer };
}

function openOffer(entry: QueueEntry): Offer {
  needInQueue(entry);
  if (!entry.offer || entry.offer.state !== 'open') {
    throw new DomainError('queue.noOffer', 'The entry has no open offer', { entryId: entry.id });
  }
  return entry.offer;
}

function afterDecline(entry: QueueEntry, today: LocalDate, rules: QueueRules): Pick<QueueEntry, 'declinedOffers' | 'placeLostOn'> {
  const declinedOffers = entry.declinedOffers + 1;
  const n = rules.declinesBeforeLosingPlace;
  const loses = n !== null && declinedOffers % n === 0;
  return { declinedOffers, placeLostOn: loses ? today : (entry.placeLostOn ?? null) };
}

export type OfferAnswer =
  | { answer: 'accept'; at: Instant; today: LocalDate }
  | { answer: 'decline'; at: Instant; today: LocalDate; declineReason: string };

/**
 * The client's answer to the open offer ('queue.noOffer' without one). A decline needs a reason
 * ('queue.reasonText'). Answers are taken while the offer is open, even after answerBy: expiring
 * it is the coordinator's explicit act (expireOffer).
 */
export function answerOffer(entry: QueueEntry, ans: OfferAnswer, rules: QueueRules = DEFAULT_QUEUE_RULES): QueueEntry {
  checkRules(rules);
  const offer = openOffer(entry);
  needInstant(ans.at, 'at');
  checkLocalDate(ans.today, 'today');
  if (ans.answer === 'accept') {
    return { ...entry, offer: { ...offer, state: 'accepted', answeredAt: ans.at, declineReason: null } };
  }
  if (ans.answer !== 'decline') throw new DomainError('validation', 'Answer is accept or decline', { field: 'answer' });
  const declineReason = typeof ans.declineReason === 'string' ? ans.declineReason.trim() : '';
  if (!declineReason) throw new DomainError('queue.reasonText', 'A declined offer needs a reason', { field: 'declineReason' });
  return {
    ...entry,
    ...afterDecline(entry, ans.today, rules),
    offer: { ...offer, state: 'declined', answeredAt: ans.at, declineReason },
  };
}

/** Marks an unanswered offer expired; only after its answer-by day has passed. */
export function expireOffer(entry: QueueEntry, req: { today: LocalDate }, rules: QueueRules = DEFAULT_QUEUE_RULES): QueueEntry {
  checkRules(rules);
  const offer = openOffer(entry);
  checkLocalDate(req.today, 'today');
  if (daysBetween(offer.answerBy, req.today) <= 0) {
    throw new DomainError('validation', 'The offer can still be answered', { field: 'answerBy', answerBy: offer.answerBy });
  }
  const counts = rules.expiryCountsAsDecline ? afterDecline(entry, req.today, rules) : {};
  return { ...entry, ...counts, offer: { ...offer, state: 'expired' } };
}

export interface LeaveQueue {
  reason: QueueLeaveReason;
  /** Required (non-blank) for OTHER. */
  text?: string | null;
  at: Instant;
}

/** Takes the entry out of the queue. An open offer is withdrawn. */
export function leaveQueue(entry: QueueEntry, req: LeaveQueue): QueueEntry {
  needInQueue(entry);
  if (!QUEUE_LEAVE_REASONS.includes(req.reason)) {
    throw new DomainError('validation', 'Leaving the queue needs a reason from the list', { field: 'reason', allowed: [...QUEUE_LEAVE_REASONS] });
  }
  const text = typeof req.text === 'string' && req.text.trim() ? req.text.trim() : null;
  if (req.reason === 'OTHER' && !text) {
    throw new DomainError('queue.reasonText', 'Reason OTHER needs a text', { field: 'text' });
  }
  needInstant(req.at, 'at');
  const offer = entry.offer?.state === 'open' ? { ...entry.offer, state: 'withdrawn' as const } : (entry.offer ?? null);
  return { ...entry, offer, left: { reason: req.reason, text, at: req.at } };
}

export interface MoveToQueue {
  service: Service;
  unitId?: string | null;
  at: Instant;
}

/**
 * Moves the entry to another queue (another service, or a unit's queue and back). The entry
 * keeps its id, firstDecidedOn and urgency; it is queued anew at `at`, and the decline count and
 * any lost place start over (they belonged to the old queue). An open offer must be answered or
 * expired first ('queue.offerOpen').
 */
export function moveToQueue(entry: QueueEntry, req: MoveToQueue): QueueEntry {
  needInQueue(entry);
  needService(req.service);
  needInstant(req.at, 'at');
  if (entry.offer?.state === 'open') {
    throw new DomainError('queue.offerOpen', 'Answer or expire the open offer before moving', { entryId: entry.id });
  }
  const unitId = req.unitId ?? null;
  if (req.service === entry.service && unitId === (entry.unitId ?? null)) {
    throw new DomainError('validation', 'The entry is already in that queue', { field: 'service' });
  }
  return { ...entry, service: req.service, unitId, queuedAt: req.at, offer: null, declinedOffers: 0, placeLostOn: null };
}
