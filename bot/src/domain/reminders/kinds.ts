/**
 * Reminder kinds: one vocabulary with the preferences API (domain/notices/reminder-kinds.ts, the
 * values stored in a person's mutedReminders). Legal-deadline reminders cannot be muted: a stored
 * preference can never silence them. Pure.
 */
import { LEGAL_REMINDER_KINDS, REMINDER_KINDS, isLegalReminder, type ReminderKind } from '../notices/reminder-kinds.js';

export { LEGAL_REMINDER_KINDS, REMINDER_KINDS, isLegalReminder, type ReminderKind };

export const isReminderKind = (k: unknown): k is ReminderKind =>
  typeof k === 'string' && (REMINDER_KINDS as readonly string[]).includes(k);

/** Kinds a person may turn off (in chat or in the tab). */
export const MUTABLE_REMINDER_KINDS: readonly ReminderKind[] = REMINDER_KINDS.filter((k) => !isLegalReminder(k));

/** The kinds effectively muted: unknown names and legal kinds are dropped. */
export function effectiveMuted(muted: readonly string[] | undefined): ReminderKind[] {
  const out: ReminderKind[] = [];
  for (const k of muted ?? []) if (isReminderKind(k) && !isLegalReminder(k) && !out.includes(k)) out.push(k);
  return out;
}

/** Order of kinds inside one daily message: the law first, then the meeting, then the rest. */
export const KIND_ORDER: Record<ReminderKind, number> = {
  assessmentClock: 0,
  implementationClock: 1,
  sapSlotSoon: 2,
  sapDayBefore: 3,
  offerUnanswered: 4,
  followUpDue: 5,
  noticeReminder: 6,
};
