/**
 * "The need changed": back to ASSESSMENT (and from there to SAP), from DECIDED (granted),
 * QUEUED or PLACED. A queued client leaves the queue (NEED_CHANGED); a placed client keeps the
 * place until a new placement replaces it or the case closes.
 */
import type { AuthUser } from '../../domain/access.js';
import { restartClocks } from '../../domain/deadlines/index.js';
import { leaveQueue } from '../../domain/queue/index.js';
import type { Actor, Instant } from '../../domain/types.js';
import type { DecisionResult } from '../../domain/workflow/index.js';
import { transition } from '../../domain/workflow/index.js';
import { actorOf, loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadContext, openEntry, type CaseContext } from '../placement/case-context.js';
import { commitChange, eventOf, latestDecisionResult, StaleVersion, todayOf, type CaseChange } from '../queue/case-commit.js';
import { queueLeftEvent, refOf, syncQueueCopy } from '../queue/queue-entry.js';

export function needChangedChange(
  deps: Deps,
  ctx: CaseContext,
  note: string | undefined,
  actor: Actor,
  at: Instant,
  decision: DecisionResult | undefined,
): CaseChange {
  const c = ctx.c.value;
  const t = transition(c.state, 'needChanged', { actor, at, note, decision });
  // A changed need is a new request: the legal clocks start again from now (domain/deadlines).
  const change: CaseChange = { next: { ...c, ...restartClocks(c, at), state: t.to, updatedAt: at }, events: [], rows: [], after: [] };
  const entry = openEntry(ctx);
  if (entry) {
    const left = leaveQueue(entry.value, { reason: 'NEED_CHANGED', text: note ?? null, at });
    change.rows.push({ kind: 'queue', value: left, version: entry.version });
    change.events.push(queueLeftEvent(left, actor, at, todayOf(deps)));
    change.after.push(() => syncQueueCopy(deps, c.id, refOf(entry.value)));
  }
  change.events.push(eventOf(t.event));
  return change;
}

export async function changeNeed(
  deps: Deps,
  user: AuthUser,
  caseId: string,
  version: string,
  input: { note?: string },
): Promise<{ caseId: string; state: string; caseVersion: string }> {
  const loaded = await loadCase(deps, user, caseId, { action: 'update', what: 'case.needChanged' });
  if (loaded.version !== version) throw new StaleVersion('case');
  const c = { value: loaded.record, version: loaded.version };
  const decision = c.value.state === 'DECIDED' ? await latestDecisionResult(deps, c.value) : undefined;
  const change = needChangedChange(deps, await loadContext(deps, c), input.note, actorOf(user), deps.clock.now().toISOString(), decision);
  const caseVersion = await commitChange(deps, c, change);
  deps.log.info({ caseId }, 'need changed: back to assessment');
  return { caseId, state: change.next.state, caseVersion };
}
