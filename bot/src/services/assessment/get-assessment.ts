/**
 * Reading the current assessment (with the version to send back on the next change). The
 * assigned worker writes it; SAP members and the deciding lead social worker read it, because
 * the group weighs it against the criteria.
 */
import { ASSESSMENT_SECTIONS, type AssessmentView } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { assessmentRounds, toView } from './model.js';

export async function getAssessment(deps: Deps, user: AuthUser, caseId: string): Promise<AssessmentView> {
  const { record, version, part } = await loadCase(deps, user, caseId, { action: 'read', what: 'assessment' });
  const rounds = await assessmentRounds(deps, caseId);
  if (rounds.length === 0) throw new DomainError('notFound', 'The assessment has not been started', { resource: 'assessment' });
  const view = toView(record, version, rounds);
  if (part === 'assessment') return { ...view, scope: 'full' };
  // SAP members read what the meeting weighs: the client's own view, the conclusion, the proposed service.
  const c = view.assessment.content;
  const summary = { ...c, ...Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, ''])), professionalsConsulted: [] };
  return { ...view, assessment: { ...view.assessment, content: summary }, missingToFinish: [], scope: 'summary' };
}
