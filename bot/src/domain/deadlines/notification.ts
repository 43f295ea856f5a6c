/**
 * When a decision's appeal period starts (hallintolaki 59 §, SPEC.md "Deadlines"): on the date of
 * notification. Until a date is recorded the deemed day counts (post: the 7th day after sending,
 * electronic: the 3rd); once the secretary records it — the deemed day confirmed, or another day
 * shown (e.g. an acknowledgement of receipt) — the recorded date counts instead.
 *
 * The case keeps one entry per sent decision (CaseRecord.decisionNotifications); records written
 * before `notifiedOn` existed have no such field and keep counting from the deemed day.
 */
import { addDays, helsinkiDate, isLocalDate } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { Instant, LocalDate } from '../types.js';
import { DEEMED_NOTIFICATION_DAYS } from './rules.js';

export interface DecisionNotification {
  decisionId: string;
  sentAt: Instant;
  channel: 'post' | 'electronic';
  /** The recorded date of notification (tiedoksianto / delgivning); absent until recorded. */
  notifiedOn?: LocalDate;
}

/** The deemed day of notification: the Helsinki date of sending + 7 (post) or + 3 (electronic). */
export const deemedNotificationDate = (n: Pick<DecisionNotification, 'sentAt' | 'channel'>): LocalDate =>
  addDays(helsinkiDate(n.sentAt), DEEMED_NOTIFICATION_DAYS[n.channel]);

/** The day the appeal period counts from: the recorded date of notification, else the deemed day. */
export const appealStartOn = (n: DecisionNotification): LocalDate => n.notifiedOn ?? deemedNotificationDate(n);

/**
 * The case's notifications after the date of notification of `decisionId` was recorded. The
 * entry of that decision is replaced (or added, when an older record lacks it) with the sending
 * facts given — the decision's last mailing — and `notifiedOn`. Other entries stay as they are.
 * Throws DomainError('validation') for a date that is not a date or precedes the sending day.
 */
export function recordNotification(
  list: readonly DecisionNotification[],
  entry: Required<Pick<DecisionNotification, 'decisionId' | 'sentAt' | 'channel' | 'notifiedOn'>>,
): DecisionNotification[] {
  if (!isLocalDate(entry.notifiedOn)) {
    throw new DomainError('validation', 'notifiedOn must be a date', { field: 'notifiedOn' });
  }
  if (entry.notifiedOn < helsinkiDate(entry.sentAt)) {
    throw new DomainError('validation', 'Notification cannot precede sending', { field: 'notifiedOn' });
  }
  const next: DecisionNotification = {
    decisionId: entry.decisionId,
    sentAt: entry.sentAt,
    channel: entry.channel,
    notifiedOn: entry.notifiedOn,
  };
  const at = list.findIndex((n) => n.decisionId === entry.decisionId);
  return at < 0 ? [...list, next] : list.map((n, i) => (i === at ? next : n));
}
