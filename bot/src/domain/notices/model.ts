/**
 * Notices of material changes (tiedotteet): what the supervisor publishes and what staff
 * acknowledge (kuittaa). Pure types and constants. A notice is about instructions, criteria,
 * templates, providers or meeting times — never about a client (see rules.ts).
 */
import type { Actor, Instant, LocalDate, Role } from '../types.js';

export const NOTICE_CATEGORIES = ['instructions', 'criteria', 'decisionTemplate', 'providers', 'meetingTimes', 'other'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** Everyone, or the holders of any of the listed roles. */
export type NoticeAudience = { type: 'all' } | { type: 'roles'; roles: Role[] };

export interface Notice {
  id: string;
  category: NoticeCategory;
  title: string;
  summary: string;
  /** The material itself (https only). */
  link: string;
  audience: NoticeAudience;
  /** Last day (Europe/Helsinki) the notice is in force: acknowledged and reminded until then. */
  expiresOn: LocalDate;
  publishedAt: Instant;
  publishedBy: Actor;
}

export type AckChannel = 'tab' | 'card' | 'chat';

export interface Acknowledgement {
  noticeId: string;
  userId: string;
  /** Staff name as it was when acknowledging (never client data). */
  name: string;
  at: Instant;
  via: AckChannel;
}

/** A person who may be in a notice's audience (from the Users table). */
export interface StaffMember {
  id: string;
  name: string;
  roles: readonly Role[];
  locale?: string;
  lastSeenAt?: Instant;
}

export interface AckStatus {
  audienceSize: number;
  acknowledgedCount: number;
  acknowledged: Array<{ userId: string; name: string; at: Instant; via: AckChannel }>;
  notAcknowledged: Array<{ userId: string; name: string }>;
}
