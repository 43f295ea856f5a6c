/**
 * Decisions as stored: a row of kind 'decision' per decision in the case's partition (the domain
 * Decision, plus where its draft came from). Shared helpers of the decision use cases: reading
 * rows, the county's authority and template in force, the case-write retry, and the views.
 */
import type { DecisionSummaryDto, DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { hasRole } from '../../domain/access.js';
import type { AccessAction } from '../../audit/access-log.js';
import type { AccessSubject } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import {
  appealPeriodEnd,
  currentTemplate,
  decisionAuthorityFromCounty,
  draftProblems,
  languageMismatches,
  type Decision,
  type PostalAddress,
  type DecisionAuthority,
  type DecisionDraft,
  type DecisionTemplate,
} from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import type { DecisionResult } from '../../domain/workflow/index.js';
import type { Language, LocalDate } from '../../domain/types.js';
import type { Versioned } from '../../storage/table-store.js';
import { loadCase, type LoadedCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { caseAddress } from './postal-address.js';
import { sapOutcomesByBooking, type SapSource } from './sources.js';

export interface DecisionRow extends Decision {
  /** The SAP outcome the draft was made from (absent when its fields came in the request). */
  source?: { bookingId?: string; meetingId?: string; preferredUnitId?: string | null };
  /** The unit behind a 'unit' placement (the document prints its name). */
  unitId?: string;
  /** Sent to the lead social workers' "to sign" list. */
  submitted?: { at: string; by: { userId: string; name: string } };
}

/** What a decision's view needs besides its row: the case's address and the SAP group's outcome. */
export interface DecisionContext {
  address: PostalAddress | null;
  /** The outcome of the booking the decision rests on, as it reads now (it may have been corrected). */
  outcomes: Map<string, SapSource>;
}

export async function contextOf(deps: Deps, caseId: string): Promise<DecisionContext> {
  const [address, outcomes] = await Promise.all([caseAddress(deps, caseId), sapOutcomesByBooking(deps, caseId)]);
  return { address: address?.value ?? null, outcomes };
}

/** The SAP outcome a decision rests on (null without a recorded one), and whether the draft differs. */
export function sapOutcomeOf(d: DecisionRow, ctx: DecisionContext): DecisionViewDto['sapOutcome'] {
  const o = d.source?.bookingId ? ctx.outcomes.get(d.source.bookingId) : undefined;
  if (!o) return null;
  return {
    result: o.result ?? null,
    service: o.service,
    meetingStartsAt: o.meetingStartsAt ?? null,
    differs: deviatesFromOutcome(d.draft.outcome, o),
  };
}

/** The draft's result or service is not what the SAP group decided (an old outcome without a result: service only). */
export function deviatesFromOutcome(outcome: DecisionDraft['outcome'], o: Pick<SapSource, 'result' | 'service'>): boolean {
  if (outcome.service !== o.service) return true;
  if (!o.result) return false;
  return (outcome.kind === 'positive' ? 'granted' : 'refused') !== o.result;
}

export type StoredDecision = Versioned<DecisionRow>;

/** Default title of the worker as contact person and preparer (document text, editable). */
export const WORKER_TITLE = { fi: 'asiakasohjaaja', sv: 'klienthandledare' } as const;

import { StaleVersion, todayOf } from '../case-access.js';

export { StaleVersion, todayOf };

export const resultOf = (d: Pick<Decision, 'draft'>): DecisionResult => (d.draft.outcome.kind === 'positive' ? 'granted' : 'refused');

export function authorityOf(deps: Deps): DecisionAuthority {
  return decisionAuthorityFromCounty(deps.county);
}

export function templateFor(deps: Deps, language: Language): DecisionTemplate {
  return currentTemplate(language, todayOf(deps));
}

export async function decisionRows(deps: Deps, caseId: string): Promise<StoredDecision[]> {
  const rows = await deps.cases.rowsOf<DecisionRow>(caseId, 'decision');
  // Oldest first; a correction made in the same instant still follows the decision it corrects.
  const depth = (d: DecisionRow) => (d.corrects ? 1 : 0);
  return rows
    .map((r) => ({ value: r.value, version: r.version }))
    .sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt) || depth(a.value) - depth(b.value) || a.value.id.localeCompare(b.value.id));
}

export async function mustGetDecision(deps: Deps, caseId: string, decisionId: string): Promise<StoredDecision> {
  const row = await deps.cases.row<DecisionRow>(caseId, 'decision', decisionId);
  if (!row) throw new DomainError('notFound', 'Decision not found', { resource: 'decision' });
  return row;
}

/**
 * The client as the decision prints them, always from the case: name, henkilötunnus or (without
 * one) the birth date, and the postal address recorded on the case (under address protection
 * none); a draft made before addresses were recorded on the case keeps its own lines.
 */
export function withCaseIdentity(draft: DecisionDraft, c: CaseRecord, address?: PostalAddress | null): DecisionDraft {
  const lines = address ? address.lines : (draft.client.address ?? []);
  return {
    ...draft,
    client: {
      name: `${c.client.firstName} ${c.client.lastName}`.trim(),
      hetu: c.client.hetu ?? '',
      ...(c.client.hetu ? {} : { birthDate: c.client.birthDate }),
      ...(lines.length && !address?.protected ? { address: lines } : {}),
      ...(address?.protected ? { addressProtected: true } : {}),
    },
    pendingSince: helsinkiDate(c.pendingAt),
  };
}

/** Only the assigned worker, or a lead social worker with a relation, changes a draft. */
export function requireDrafter(user: AuthUser, loaded: LoadedCase): void {
  if (loaded.relation === 'assignedWorker' || loaded.relation === 'deputy' || hasRole(user, 'LeadSocialWorker')) return;
  throw new DomainError('case.notAssigned', 'Only the assigned worker or a lead social worker drafts decisions');
}

const isRetryable = (err: unknown) => err instanceof DomainError && err.code === 'conflict.version' && !(err instanceof StaleVersion);

/**
 * Loads the case once (relation check and access-log row), then runs `work`; when only an
 * unrelated write raced the case row, runs it again on a fresh read (the client's version of
 * the decision stays the guard, so nothing it did not see is overwritten).
 */
export async function withCase<T>(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  access: { action: AccessAction; what: AccessSubject },
  work: (c: Versioned<CaseRecord>, loaded: LoadedCase) => Promise<T>,
): Promise<T> {
  const loaded = await loadCase(deps, user, caseId, access);
  let current: Versioned<CaseRecord> = { value: loaded.record, version: loaded.version };
  for (let i = 0; ; i++) {
    try {
      return await work(current, loaded);
    } catch (err) {
      if (!isRetryable(err) || i >= 7) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 15 * (i + 1)));
      current = await deps.cases.mustGet(caseId);
    }
  }
}

/** The decision's row, checked against the version the client read. */
export async function decisionAt(deps: Deps, caseId: string, decisionId: string, version: string): Promise<StoredDecision> {
  const d = await mustGetDecision(deps, caseId, decisionId);
  if (d.version !== version) throw new StaleVersion('decision');
  return d;
}

/** The appeal period: from the recorded notification, else presumed from the last mailing. */
export function appealOf(deps: Deps, d: Decision): DecisionSummaryDto['appeal'] {
  const toWorkingDay = (x: LocalDate) => deps.calendar.nextWorkingDayOnOrAfter(x);
  if (d.notification) {
    const { notifiedOn, basis } = d.notification;
    return { notifiedOn, lastDay: appealPeriodEnd(notifiedOn, toWorkingDay), basis };
  }
  const last = d.mailings.at(-1);
  if (!last) return undefined;
  return { notifiedOn: last.presumedNotifiedOn, lastDay: appealPeriodEnd(last.presumedNotifiedOn, toWorkingDay), basis: 'presumed' };
}

export function summaryOf(deps: Deps, d: StoredDecision, all: readonly StoredDecision[]): DecisionSummaryDto {
  const v = d.value;
  return {
    id: v.id,
    caseId: v.caseId,
    status: v.status,
    language: v.language,
    result: resultOf(v),
    service: v.draft.outcome.service,
    ...(v.number ? { number: v.number } : {}),
    ...(v.decisionDate ? { decisionDate: v.decisionDate } : {}),
    ...(v.signedAt ? { signedAt: v.signedAt } : {}),
    ...(v.signedBy ? { signedBy: v.signedBy } : {}),
    ...(v.corrects ? { corrects: v.corrects } : {}),
    correctedBy: all.filter((x) => x.value.corrects?.decisionId === v.id).map((x) => x.value.id),
    ...(v.mailings.length ? { lastMailing: v.mailings.at(-1)! } : {}),
    ...(appealOf(deps, v) ? { appeal: appealOf(deps, v)! } : {}),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    version: d.version,
  };
}

export function viewOf(
  deps: Deps,
  c: CaseRecord,
  d: StoredDecision,
  all: readonly StoredDecision[],
  ctx: DecisionContext,
): DecisionViewDto {
  const v = d.value;
  const isDraft = v.status === 'DRAFT';
  const draft = isDraft ? withCaseIdentity(v.draft, c, ctx.address) : v.draft;
  return {
    decision: {
      ...summaryOf(deps, d, all),
      draft,
      createdBy: v.createdBy,
      updatedBy: v.updatedBy,
      ...(v.templateVersion !== undefined ? { templateVersion: v.templateVersion } : {}),
      ...(v.criteriaVersion !== undefined ? { criteriaVersion: v.criteriaVersion } : {}),
      mailings: v.mailings,
      ...(v.notification ? { notification: v.notification } : {}),
      ...(v.source ? { source: v.source } : {}),
      ...(v.deviation ? { deviation: v.deviation } : {}),
      ...(v.returned ? { returned: v.returned } : {}),
    },
    caseRef: c.ref,
    problems: isDraft ? draftProblems(draft) : [],
    languageWarnings: isDraft ? languageMismatches(draft, v.language) : [],
    sapOutcome: sapOutcomeOf(v, ctx),
    submitted: isDraft && !!v.submitted,
  };
}

/** The view of one decision after a write (fresh rows: the caller needs the new version). */
export async function freshView(deps: Deps, caseId: string, decisionId: string): Promise<{ view: DecisionViewDto; version: string }> {
  const [c, all, ctx] = await Promise.all([deps.cases.mustGet(caseId), decisionRows(deps, caseId), contextOf(deps, caseId)]);
  const d = all.find((x) => x.value.id === decisionId);
  if (!d) throw new DomainError('notFound', 'Decision not found', { resource: 'decision' });
  return { view: viewOf(deps, c.value, d, all, ctx), version: d.version };
}

/** Domain errors name fields without the request part: add 'body.' for the problem document. */
export function inBody<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DomainError && typeof err.details.field === 'string' && !/^(body|query|params)\./.test(err.details.field))
      throw new DomainError(err.code, err.message, { ...err.details, field: `body.${err.details.field}` });
    throw err;
  }
}
