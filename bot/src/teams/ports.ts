/**
 * What the bot's handlers need from the rest of Polku, as plain interfaces over the contract's
 * DTOs (contract/*). live-ports.ts wires them to the use cases (services/*), one call each; the
 * bot's unit tests (tests/unit/bot-adapter.test.ts) give in-memory ones. The bot never holds
 * booking, notice or preference rules of its own, nor decides what a person may see: it calls these.
 */
import type { AuthUser } from '../domain/access.js';
import type { Notice } from '../domain/notices/index.js';
import type { BookableCases, BookingDto, FreeStarts, MeetingSummary } from '../contract/sap.js';
import type { BookingReason } from '../domain/types.js';
import type { ReminderKind } from '../domain/reminders/index.js';
import type { ConversationScope, StoredReference } from '../storage/conversation-repository.js';

/** What the booking cards show of a meeting: a part of the contract's MeetingSummary. */
export type MeetingChoice = Pick<MeetingSummary, 'id' | 'startsAt' | 'durationMinutes'> & { totals: Pick<MeetingSummary['totals'], 'freeMinutes'> };

/** A free start: a part of the contract's FreeStarts. */
export type StartChoice = Pick<FreeStarts['starts'][number], 'startMinute' | 'startsAt' | 'overrunMinutes'>;

/** One of the worker's bookable cases (contract BookableCases): short reference only, never a name. */
export type CaseChoice = BookableCases['cases'][number];

/** What the booking cards show of a booking: a part of the contract's BookingDto. */
export type BookingView = Pick<BookingDto, 'id' | 'meetingId' | 'caseId' | 'caseRef' | 'startMinute' | 'startsAt' | 'lengthMinutes' | 'overrunMinutes'>;

export interface BookRequest {
  meetingId: string;
  startMinute: number;
  lengthMinutes: number;
  caseId: string;
  /** Omitted: the booking service decides (new client, or changed need after an earlier outcome). */
  reason?: BookingReason;
}

export interface SapPort {
  /** Upcoming meetings the user may book into, soonest first. */
  meetings(user: AuthUser): Promise<MeetingChoice[]>;
  meeting(user: AuthUser, meetingId: string): Promise<MeetingChoice>;
  freeStarts(user: AuthUser, meetingId: string, lengthMinutes: number): Promise<StartChoice[]>;
  /** The user's own cases that can be booked now. */
  ownCases(user: AuthUser): Promise<CaseChoice[]>;
  /** Throws DomainError 'slot.taken' { nextFree } when someone was first. */
  book(user: AuthUser, req: BookRequest): Promise<BookingView>;
  myBookings(user: AuthUser): Promise<BookingView[]>;
  booking(user: AuthUser, caseId: string, bookingId: string): Promise<BookingView | undefined>;
  cancel(user: AuthUser, meetingId: string, bookingId: string): Promise<void>;
  move(user: AuthUser, from: { meetingId: string; bookingId: string }, to: { meetingId: string; startMinute: number; lengthMinutes: number }): Promise<BookingView>;
}

export interface NoticeView {
  notice: Notice;
  inForce: boolean;
  acknowledgedAt: string | null;
}

export interface NoticePort {
  get(user: AuthUser, noticeId: string): Promise<NoticeView>;
  acknowledge(user: AuthUser, noticeId: string): Promise<{ acknowledgedAt: string; alreadyAcknowledged: boolean }>;
}

export interface ReminderPrefs {
  kinds: Array<{ kind: ReminderKind; legal: boolean; muted: boolean }>;
}

export interface PeoplePort {
  /** The Polku user behind a Teams user (Entra object id), or null when Polku does not know them. */
  user(aadObjectId: string, locale: string | undefined, tenantId: string | undefined): Promise<AuthUser | null>;
  reminderPrefs(user: AuthUser): Promise<ReminderPrefs>;
  setMuted(user: AuthUser, muted: ReminderKind[]): Promise<ReminderPrefs>;
}

export interface ConversationPort {
  save(r: {
    scope: ConversationScope;
    key: string;
    conversationId: string;
    tenantId?: string;
    teamId?: string;
    reference: StoredReference;
    locale?: string;
  }): Promise<void>;
  remove(scope: ConversationScope, key: string): Promise<void>;
}

/**
 * Runs an invoke's work once per request id (Teams may repeat an invoke): a repeat gets the
 * first answer. `work` returns the card to answer with.
 */
export interface OncePort {
  once(key: string, work: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>>;
}

export interface BotPorts {
  sap: SapPort;
  notices: NoticePort;
  people: PeoplePort;
  conversations: ConversationPort;
  once: OncePort;
  now(): Date;
  newId(): string;
}

/**
 * Every action the bot takes for a person over client data or on their behalf (docs/ACCESS.md):
 * each has a row in domain/access BOT_ACCESS (tests/unit/access.test.ts), and the compiler
 * insists that every port method is listed here.
 */
export const BOT_ACTIONS = [
  'sap.meetings',
  'sap.meeting',
  'sap.freeStarts',
  'sap.ownCases',
  'sap.book',
  'sap.myBookings',
  'sap.booking',
  'sap.cancel',
  'sap.move',
  'notices.get',
  'notices.acknowledge',
  'people.reminderPrefs',
  'people.setMuted',
] as const satisfies ReadonlyArray<`sap.${keyof SapPort}` | `notices.${keyof NoticePort}` | `people.${Exclude<keyof PeoplePort, 'user'>}`>;
type Unlisted = Exclude<`sap.${keyof SapPort}` | `notices.${keyof NoticePort}` | `people.${Exclude<keyof PeoplePort, 'user'>}`, (typeof BOT_ACTIONS)[number]>;
/** Fails to compile when a port method is missing from BOT_ACTIONS. */
export const BOT_ACTIONS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
