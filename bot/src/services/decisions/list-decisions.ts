/** The decisions of a case, oldest first: drafts, signed ones, corrections and their mailing. */
import type { DecisionSummaryDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionRows, summaryOf } from './model.js';

export async function listDecisions(
  deps: Deps,
  user: AuthUser,
  caseId: string,
): Promise<{ caseRef: string; decisions: DecisionSummaryDto[] }> {
  const { record } = await loadCase(deps, user, caseId, { action: 'read', what: 'decision.list' });
  const all = await decisionRows(deps, caseId);
  return { caseRef: record.ref, decisions: all.map((d) => summaryOf(deps, d, all)) };
}
