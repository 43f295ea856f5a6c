/**
 * A posted letter came back undelivered. The secretary marks it from her list of posted letters
 * (number and dates only: the action discloses nothing about the client), or the worker from the
 * case. The return shows the decision was not received: the presumed or recorded notification
 * lapses (the case's appeal clock waits for the next mailing) and the decision waits on the
 * secretary's list again, with the address to check. In one case-partition transaction: the
 * decision, the case (one more decision to mail; its notification entry removed) and the timeline
 * event. Refused once the appeal period has started from a recorded date of notification.
 */
import type { DecisionViewDto } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { markReturned } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf, loadCaseToChange, StaleVersion } from '../case-access.js';
import type { Deps } from '../deps.js';
import { freshView, inBody, type DecisionRow } from './model.js';

export async function markDecisionReturned(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
): Promise<{ view: DecisionViewDto; version: string } | { version: string }> {
  // The access table decides who may (the assigned worker, or the secretary while the letter is
  // hers to post); the change is logged with its outcome when the request ends.
  const { part } = await loadCaseToChange(deps, user, caseId, { action: 'update', what: 'decision.returned' });
  for (let attempt = 0; attempt < 6; attempt++) {
    const found = await deps.cases.get(caseId);
    if (!found) throw new DomainError('notFound', 'Case not found', { resource: 'case' });
    const c = found.value;
    const stored = await deps.cases.row<DecisionRow>(caseId, 'decision', decisionId);
    if (!stored) throw new DomainError('notFound', 'Decision not found', { resource: 'decision' });
    if (stored.version !== version) throw new StaleVersion('decision');
    const d = stored.value;
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const back: DecisionRow = { ...d, ...inBody(() => markReturned(d, { at, by: actor })) };
    if (!back.notification) delete back.notification;
    const next: CaseRecord = {
      ...c,
      decisionsToMail: d.returned ? c.decisionsToMail : c.decisionsToMail + 1,
      decisionNotifications: c.decisionNotifications.filter((n) => n.decisionId !== decisionId),
      updatedAt: at,
    };
    try {
      await deps.cases.update(
        c,
        next,
        found.version,
        [{ type: 'decisionReturned', at, actor, data: { decisionId, number: d.number ?? null } }],
        [{ kind: 'decision', id: decisionId, value: back, version: stored.version }],
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version' && !(err instanceof StaleVersion)) continue;
      throw err;
    }
    deps.log.info({ caseId, decisionId }, 'decision letter returned');
    if (part === 'decision') return freshView(deps, caseId, decisionId);
    // The secretary sees it on her list again (with name and address); here only the new version.
    return { version: (await deps.cases.row<DecisionRow>(caseId, 'decision', decisionId))!.version };
  }
  throw new DomainError('conflict.version', 'The case is being changed by others, try again');
}
