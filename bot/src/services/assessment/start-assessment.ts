/**
 * Starting the service-need assessment (SPEC step 2): RECEIVED → ASSESSMENT through the
 * workflow, assessmentStartedAt set (the SHL 36 § clock is met), the worker assigned when the
 * case had none, and an empty draft of the uniform structure — all in one transaction.
 *
 * In ASSESSMENT: an open draft is returned as is (a retry is harmless); after a finished round
 * (the SAP group asked for more information, or the need changed) a new round starts from a
 * copy of the previous one, so the worker supplements instead of retyping.
 */
import type { AssessmentView } from '../../contract/assessment.js';
import { hasRole, type AuthUser } from '../../domain/access.js';
import type { CaseRecord, TimelineEvent } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { transition } from '../../domain/workflow/index.js';
import { actorOf, logChange } from '../case-access.js';
import type { Deps } from '../deps.js';
import {
  assessmentRounds,
  emptyContent,
  loadForWorker,
  roundId,
  timelineOf,
  toView,
  type AssessmentRecord,
} from './model.js';

export interface StartResult {
  /** True when this call started something (201), false when an open draft was returned (200). */
  started: boolean;
  view: AssessmentView;
}

export async function startAssessment(deps: Deps, user: AuthUser, caseId: string): Promise<StartResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await attemptStart(deps, user, caseId);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version' && attempt < 2) continue;
      throw err;
    }
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}

async function attemptStart(deps: Deps, user: AuthUser, caseId: string): Promise<StartResult> {
  const found = await deps.cases.get(caseId);
  if (!found) throw new DomainError('notFound', 'Case not found', { resource: 'case' });
  let c: CaseRecord = found.value;
  let version = found.version;
  const takesUnassigned = !c.workerId && c.state === 'RECEIVED' && hasRole(user, 'Worker');
  if (takesUnassigned) {
    await logChange(deps, user, c, 'intake', { action: 'update', what: 'assessment.start' });
  } else {
    const loaded = await loadForWorker(deps, user, caseId, 'assessment.start');
    c = loaded.record;
    version = loaded.version;
  }

  const rounds = await assessmentRounds(deps, caseId);
  const now = deps.clock.now().toISOString();
  const actor = actorOf(user);
  const previous = rounds.at(-1);

  if (c.state === 'ASSESSMENT' && previous && !previous.value.finishedAt) {
    return { started: false, view: toView(c, version, rounds) };
  }
  if (c.state !== 'RECEIVED' && c.state !== 'ASSESSMENT') {
    transition(c.state, 'startAssessment', { actor, at: now }); // throws case.wrongState with the allowed actions
  }

  const round = (previous?.value.round ?? 0) + 1;
  const record: AssessmentRecord = {
    id: roundId(round),
    caseId,
    round,
    content: previous ? structuredClone(previous.value.content) : emptyContent(),
    startedAt: now,
    startedBy: actor,
    updatedAt: now,
    updatedBy: actor,
  };
  const events: Array<Omit<TimelineEvent, 'seq'>> = [];
  let next: CaseRecord = { ...c, updatedAt: now };
  if (c.state === 'RECEIVED') {
    const t = transition('RECEIVED', 'startAssessment', { actor, at: now });
    next = { ...next, state: t.to, assessmentStartedAt: c.assessmentStartedAt ?? now };
    events.push(timelineOf(t.event, { assessmentId: record.id, round }));
    if (!c.workerId) {
      next = { ...next, workerId: user.id, workerName: user.name };
      events.push({ type: 'workerAssigned', at: now, actor, data: { workerId: user.id } });
    }
  } else {
    next = { ...next, assessmentStartedAt: c.assessmentStartedAt ?? now };
    events.push({
      type: 'assessmentRoundStarted',
      at: now,
      actor,
      data: { assessmentId: record.id, round, previousRound: previous?.value.round ?? null },
    });
  }
  const caseVersion = await deps.cases.update(c, next, version, events, [{ kind: 'assessment', id: record.id, value: record }]);
  const stored = await deps.cases.row<AssessmentRecord>(caseId, 'assessment', record.id);
  return { started: true, view: toView(next, caseVersion, [...rounds, { value: record, version: stored!.version }]) };
}
