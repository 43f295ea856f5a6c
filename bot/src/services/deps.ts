/**
 * What the use cases need, built once in compose.ts. Tests build the same object against
 * Azurite with a fixed clock.
 */
import type { IdempotencyRepository } from '../storage/idempotency-repository.js';
import type { Logger } from 'pino';
import type { CountyConfig } from '../county.js';
import type { TableStore } from '../storage/table-store.js';
import type { CaseRepository } from '../storage/case-repository.js';
import type { SapRepository } from '../storage/sap-repository.js';
import type { CriteriaSet } from '../domain/criteria/index.js';
import type { ProviderRepository } from '../storage/provider-repository.js';
import type { QueueRepository } from '../storage/queue-repository.js';
import type { AccessLog } from '../audit/access-log.js';
import type { SecurityEventRepository } from '../storage/security-event-repository.js';
import type { WorkingCalendar } from '../domain/calendar/index.js';
import type { UserRepository } from '../storage/user-repository.js';
import type { NoticeRepository } from '../storage/notice-repository.js';
import type { DecisionRepository } from '../storage/decision-repository.js';
import type { CriteriaRepository } from '../storage/criteria-repository.js';
import type { ReportRepository } from '../storage/report-repository.js';
import type { Notice } from '../domain/notices/index.js';

export interface Clock {
  now(): Date;
}

/** A person a notice goes to (staff only; never client data). */
export interface NoticeRecipient {
  userId: string;
  name: string;
  locale?: string;
}

/**
 * The Teams side of notices (teams/ implements it: the channel post and a personal card to
 * each recipient). Called after the notice is stored; should queue the sends and return quickly.
 * A failure is logged and does not undo the publishing (the bot's reminders catch up).
 */
export interface NoticeNotifier {
  noticePublished(notice: Notice, recipients: NoticeRecipient[]): Promise<void>;
}

/**
 * Tells the assigned worker that their case's decision was signed (teams/ may implement it as a
 * personal card: the case reference and decision number only, never client data). Optional: a
 * failure or absence does not undo the signing (the case's timeline and decision list show it).
 */
export interface DecisionEvents {
  decisionSigned(e: { caseId: string; caseRef: string; decisionId: string; number: string; workerId: string; signedBy: { userId: string; name: string }; result: 'granted' | 'refused' }): Promise<void>;
}

export interface Deps {
  county: CountyConfig;
  clock: Clock;
  calendar: WorkingCalendar;
  log: Logger;
  store: TableStore;
  cases: CaseRepository;
  /** SAP meetings: the time-ordered list, each meeting's bookings and its 10-minute slot cells. */
  sap: SapRepository;
  /** Every version of the county's criteria per service (cited by SAP outcomes and decisions). */
  criteria(): Promise<readonly CriteriaSet[]>;
  /** The criteria versions as stored (the admin publishes new ones; criteria() reads them). */
  criteriaSets: CriteriaRepository;
  /** Decision numbers (yearly series) and the secretary's to-mail list; decisions themselves are case rows. */
  decisions: DecisionRepository;
  /** Providers, units and the places taken in them. */
  providers: ProviderRepository;
  /** The queues' list projection (the entry itself is a row of the case). */
  queues: QueueRepository;
  accessLog: AccessLog;
  /** Refused requests on client-data routes (docs/ACCESS.md), apart from the clients' access log. */
  security: SecurityEventRepository;
  users: UserRepository;
  notices: NoticeRepository;
  /** The organiser's report aggregates (fed by the case timeline; see docs/REPORTS.md). */
  reports: ReportRepository;
  /** Claims and first answers of idempotent creating POSTs (services/idempotency.ts). */
  idempotency: IdempotencyRepository;
  notifier: NoticeNotifier;
  /** Optional: the worker is told when their decision is signed (see DecisionEvents). */
  decisionEvents?: DecisionEvents;
  /** Keyed hash of an identity (henkilötunnus, or name + birth date; 'request': an idempotency key): look-up keys hold no identity. */
  identityKey(kind: 'hetu' | 'nameBirth' | 'request' | 'report-rounding' | 'idempotency', value: string): string;
  newId(): string;
  /** Outside production only test-range henkilötunnus (900–999) are accepted. */
  testDataOnly: boolean;
}
