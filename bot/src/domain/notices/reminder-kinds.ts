/**
 * The kinds of reminder the bot sends, and which of them a person may turn off. Reminders of a
 * legal deadline (the assessment clocks of SHL 36 §, the implementation clock of SHL 45 §)
 * cannot be turned off.
 */
import { DomainError } from '../errors.js';

export const REMINDER_KINDS = [
  'sapDayBefore',
  'sapSlotSoon',
  'assessmentClock',
  'implementationClock',
  'followUpDue',
  'offerUnanswered',
  'noticeReminder',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const LEGAL_REMINDER_KINDS: readonly ReminderKind[] = ['assessmentClock', 'implementationClock'];

export const isLegalReminder = (k: ReminderKind): boolean => LEGAL_REMINDER_KINDS.includes(k);

/** Normalises a requested set of muted kinds; a legal kind is refused, naming its place. */
export function checkMutedReminders(kinds: readonly ReminderKind[], field = 'body.mutedReminders'): ReminderKind[] {
  kinds.forEach((k, i) => {
    if (isLegalReminder(k))
      throw new DomainError('reminder.cannotMute', 'Reminders of legal deadlines cannot be turned off', {
        field: `${field}.${i}`,
        kind: k,
      });
  });
  return REMINDER_KINDS.filter((k) => kinds.includes(k));
}

/** Does this person get reminders of this kind? Unknown stored values are ignored. */
export function wantsReminder(muted: readonly string[], kind: ReminderKind): boolean {
  return isLegalReminder(kind) || !muted.includes(kind);
}
