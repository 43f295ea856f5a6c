/**
 * Saving the assessment draft. The whole content is replaced, only if the stored draft is still
 * the version the worker read: a stale save is refused (412 'conflict.version') and nothing is
 * written, so the other person's text is never lost; the client reloads and merges. Allowed in
 * ASSESSMENT and, for a round not yet finished, in SAP (workers book the slot early and finish
 * the assessment before the meeting).
 */
import type { AssessmentSave, AssessmentView } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assessmentRounds, EDITABLE_IN, loadForWorker, toView, type AssessmentRecord } from './model.js';

export async function saveAssessment(deps: Deps, user: AuthUser, caseId: string, input: AssessmentSave, version: string): Promise<AssessmentView> {
  const { record: c, version: caseVersion } = await loadForWorker(deps, user, caseId, 'assessment');
  if (!EDITABLE_IN.includes(c.state))
    throw new DomainError('case.wrongState', `The assessment is edited in state ASSESSMENT or SAP, not ${c.state}`, { from: c.state, action: 'saveAssessment' });
  const rounds = await assessmentRounds(deps, caseId);
  const current = rounds.at(-1);
  if (!current) throw new DomainError('notFound', 'The assessment has not been started', { resource: 'assessment' });
  if (current.value.finishedAt)
    throw new DomainError('assessment.finished', 'This assessment is finished; start a new round to supplement it', { round: current.value.round });
  if (current.version !== version) throw new DomainError('conflict.version', 'Someone else saved the assessment first');
  const now = deps.clock.now().toISOString();
  const next: AssessmentRecord = { ...current.value, content: input.content, updatedAt: now, updatedBy: actorOf(user) };
  const newVersion = await deps.cases.putRow(caseId, { kind: 'assessment', id: current.value.id, value: next, version });
  return toView(c, caseVersion, [...rounds.slice(0, -1), { value: next, version: newVersion }]);
}
