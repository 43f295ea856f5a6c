/**
 * Closing a case (CLOSED, with a reason): ending the service, or leaving the queue for good.
 * In the same transaction: the timeline event, the queue entry leaving, active placements
 * ended. After it: the places freed, the queue list updated, and the person's open-case claim
 * released, so a new contact about them starts a new case with its own vireilletulo.
 */
import type { AuthUser } from '../../domain/access.js';
import { leaveQueue } from '../../domain/queue/index.js';
import type { Actor, CloseReason, Instant, QueueLeaveReason } from '../../domain/types.js';
import { transition } from '../../domain/workflow/index.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { identityKeys } from '../intake/identity.js';
import { activePlacements, loadContext, openEntry, type CaseContext } from '../placement/case-context.js';
import { ended } from '../placement/model.js';
import { releaseSeat } from '../placement/seats.js';
import { commitChange, eventOf, StaleVersion, todayOf, type CaseChange } from '../queue/case-commit.js';
import { queueLeftEvent, refOf, syncQueueCopy } from '../queue/queue-entry.js';

const LEAVE_FOR_CLOSE: Partial<Record<CloseReason, QueueLeaveReason>> = {
  DIED: 'DIED',
  MOVED_AWAY: 'MOVED_AWAY',
  CLIENT_DECLINED: 'DECLINED_SERVICE',
};

export interface Closing {
  reason: CloseReason;
  note?: string;
  /** How the queue entry leaves (default: from the close reason; OTHER with the note). */
  leave?: { reason: QueueLeaveReason; text?: string };
}

export function closingChange(deps: Deps, ctx: CaseContext, closing: Closing, actor: Actor, at: Instant): CaseChange {
  const c = ctx.c.value;
  const t = transition(c.state, 'close', { actor, at, reason: closing.reason, note: closing.note });
  const change: CaseChange = {
    next: { ...c, state: t.to, closedAt: at, closeReason: closing.reason, updatedAt: at },
    events: [],
    rows: [],
    after: [],
  };
  const entry = openEntry(ctx);
  if (entry) {
    const leave = closing.leave ?? { reason: LEAVE_FOR_CLOSE[closing.reason] ?? 'OTHER', text: closing.note || `closed: ${closing.reason}` };
    const left = leaveQueue(entry.value, { reason: leave.reason, text: leave.text, at });
    change.rows.push({ kind: 'queue', value: left, version: entry.version });
    change.events.push(queueLeftEvent(left, actor, at, todayOf(deps)));
    change.after.push(() => syncQueueCopy(deps, c.id, refOf(entry.value)));
  }
  change.events.push(eventOf(t.event, { closeReason: closing.reason }));
  for (const p of activePlacements(ctx)) {
    change.rows.push({ kind: 'placement', id: p.value.id, value: ended(p.value, todayOf(deps), at, actor, 'caseClosed'), version: p.version });
    change.events.push({ type: 'placementEnded', at, actor, reason: 'caseClosed', data: { placementId: p.value.id, unitId: p.value.unitId } });
    change.after.push(() => releaseSeat(deps, p.value.unitId, c.id, p.value.id));
  }
  const hetuKey = identityKeys(deps, c.client).hetu;
  if (hetuKey) change.after.push(() => deps.cases.releaseOpenCase(hetuKey, c.id));
  return change;
}

export async function closeCase(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  version: string,
  input: { reason: CloseReason; note?: string },
): Promise<{ caseId: string; state: string; caseVersion: string }> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'case.close' });
  if (loaded.version !== version) throw new StaleVersion('case');
  const c = { value: loaded.record, version: loaded.version };
  const change = closingChange(deps, await loadContext(deps, c), input, actorOf(user), deps.clock.now().toISOString());
  const caseVersion = await commitChange(deps, c, change);
  deps.log.info({ caseId, reason: input.reason }, 'case closed');
  return { caseId, state: change.next.state, caseVersion };
}
