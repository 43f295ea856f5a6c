/**
 * Finishing the assessment: the client has been heard (their own words), the conclusion and the
 * proposed service are written. Sets assessmentFinishedAt on the case (the first finish meets the
 * "assessment finished" clock; later rounds do not move it) and the proposed service, and marks
 * the round finished — one transaction. No state change: the slot booking moves the case to SAP
 * (a worker may book first and finish before the meeting).
 */
import type { AssessmentView } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assessmentRounds, EDITABLE_IN, loadForWorker, missingToFinish, toView, type AssessmentRecord } from './model.js';

export async function finishAssessment(deps: Deps, user: AuthUser, caseId: string, version: string): Promise<AssessmentView> {
  for (let attempt = 0; ; attempt++) {
    const { record: c, version: caseVersion } = await loadForWorker(deps, user, caseId, 'assessment.finish');
    if (!EDITABLE_IN.includes(c.state))
      throw new DomainError('case.wrongState', `An assessment is finished in state ASSESSMENT or SAP, not ${c.state}`, { from: c.state, action: 'finishAssessment' });
    const rounds = await assessmentRounds(deps, caseId);
    const current = rounds.at(-1);
    if (!current) throw new DomainError('notFound', 'The assessment has not been started', { resource: 'assessment' });
    if (current.value.finishedAt)
      throw new DomainError('assessment.finished', 'This assessment is already finished', { round: current.value.round });
    if (current.version !== version) throw new DomainError('conflict.version', 'Someone else saved the assessment first');
    const missing = missingToFinish(current.value.content);
    if (missing.length > 0)
      throw new DomainError('assessment.incomplete', `Fill in ${missing.join(', ')} before finishing`, {
        missing,
        field: `assessment.content.${missing[0]}`,
      });
    const now = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const finished: AssessmentRecord = { ...current.value, finishedAt: now, finishedBy: actor };
    const service = current.value.content.proposedService ?? undefined;
    const next = { ...c, assessmentFinishedAt: c.assessmentFinishedAt ?? now, service, updatedAt: now };
    try {
      const newCaseVersion = await deps.cases.update(
        c,
        next,
        caseVersion,
        [{ type: 'assessmentFinished', at: now, actor, data: { assessmentId: current.value.id, round: current.value.round, proposedService: service } }],
        [{ kind: 'assessment', id: current.value.id, value: finished, version }],
      );
      const stored = await deps.cases.row<AssessmentRecord>(caseId, 'assessment', current.value.id);
      return toView(next, newCaseVersion, [...rounds.slice(0, -1), { value: finished, version: stored!.version }]);
    } catch (err) {
      // The case row changed for another reason (a contact linked…): read again and retry; a
      // changed assessment fails the version check above on the next pass.
      if (err instanceof DomainError && err.code === 'conflict.version' && attempt < 3) continue;
      throw err;
    }
  }
}
