/**
 * The case aggregate: one client's path through the housing-service process.
 * Stored as one Azure Tables partition (see docs/TABLES.md), so a transition and its timeline
 * event are written in one transaction.
 */
import type {
  Actor,
  CaseState,
  Channel,
  CloseReason,
  ContactedBy,
  Instant,
  Language,
  LawGroup,
  LocalDate,
  Service,
} from '../types.js';
import type { SapGrant } from '../access/relations.js';

export interface ClientIdentity {
  /** Henkilötunnus, when known (normalised, upper case). */
  hetu?: string;
  firstName: string;
  lastName: string;
  birthDate: LocalDate;
}

export interface ClientDelay {
  from: LocalDate;
  /** The last day; absent while the delay goes on (closed when it ends). */
  to?: LocalDate;
  reason: string;
  recordedBy: Actor;
  recordedAt: Instant;
}

export interface CaseRecord {
  id: string;
  /** Short reference, safe in personal chats and URLs (no identity in it), e.g. P-2026-00042. */
  ref: string;
  clientId: string;
  client: ClientIdentity;
  language: Language;
  municipality: string;
  state: CaseState;
  urgent: boolean;
  lawGroups: LawGroup[];
  /**
   * Vireilletulo (HL 20 §): when the request or notification reached the county — the contact's
   * receipt, or for a forwarded request (HL 21 §) its arrival (`forwardedFrom`). Missing
   * information does not move it. Every legal clock starts here (domain/deadlines/pending.ts).
   * A changed need starts a new matter: pendingAt is then that moment and the first one is kept
   * in `firstPendingAt`.
   */
  pendingAt: Instant;
  /** HL 21 §: the request was first sent to another authority (name) and reached the county at arrivedAt (= pendingAt). */
  forwardedFrom?: { authority: string; arrivedAt: Instant };
  /** The first vireilletulo, kept when a changed need restarted the clocks. */
  firstPendingAt?: Instant;
  receivedAt: Instant;
  workerId?: string;
  workerName?: string;
  /** Service proposed or decided. */
  service?: Service;
  unitId?: string;
  /** The date the need was first decided (queue order keeps it across queues). */
  firstDecidedOn?: LocalDate;
  assessmentStartedAt?: Instant;
  assessmentFinishedAt?: Instant;
  decidedAt?: Instant;
  /** The result of the latest signed decision: it decides what can follow DECIDED. */
  decisionResult?: 'granted' | 'refused';
  placedAt?: Instant;
  closedAt?: Instant;
  closeReason?: CloseReason;
  clientDelays: ClientDelay[];
  sapMemberIds: string[];
  /** SAP meetings with the case on the agenda: who reads and writes what, until when (domain/access). */
  sapAccess?: SapGrant[];
  /** People covering the assigned worker's absence (the absence feature fills it). */
  deputyIds?: string[];
  decisionsToMail: number;
  /**
   * Sent decisions: their appeal clocks start from these — from notifiedOn once the date of
   * notification is recorded, else from the deemed day (domain/deadlines/notification.ts).
   */
  decisionNotifications: Array<{ decisionId: string; sentAt: Instant; channel: 'post' | 'electronic'; notifiedOn?: LocalDate }>;
  /** Count of contacts linked to this case (the contacts themselves are rows of the case). */
  contactCount: number;
  /** Sequence number of the newest timeline event. */
  lastEventSeq: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Contact {
  id: string;
  caseId: string;
  channel: Channel;
  receivedAt: Instant;
  municipality: string;
  contactedBy: ContactedBy;
  contacterName?: string;
  contacterOrganisation?: string;
  need: string;
  urgent: boolean;
  language: Language;
  recordedBy: Actor;
  recordedAt: Instant;
  /** This contact was linked to an already open case. */
  linked: boolean;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  from?: CaseState;
  to?: CaseState;
  at: Instant;
  actor: Actor;
  reason?: string;
  /** Structured facts of the event (ids, service…), never free-text identity. */
  data?: Record<string, unknown>;
}

/** A case as lists show it (My work, queues, agendas): no identity beyond the reference. */
export interface CaseSummary {
  id: string;
  ref: string;
  state: CaseState;
  municipality: string;
  urgent: boolean;
  workerId?: string;
  service?: Service;
  pendingAt: Instant;
  updatedAt: Instant;
}

export const summarise = (c: CaseRecord): CaseSummary => ({
  id: c.id,
  ref: c.ref,
  state: c.state,
  municipality: c.municipality,
  urgent: c.urgent,
  workerId: c.workerId,
  service: c.service,
  pendingAt: c.pendingAt,
  updatedAt: c.updatedAt,
});
