/**
 * Vireilletulo (HL 20–22 §, SPEC.md "Deadlines") and the dates a contact carries. Pure: `now` is
 * passed in.
 *
 * - A matter becomes pending when the request or notification reaches the county, by any channel
 *   and at any of its units (HL 20 §): by default the moment the contact was received.
 * - Information still missing is asked for (HL 22 §) and does NOT move that moment.
 * - Only a request first sent to another authority and forwarded to the county becomes pending
 *   when it reaches the county (HL 21 §). That case is recorded: the other authority and the
 *   moment the request arrived (`forwardedFrom`); vireilletulo is then that moment.
 * - Any other vireilletulo than the contact's receipt is refused (400 naming the field), as are
 *   dates that cannot be true: a receipt or vireilletulo in the future, a vireilletulo before the
 *   contact, a birth date after today.
 *
 * SHL 36 § counts the assessment start from the client's contact and SHL 45 § three months from
 * vireilletulo; both clocks start from `pendingAt` (= the receipt, or the forwarded arrival).
 */
import { ageOn } from '../hetu/index.js';
import { helsinkiDate } from '../calendar/localDate.js';
import { DomainError } from '../errors.js';
import type { Instant, LawGroup, LocalDate } from '../types.js';

/** HL 21 §: the request was first sent to another authority, which forwarded it to the county. */
export interface ForwardedFrom {
  /** The authority the request was first sent to (e.g. Kela, another wellbeing services county). */
  authority: string;
  /** When the forwarded request reached the county: the vireilletulo. */
  arrivedAt: Instant;
}

export interface PendingInput {
  receivedAt: Instant;
  /** Vireilletulo as sent by the client of the API; optional (defaults to the receipt). */
  pendingAt?: Instant;
  forwardedFrom?: ForwardedFrom;
}

/** The request paths of the fields (the problem's `errors[].field`). */
export interface PendingFields {
  receivedAt: string;
  pendingAt: string;
  arrivedAt: string;
}

const BODY_FIELDS: PendingFields = {
  receivedAt: 'body.receivedAt',
  pendingAt: 'body.pendingAt',
  arrivedAt: 'body.forwardedFrom.arrivedAt',
};

const ms = (i: Instant): number => {
  const t = Date.parse(i);
  if (Number.isNaN(t)) throw new DomainError('validation', `Not an instant: ${i}`, {});
  return t;
};

/** Refuses an instant later than now (a date that cannot be true yet). */
export function assertNotFuture(at: Instant, now: Instant, field: string): void {
  if (ms(at) > ms(now)) throw new DomainError('date.future', `${field} is in the future`, { field });
}

/** Refuses a date later than today (Helsinki). */
export function assertDateNotFuture(d: LocalDate, now: Instant, field: string): void {
  if (d > helsinkiDate(now)) throw new DomainError('date.future', `${field} is in the future`, { field });
}

/**
 * The vireilletulo of a new contact, or a DomainError naming the field:
 * `date.future` (receipt, vireilletulo or arrival after now), `date.beforeContact` (vireilletulo
 * or arrival before the receipt), `intake.pendingNotForwarded` (a different moment without the
 * HL 21 § forwarding recorded, or one that is not the forwarded request's arrival).
 */
export function resolvePendingAt(input: PendingInput, now: Instant, fields: PendingFields = BODY_FIELDS): Instant {
  assertNotFuture(input.receivedAt, now, fields.receivedAt);
  if (input.pendingAt !== undefined) assertNotFuture(input.pendingAt, now, fields.pendingAt);
  const fwd = input.forwardedFrom;
  if (fwd) {
    assertNotFuture(fwd.arrivedAt, now, fields.arrivedAt);
    if (ms(fwd.arrivedAt) < ms(input.receivedAt))
      throw new DomainError('date.beforeContact', 'The forwarded request cannot reach the county before the contact', {
        field: fields.arrivedAt,
      });
    if (input.pendingAt !== undefined && ms(input.pendingAt) !== ms(fwd.arrivedAt))
      throw new DomainError('intake.pendingNotForwarded', 'A forwarded request becomes pending when it reaches the county', {
        field: fields.pendingAt,
      });
    return fwd.arrivedAt;
  }
  if (input.pendingAt === undefined) return input.receivedAt;
  const diff = ms(input.pendingAt) - ms(input.receivedAt);
  if (diff < 0)
    throw new DomainError('date.beforeContact', 'Vireilletulo cannot precede the contact', { field: fields.pendingAt });
  if (diff > 0)
    throw new DomainError(
      'intake.pendingNotForwarded',
      'The matter became pending when the contact was received (HL 20 §); a later moment needs a forwarded request (HL 21 §)',
      { field: fields.pendingAt },
    );
  return input.receivedAt;
}

/** Age at which SHL 36 § names the client group "over 75". */
export const LAW_GROUP_AGE = 75;

/**
 * SHL 36 § groups at vireilletulo: OVER_75 is derived from the birth date (the client has turned
 * 75 on the day the matter became pending) — never taken from what was ticked; the other groups
 * (highest care allowance, child with special support needs) are facts the worker records.
 */
export function lawGroupsAt(recorded: readonly LawGroup[], birthDate: LocalDate | undefined, pendingAt: Instant): LawGroup[] {
  const others = recorded.filter((g) => g !== 'OVER_75');
  const pendingOn = helsinkiDate(pendingAt);
  if (!birthDate || birthDate > pendingOn) return [...new Set(others)];
  return ageOn(birthDate, pendingOn) >= LAW_GROUP_AGE ? ['OVER_75', ...new Set(others)] : [...new Set(others)];
}

/** The clock facts a changed need starts again (a new matter: new vireilletulo, new clocks). */
export interface RestartableClockFacts {
  pendingAt: Instant;
  firstPendingAt?: Instant;
  assessmentStartedAt?: Instant;
  assessmentFinishedAt?: Instant;
  placedAt?: Instant;
  clientDelays: readonly unknown[];
}

/**
 * A case sent back to assessment because the need changed is a new request (SHL 36 §, 45 §): its
 * clocks start again from that moment. The first vireilletulo is kept (`firstPendingAt`); the
 * facts of the earlier round stay on the timeline. Pure: returns the fields to set.
 */
export function restartClocks(
  c: RestartableClockFacts,
  at: Instant,
): {
  pendingAt: Instant;
  firstPendingAt: Instant;
  assessmentStartedAt: undefined;
  assessmentFinishedAt: undefined;
  placedAt: undefined;
  clientDelays: never[];
} {
  return {
    pendingAt: at,
    firstPendingAt: c.firstPendingAt ?? c.pendingAt,
    assessmentStartedAt: undefined,
    assessmentFinishedAt: undefined,
    placedAt: undefined,
    clientDelays: [],
  };
}
