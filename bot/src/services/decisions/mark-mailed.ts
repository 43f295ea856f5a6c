/**
 * The secretary marks a signed decision sent (by post or electronically) on today's date or a
 * later posting day. In one case-partition transaction: the decision's mailing, the case's
 * decisionNotifications entry (the appeal clock in domain/deadlines starts from it: post → 7th
 * day after the posting day, electronic → 3rd day, hallintolaki 59 §) and the timeline event.
 * One decision fewer waits on the secretary's list (the case's decisionsToMail). A letter that
 * came back (mark-returned.ts) is sent again the same way: the notification entry is replaced (the
 * last mailing counts). The posted letter stays listed by number until its appeal period starts.
 */
import type { DecisionViewDto, Mailed } from '../../contract/decisions.js';
import type { AuthUser } from '../../domain/access.js';
import type { CaseRecord } from '../../domain/cases/model.js';
import { markMailed } from '../../domain/decisions/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { decisionAt, freshView, inBody, todayOf, withCase, type DecisionRow } from './model.js';

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
    const mailed: DecisionRow = {
      ...d,
      ...inBody(() => markMailed(d, { channel: input.channel, sentAt, by: actor, ...(input.postedOn ? { postedOn: input.postedOn } : {}) })),
    };
    // A new mailing replaces any lapsed notification and the returned mark.
    delete mailed.notification;
    delete mailed.returned;
    const first = d.status === 'SIGNED';
    const waiting = first || !!d.returned;
    const at = now.toISOString();
    const mailing = mailed.mailings.at(-1)!;
    // The case's appeal clock counts from the posting day (midday, so the Helsinki date is the day).
    const postedAt = mailing.postedOn && mailing.postedOn > todayOf(deps) ? new Date(`${mailing.postedOn}T10:00:00Z`).toISOString() : sentAt;
    const next: CaseRecord = {
      ...c,
      decisionsToMail: waiting ? Math.max(0, c.decisionsToMail - 1) : c.decisionsToMail,
      decisionNotifications: [
        ...c.decisionNotifications.filter((n) => n.decisionId !== decisionId),
        { decisionId, sentAt: postedAt, channel: input.channel },
      ],
      updatedAt: at,
    };
    await deps.cases.update(
      c,
      next,
      found.version,
      [
        {
          type: 'decisionMailed',
          at,
          actor,
          data: { decisionId, number: d.number ?? null, channel: input.channel, sentAt, postedOn: mailing.postedOn, again: !first },
        },
      ],
      [{ kind: 'decision', id: decisionId, value: mailed, version: stored.version }],
    );
    deps.log.info({ caseId, decisionId, channel: input.channel }, 'decision mailed');
  });
  const view = await freshView(deps, caseId, decisionId);
  const v = view.view.decision;
  const mailing = v.lastMailing!;
  await deps.decisions
    .putToMail({
      decisionId,
      caseId,
      caseRef: view.view.caseRef,
      number: v.number!,
      decisionDate: v.decisionDate!,
      language: v.language,
      signedAt: v.signedAt!,
      writtenAt: mailing.sentAt,
      ...(mailing.postedOn ? { mailedOn: mailing.postedOn } : {}),
      presumedNotifiedOn: mailing.presumedNotifiedOn,
    })
    .catch((err: unknown) => deps.log.warn({ err, decisionId }, 'could not update the to-mail entry; the list reads the decision'));
  return view;
}
