/**
 * The assessment as stored: rows of kind 'assessment' in the case's partition, one per round
 * (id '001', '002'…). The newest round is the current one. Saving a draft replaces only that
 * row (ETag-checked); starting and finishing also change the case row, in one transaction.
 */
import type { AssessmentContent, AssessmentView } from '../../contract/assessment.js';
import { AssessmentContentSchema, FINISH_REQUIRED } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import type { CaseEvent } from '../../domain/workflow/index.js';
import type { Actor, CaseState, Instant, LocalDate } from '../../domain/types.js';
import type { AccessSubject } from '../../domain/access.js';
import { loadCaseToChange, type LoadedCase } from '../case-access.js';
import type { Deps } from '../deps.js';

export interface AssessmentRecord {
  id: string;
  caseId: string;
  round: number;
  content: AssessmentContent;
  startedAt: Instant;
  startedBy: Actor;
  updatedAt: Instant;
  updatedBy: Actor;
  finishedAt?: Instant;
  finishedBy?: Actor;
  delivery?: { deliveredOn: LocalDate; way: 'post' | 'electronic' | 'inPerson'; recordedAt: Instant; recordedBy: Actor };
}

export interface StoredAssessment {
  value: AssessmentRecord;
  version: string;
}

export const roundId = (round: number) => String(round).padStart(3, '0');

/** States in which the current, unfinished round may be saved and finished. */
export const EDITABLE_IN: readonly CaseState[] = ['ASSESSMENT', 'SAP'];

export const emptyContent = (): AssessmentContent => AssessmentContentSchema.parse({});

/** Fields that must be filled before finishing, in the order the form shows them. */
export function missingToFinish(c: AssessmentContent): string[] {
  const missing: string[] = [];
  for (const f of FINISH_REQUIRED) {
    const v = c[f];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) missing.push(f);
  }
  return missing;
}

/** All rounds of a case, oldest first. */
export async function assessmentRounds(deps: Deps, caseId: string): Promise<StoredAssessment[]> {
  const rows = await deps.cases.rowsOf<AssessmentRecord>(caseId, 'assessment');
  return rows.map((r) => ({ value: r.value, version: r.version })).sort((a, b) => a.value.round - b.value.round);
}

export async function currentAssessment(deps: Deps, caseId: string): Promise<StoredAssessment> {
  const rounds = await assessmentRounds(deps, caseId);
  const current = rounds.at(-1);
  if (!current) throw new DomainError('notFound', 'The assessment has not been started', { resource: 'assessment' });
  return current;
}

/** Loads the case for a change by its assigned worker (role, relation and access-log row). */
export async function loadForWorker(deps: Deps, user: AuthUser, caseId: string, what: AccessSubject): Promise<LoadedCase> {
  // The access table lets only the assigned worker (or their deputy) write the assessment.
  return loadCaseToChange(deps, user, caseId, { action: 'update', what });
}


/** A workflow transition as a timeline entry (who, when, why, and structured facts). */
export function timelineOf(e: CaseEvent, data?: Record<string, unknown>): Omit<TimelineEvent, 'seq'> {
  return {
    type: e.type,
    from: e.from,
    to: e.to,
    at: e.at,
    actor: e.actor,
    ...(e.note ? { reason: e.note } : {}),
    ...(data ? { data } : {}),
  };
}

export function toView(c: CaseRecord, caseVersion: string, rounds: StoredAssessment[]): AssessmentView {
  const current = rounds.at(-1)!;
  return {
    assessment: current.value,
    version: current.version,
    caseState: c.state,
    caseVersion,
    earlierRounds: rounds.slice(0, -1).map((r) => ({ round: r.value.round, startedAt: r.value.startedAt, finishedAt: r.value.finishedAt })),
    missingToFinish: missingToFinish(current.value.content),
  };
}
