/**
 * The secretary marks a signed decision sent (by post or electronically). In one case-partition
 * transaction: the decision's mailing, the case's decisionNotifications entry (the appeal clock
 * in domain/deadlines starts from it: post → 7th day, electronic → 3rd day, hallintolaki 59 §),
 * one decision fewer to mail, and the timeline event. A returned letter sent again replaces the
 * notification entry (the last mailing counts) without counting the decision twice.
 */
import type { DecisionViewDto, Mailed } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { markMailed } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionAt, freshView, inBody, withCase, type DecisionRow } from './model.js';

/** Clock skew allowed between the secretary's device and the server. */
const SKEW_MS = 5 * 60_000;

export async function markDecisionMailed(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  decisionId: string,
  version: string,
  input: Mailed,
): Promise<{ view: DecisionViewDto; version: string }> {
  await withCase(deps, user, caseId, { action: 'update', what: 'decision.mailed' }, async (found) => {
    const c = found.value;
    const stored = await decisionAt(deps, caseId, decisionId, version);
    const d = stored.value;
    const now = deps.clock.now();
    const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : now.toISOString();
    if (Date.parse(sentAt) > now.getTime() + SKEW_MS)
      throw new DomainError('validation', 'A decision cannot be marked sent in the future', { field: 'body.sentAt' });
    const actor = actorOf(user);
    const mailed: DecisionRow = { ...d, ...inBody(() => markMailed(d, { channel: input.channel, sentAt, by: actor })) };
    const first = d.status === 'SIGNED';
    const at = now.toISOString();
    const next: CaseRecord = {
      ...c,
      decisionsToMail: first ? Math.max(0, c.decisionsToMail - 1) : c.decisionsToMail,
      decisionNotifications: [
        ...c.decisionNotifications.filter((n) => n.decisionId !== decisionId),
        { decisionId, sentAt, channel: input.channel },
      ],
      updatedAt: at,
    };
    await deps.cases.update(
      c,
      next,
      found.version,
      [{ type: 'decisionMailed', at, actor, data: { decisionId, number: d.number ?? null, channel: input.channel, sentAt, again: !first } }],
      [{ kind: 'decision', id: decisionId, value: mailed, version: stored.version }],
    );
    deps.log.info({ caseId, decisionId, channel: input.channel }, 'decision mailed');
  });
  await deps.decisions.removeToMail(decisionId).catch((err: unknown) =>
    deps.log.warn({ err, decisionId }, 'could not clear the to-mail entry; the list clears it'),
  );
  return freshView(deps, caseId, decisionId);
}
