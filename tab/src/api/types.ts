/**
 * Response types. Where the shared contract has a schema, the type is z.infer of it; where the
 * server does not (yet) publish a response schema, the shape is written here from the route's
 * use case and kept to what the views read.
 */
import type { z } from 'zod';
import type { ClockDto } from '@contract/common';
import type { ContactCreated, ContactCreate } from '@contract/intake';
import type { PersonLookupResultSchema, PossibleMatchSchema } from '@contract/intake';
import type { CountyDto } from '@contract/county';
import type * as Sap from '@contract/sap';
import type * as Dec from '@contract/decisions';
import type * as Q from '@contract/queue';
import type * as P from '@contract/providers';
import type * as Pl from '@contract/plans';
import type * as N from '@contract/notices';
import type * as A from '@contract/audit';
import type * as Sec from '@contract/security';
import type * as Cr from '@contract/criteria';
import type * as U from '@contract/users';

export type { ClockDto, ContactCreated, ContactCreate, CountyDto };
export type PersonLookupResult = z.infer<typeof PersonLookupResultSchema>;
export type PossibleMatch = z.infer<typeof PossibleMatchSchema>;

export type CaseState = 'RECEIVED' | 'ASSESSMENT' | 'SAP' | 'DECIDED' | 'QUEUED' | 'PLACED' | 'CLOSED';
export type ServiceCode = 'TEMPORARY' | 'SUPPORTED' | 'COMMUNAL' | 'ROUND_THE_CLOCK';

export interface Actor {
  userId: string;
  name: string;
}

/** GET /api/my/cases → { cases } */
export interface MyCaseRow {
  id: string;
  ref: string;
  state: CaseState;
  urgent: boolean;
  municipality: string;
  service?: ServiceCode;
  clientName: string;
  pendingAt: string;
  clocks: ClockDto[];
  nextClock?: ClockDto;
}

export interface CaseRecord {
  id: string;
  ref: string;
  client: { hetu?: string; firstName: string; lastName: string; birthDate: string };
  language: 'fi' | 'sv';
  municipality: string;
  state: CaseState;
  urgent: boolean;
  lawGroups: string[];
  pendingAt: string;
  receivedAt: string;
  workerId?: string;
  workerName?: string;
  service?: ServiceCode;
  unitId?: string;
  firstDecidedOn?: string;
  assessmentStartedAt?: string;
  assessmentFinishedAt?: string;
  decidedAt?: string;
  placedAt?: string;
  closedAt?: string;
  closeReason?: string;
  clientDelays: Array<{ from: string; to?: string; reason: string }>;
  contactCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContactRow {
  id: string;
  channel: string;
  receivedAt: string;
  municipality: string;
  contactedBy: string;
  contacterName?: string;
  contacterOrganisation?: string;
  need: string;
  urgent: boolean;
  language: 'fi' | 'sv';
  recordedBy: Actor;
  recordedAt: string;
  linked: boolean;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  from?: CaseState;
  to?: CaseState;
  at: string;
  actor: Actor;
  reason?: string;
  note?: string;
  data?: Record<string, unknown>;
}

/** GET /api/cases/:caseId */
export interface CaseView {
  case: CaseRecord;
  relation: string;
  clocks: ClockDto[];
  timeline: TimelineEvent[];
  contacts: ContactRow[];
  allowedActions: string[];
}

// ---- types inferred from the shared contract ------------------------------------------------
export type MeetingList = z.infer<typeof Sap.MeetingListSchema>;
export type MeetingSummary = MeetingList['meetings'][number];
export type Agenda = z.infer<typeof Sap.AgendaSchema>;
export type AgendaItem = Agenda['items'][number];
export type FreeStarts = z.infer<typeof Sap.FreeStartsSchema>;
export type MeetingCriteria = z.infer<typeof Sap.MeetingCriteriaSchema>;
export type BookingResult = z.infer<typeof Sap.BookingResultSchema>;
export type MyBookings = z.infer<typeof Sap.MyBookingsSchema>;
export type OutcomeCreate = z.input<typeof Sap.OutcomeCreateSchema>;
export type OutcomeResult = z.infer<typeof Sap.OutcomeResultSchema>;
export type Minutes = z.infer<typeof Sap.MinutesSchema>;

export type DecisionList = z.infer<typeof Dec.DecisionListSchema>;
export type DecisionSummary = DecisionList['decisions'][number];
export type DecisionView = z.infer<typeof Dec.DecisionViewSchema>;
export type DecisionDocument = z.infer<typeof Dec.DecisionDocumentSchema>;
export type DecisionCreate = z.input<typeof Dec.DecisionCreateSchema>;
export type DecisionUpdate = z.input<typeof Dec.DecisionUpdateSchema>;
export type ToMailList = z.infer<typeof Dec.ToMailListSchema>;
export type ToSignList = z.infer<typeof Dec.ToSignListSchema>;
export type PostalAddressView = z.infer<typeof Dec.PostalAddressSchema>;
export type PostalAddressPut = z.input<typeof Dec.PostalAddressPutSchema>;
export type CriteriaInForce = z.infer<typeof Cr.CriteriaInForceSchema>;

export type QueueSummary = z.infer<typeof Q.QueueSummarySchema>;
export type QueueList = z.infer<typeof Q.QueueListSchema>;
export type QueueRow = QueueList['entries'][number];
export type CaseQueue = z.infer<typeof Q.CaseQueueSchema>;
export type PlacementList = z.infer<typeof Q.PlacementListSchema>;
export type PlacementResult = z.infer<typeof Q.PlacementResultSchema>;

export type ProviderList = z.infer<typeof P.ProviderListSchema>;
export type Provider = ProviderList['providers'][number];
export type UnitList = z.infer<typeof P.UnitListSchema>;
export type Unit = UnitList['units'][number];

export type PlanView = z.infer<typeof Pl.PlanViewSchema>;
export type PlanSave = z.input<typeof Pl.PlanSaveSchema>;
export type FollowUpCreate = z.input<typeof Pl.FollowUpCreateSchema>;
export type CaseStateChange = z.infer<typeof Pl.CaseStateChangeSchema>;

export type MyNotices = z.infer<typeof N.MyNoticesSchema>;
export type MyNotice = MyNotices['notices'][number];
export type NoticeList = z.infer<typeof N.NoticeListSchema>;
export type NoticeStatus = z.infer<typeof N.NoticeStatusSchema>;
export type NoticeCreate = z.input<typeof N.NoticeCreateSchema>;

export type AuditDay = z.infer<typeof A.AuditDaySchema>;
export type AccessEntry = AuditDay['entries'][number];
export type ClientLookupResult = z.infer<typeof A.ClientLookupResultSchema>;
export type ClientAccess = z.infer<typeof A.ClientAccessSchema>;
export type ChainVerify = z.infer<typeof A.ChainVerifySchema>;
export type SecurityDay = z.infer<typeof Sec.SecurityDaySchema>;

export type Me = z.infer<typeof U.MeSchema>;
