/**
 * THE access table (docs/ACCESS.md is its reading): relation × role × what it may read and write
 * × time window. Pure data. Enforced in one place (services/case-access.ts: loadCase and its write
 * twin loadCaseToChange); the authorisation-matrix test is generated from it; every HTTP route
 * and bot action declares the parts it reads or writes (http/routes, BOT_ACCESS below).
 */
import type { Role } from '../types.js';

/** What of a case is read or written. A "view" part is a projection of the case for one task. */
export const CASE_PARTS = [
  /** The whole case: identity (henkilötunnus), contacts with their free text, timeline, clocks. */
  'case',
  /** Meeting view: reference, the client's name, language, municipality, service, state. */
  'meetingView',
  /** Mailing view: recipient, address, language and the decision PDF; marking it posted. */
  'mailing',
  /** Placing view: service, queue entry, municipality, language, needs summary, the 45 § clock. */
  'placing',
  /** The whole service-need assessment. */
  'assessment',
  /** Its conclusion and proposed service: what the SAP meeting weighs. */
  'assessmentSummary',
  /** The case's SAP bookings (book, move, cancel). */
  'booking',
  /** The SAP outcome form. */
  'outcome',
  /** Decision drafts and documents (drafting, editing, corrections, preview). */
  'decision',
  /** Signing a decision (delegated authority). */
  'signature',
  /** The date of notification (starts the appeal period). */
  'notification',
  /** The queue entry and its offers. */
  'queue',
  /** Placement: unit, start, end. */
  'placement',
  /** Service plan and follow-ups. */
  'plan',
  /** A changed need, closing the case. */
  'closing',
] as const;
export type CasePart = (typeof CASE_PARTS)[number];

export const CASE_RELATIONS = [
  'assignedWorker',
  'deputy',
  'sapChair',
  'sapLead',
  'sapMember',
  'sapGuest',
  'decider',
  'secretary',
  'coordinator',
] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

/** How long a relation lasts (computed in relations.ts from the case's facts and the clock). */
export type AccessWindow =
  /** While the person is the case's assigned worker (closed cases included). */
  | 'whileAssigned'
  /** While the absence covered by the deputy lasts (the absence feature supplies it). */
  | 'whileCovering'
  /** From the booking until the county's set number of days after the meeting (default 14). */
  | 'bookingToMeetingPlusDays'
  /** While a decision waits for its signature (case in SAP or DECIDED). */
  | 'whileDecisionPending'
  /** While a signed decision waits to be posted, or a posted letter is not yet notified (a returned letter re-sent). */
  | 'whileToPost'
  /** While the case is decided (granted), queued or placed. */
  | 'whilePlacing';

export interface AccessRow {
  relation: CaseRelation;
  /** The person must hold one of these roles (from the directory) for the relation to count. */
  roles: readonly Role[];
  reads: readonly CasePart[];
  writes: readonly CasePart[];
  window: AccessWindow;
  /** One line for docs/ACCESS.md. */
  note: string;
}

const CLIENT_ROLES: readonly Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'];
const SAP_READS: readonly CasePart[] = ['meetingView', 'booking', 'assessmentSummary', 'outcome'];
const WORKER_READS: readonly CasePart[] = [
  'case',
  'meetingView',
  'mailing',
  'placing',
  'assessment',
  'assessmentSummary',
  'booking',
  'outcome',
  'decision',
  'queue',
  'placement',
  'plan',
];
const WORKER_WRITES: readonly CasePart[] = ['assessment', 'booking', 'decision', 'notification', 'queue', 'placement', 'plan', 'closing'];

/** Strongest first: a person holding several relations acts through the first that allows the need. */
export const ACCESS_TABLE: readonly AccessRow[] = [
  { relation: 'assignedWorker', roles: ['Worker'], reads: WORKER_READS, writes: WORKER_WRITES, window: 'whileAssigned', note: 'the case is theirs' },
  { relation: 'deputy', roles: ['Worker'], reads: WORKER_READS, writes: WORKER_WRITES, window: 'whileCovering', note: "covers the assigned worker's absence" },
  { relation: 'sapChair', roles: ['Chair'], reads: SAP_READS, writes: ['outcome'], window: 'bookingToMeetingPlusDays', note: 'chairs the meeting: records the outcome' },
  {
    relation: 'sapLead',
    roles: ['LeadSocialWorker'],
    reads: [...SAP_READS, 'decision'],
    writes: ['signature'],
    window: 'bookingToMeetingPlusDays',
    note: "the meeting's lead social worker: signs the decision",
  },
  { relation: 'sapMember', roles: CLIENT_ROLES, reads: SAP_READS, writes: [], window: 'bookingToMeetingPlusDays', note: 'a member of the meeting: reads what the meeting needs' },
  { relation: 'sapGuest', roles: CLIENT_ROLES, reads: SAP_READS, writes: [], window: 'bookingToMeetingPlusDays', note: 'invited to the meeting: reads, never writes' },
  {
    relation: 'decider',
    roles: ['LeadSocialWorker'],
    reads: ['meetingView', 'decision'],
    writes: ['signature'],
    window: 'whileDecisionPending',
    note: 'any lead social worker (delegated power) while a decision waits for a signature',
  },
  { relation: 'secretary', roles: ['Secretary'], reads: ['mailing'], writes: ['mailing', 'notification'], window: 'whileToPost', note: 'posts decisions' },
  { relation: 'coordinator', roles: ['QueueCoordinator'], reads: ['placing'], writes: ['queue', 'placement'], window: 'whilePlacing', note: 'the queue coordinator or their deputy' },
];

export const rowOf = (relation: CaseRelation): AccessRow => ACCESS_TABLE.find((r) => r.relation === relation)!;

/**
 * What a use case reads or writes, by the name it logs (`what` in the access log): the parts
 * that satisfy it, best first. A reader of the case as a whole gets the first part its relation
 * allows — the full case, or one of the views (services/case-access.ts presents it).
 */
export const ACCESS_SUBJECTS = {
  case: ['case', 'meetingView', 'mailing', 'placing'],
  assessment: ['assessment', 'assessmentSummary'],
  'assessment.start': ['assessment'],
  'assessment.finish': ['assessment'],
  'assessment.delivery': ['assessment'],
  clientDelay: ['assessment'],
  'sap.booking': ['booking'],
  'sap.booking.move': ['booking'],
  'sap.booking.cancel': ['booking'],
  'sap.outcome': ['outcome'],
  /** The client named on a meeting's agenda or minutes. */
  'sap.agenda': ['meetingView'],
  'sap.minutes': ['meetingView'],
  'decision.list': ['decision', 'mailing'],
  decision: ['decision', 'mailing'],
  'decision.preview': ['decision'],
  'decision.pdf': ['decision', 'mailing'],
  'decision.toMail': ['mailing'],
  'decision.draft': ['decision'],
  'decision.edit': ['decision'],
  'decision.correction': ['decision'],
  'decision.sign': ['signature'],
  'decision.mailed': ['mailing'],
  'decision.notified': ['notification'],
  'decision.submit': ['decision'],
  'decision.toSign': ['decision'],
  /** The recipient's postal address: the worker keeps it with the decision, the secretary posts to it. */
  'case.postalAddress': ['decision', 'mailing'],
  /** A returned letter: marked by the secretary from her list, or by the worker. */
  'decision.returned': ['mailing', 'decision'],
  'queue.place': ['queue', 'placing'],
  'queue.join': ['queue'],
  'queue.offer': ['queue'],
  'queue.offer.decline': ['queue'],
  'queue.offer.expire': ['queue'],
  'queue.offer.accept': ['queue'],
  'queue.move': ['queue'],
  'queue.leave': ['queue'],
  placement: ['placement', 'placing'],
  'placement.end': ['placement'],
  plan: ['plan'],
  followup: ['plan'],
  'case.close': ['closing'],
  'case.needChanged': ['closing'],
} as const satisfies Record<string, readonly CasePart[]>;
export type AccessSubject = keyof typeof ACCESS_SUBJECTS;

export type AccessMode = 'read' | 'write';

/** What a route or bot action needs of a case: a subject, read or written. */
export interface AccessNeed {
  subject: AccessSubject;
  mode: AccessMode;
}

/**
 * What an HTTP route or a bot action needs (docs/ACCESS.md "Routes and bot actions"):
 *   case    one case: the table decides by relation, role, part, read/write and window;
 *   list    a list (agenda, queue, my cases…): the role is enough; a listed case names its client
 *           only to a relation that may read `subject`, and each such case is logged;
 *   intake  registering or looking up a person: the worker's role, every match logged;
 *   audit   the admin's access-log queries;
 *   none    no client data.
 */
export type ActionAccess =
  | { kind: 'case'; subject: AccessSubject; mode: AccessMode }
  | { kind: 'list'; subject: AccessSubject }
  | { kind: 'intake' }
  | { kind: 'audit' }
  | { kind: 'none' };

const NONE = { kind: 'none' } as const;

/**
 * The bot's actions (the chat protocol; `BOT_ACTIONS` in teams/ports.ts lists them), each with
 * the roles it serves and what it needs, in the same vocabulary as the routes. A bot action
 * without a row here fails tests/unit/access.test.ts.
 */
export const BOT_ACCESS = {
  'sap.meetings': { roles: ['Worker'], access: NONE },
  'sap.meeting': { roles: ['Worker'], access: NONE },
  'sap.freeStarts': { roles: ['Worker'], access: NONE },
  /** The person's own cases that can be booked: each listed case logged (assignedWorker). */
  'sap.ownCases': { roles: ['Worker'], access: { kind: 'list', subject: 'sap.booking' } },
  'sap.book': { roles: ['Worker'], access: { kind: 'case', subject: 'sap.booking', mode: 'write' } },
  'sap.myBookings': { roles: ['Worker'], access: { kind: 'list', subject: 'sap.booking' } },
  'sap.booking': { roles: ['Worker'], access: { kind: 'case', subject: 'sap.booking', mode: 'read' } },
  'sap.move': { roles: ['Worker'], access: { kind: 'case', subject: 'sap.booking.move', mode: 'write' } },
  'sap.cancel': { roles: ['Worker'], access: { kind: 'case', subject: 'sap.booking.cancel', mode: 'write' } },
  /** Acknowledging a notice: no client data; the notice's audience decides. */
  'notices.get': { roles: 'anyUser', access: NONE },
  'notices.acknowledge': { roles: 'anyUser', access: NONE },
  'people.reminderPrefs': { roles: 'anyUser', access: NONE },
  'people.setMuted': { roles: 'anyUser', access: NONE },
} as const satisfies Record<string, { roles: readonly Role[] | 'anyUser'; access: ActionAccess }>;
export type BotAccessKey = keyof typeof BOT_ACCESS;
