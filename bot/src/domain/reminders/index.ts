export { KIND_ORDER, LEGAL_REMINDER_KINDS, MUTABLE_REMINDER_KINDS, REMINDER_KINDS, effectiveMuted, isLegalReminder, isReminderKind, type ReminderKind } from './kinds.js';
export {
  WARNED_CLOCKS,
  dueReminders,
  isDayBefore,
  type ClockFacts,
  type FollowUpFacts,
  type MeetingFacts,
  type NoticeFacts,
  type OfferFacts,
  type ReminderFacts,
  type ReminderItem,
  type ReminderRules,
  type ReminderText,
} from './due.js';
export { digestClaimKey, digestDayDue, gatherDigests, helsinkiHour, type Digest } from './digest.js';
