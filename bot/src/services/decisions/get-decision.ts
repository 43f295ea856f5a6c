/** Reading one decision: its draft or signed content, mailings, appeal period and what a draft still lacks. */
import type { DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { contextOf, decisionRows, viewOf } from './model.js';

export async function getDecision(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
): Promise<{ view: DecisionViewDto; version: string }> {
  const { record } = await loadCase(deps, user, caseId, { action: 'read', what: 'decision' });
  const [all, ctx] = await Promise.all([decisionRows(deps, caseId), contextOf(deps, caseId)]);
  const d = all.find((x) => x.value.id === decisionId);
  if (!d) throw new DomainError('notFound', 'Decision not found', { resource: 'decision' });
  return { view: viewOf(deps, record, d, all, ctx), version: d.version };
}
