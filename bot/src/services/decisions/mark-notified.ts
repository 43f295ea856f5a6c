/**
 * Recording the date of notification (tiedoksianto), which starts the 30-day period for a request
 * for review: the presumed day after the last mailing (hallintolaki 59 §), or a day shown
 * otherwise (e.g. an acknowledgement of receipt). In one case-partition transaction: the
 * decision's notification, the case's decisionNotifications entry (so the case's appeal clock
 * counts from the recorded day, domain/deadlines/notification.ts) and the timeline event.
 */
import type { DecisionViewDto, Notified } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { recordNotification } from '../../domain/deadlines/index.js';
import { markNotified } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionAt, freshView, inBody, todayOf, withCase, type DecisionRow } from './model.js';

export async function markDecisionNotified(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
  input: Notified,
): Promise<{ view: DecisionViewDto; version: string }> {
  await withCase(deps, user, caseId, { action: 'update', what: 'decision.notified' }, async (found) => {
    const c = found.value;
    const stored = await decisionAt(deps, caseId, decisionId, version);
    const d = stored.value;
    if (input.notifiedOn && input.notifiedOn > todayOf(deps))
      throw new DomainError('validation', 'A notification day shown cannot be in the future', { field: 'body.notifiedOn' });
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const notified: DecisionRow = {
      ...d,
      ...inBody(() => markNotified(d, { at, by: actor, ...(input.notifiedOn ? { notifiedOn: input.notifiedOn } : {}) })),
    };
    const n = notified.notification!;
    const mailing = notified.mailings.at(-1)!; // markNotified refuses a decision never mailed
    const next: CaseRecord = {
      ...c,
      decisionNotifications: inBody(() =>
        recordNotification(c.decisionNotifications, { decisionId, sentAt: mailing.sentAt, channel: mailing.channel, notifiedOn: n.notifiedOn }),
      ),
      updatedAt: at,
    };
    await deps.cases.update(
      c,
      next,
      found.version,
      [{ type: 'decisionNotified', at, actor, data: { decisionId, number: d.number ?? null, notifiedOn: n.notifiedOn, basis: n.basis } }],
      [{ kind: 'decision', id: decisionId, value: notified, version: stored.version }],
    );
    deps.log.info({ caseId, decisionId, basis: n.basis }, 'decision notified');
  });
  return freshView(deps, caseId, decisionId);
}
