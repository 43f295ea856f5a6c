/**
 * The vocabulary of the domain (see docs and ../shared/product/GLOSSARY.md).
 * Pure types and constants: no I/O, no clock, no process.env.
 */

export const ROLES = [
  'Worker',
  'Chair',
  'LeadSocialWorker',
  'QueueCoordinator',
  'Secretary',
  'Supervisor',
  'Organiser',
  'Admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SERVICES = ['TEMPORARY', 'SUPPORTED', 'COMMUNAL', 'ROUND_THE_CLOCK'] as const;
export type Service = (typeof SERVICES)[number];

/** Legal section of Sosiaalihuoltolaki 1301/2014 for each housing service. */
export const SERVICE_SECTION: Record<Service, string> = {
  TEMPORARY: '21 §',
  SUPPORTED: '21 a §',
  COMMUNAL: '21 b §',
  ROUND_THE_CLOCK: '21 c §',
};

export const CASE_STATES = ['RECEIVED', 'ASSESSMENT', 'SAP', 'DECIDED', 'QUEUED', 'PLACED', 'CLOSED'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CHANNELS = [
  'SHL_NOTIFICATION_ELECTRONIC',
  'SHL_NOTIFICATION_PAPER',
  'SERVICE_REQUEST_FORM',
  'PHONE',
  'WALK_IN',
  'PROFESSIONAL_REFERRAL',
  'EMAIL',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CONTACTED_BY = ['CLIENT', 'RELATIVE', 'PROFESSIONAL'] as const;
export type ContactedBy = (typeof CONTACTED_BY)[number];

export const LANGUAGES = ['fi', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The client groups SHL 36 § names for the 7-working-day assessment start. */
export const LAW_GROUPS = ['OVER_75', 'HIGHEST_CARE_ALLOWANCE', 'CHILD_SPECIAL_SUPPORT'] as const;
export type LawGroup = (typeof LAW_GROUPS)[number];

export const QUEUE_LEAVE_REASONS = ['PLACED', 'MOVED_AWAY', 'NEED_CHANGED', 'DECLINED_SERVICE', 'DIED', 'OTHER'] as const;
export type QueueLeaveReason = (typeof QUEUE_LEAVE_REASONS)[number];

export const CLOSE_REASONS = ['SERVICE_ENDED', 'NO_NEED', 'MOVED_AWAY', 'DIED', 'CLIENT_DECLINED', 'OTHER'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const BOOKING_REASONS = ['NEW_CLIENT', 'CHANGED_NEED'] as const;
export type BookingReason = (typeof BOOKING_REASONS)[number];

/** Local calendar date in Europe/Helsinki, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** An instant, ISO 8601 with offset (stored as UTC 'Z'). */
export type Instant = string;

/** Who did something, as recorded in timelines and logs (never a client). */
export interface Actor {
  userId: string;
  name: string;
}
