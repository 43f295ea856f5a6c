/**
 * Recording a delay caused by the client (from, to, reason), and closing an ongoing one. Only
 * such delays extend the SHL 45 § three-month clock (domain/deadlines merges overlapping periods,
 * so a repeated record never counts twice; an ongoing delay counts up to today). Dates that
 * cannot be true are refused: a delay that starts or ends after today, or before vireilletulo.
 * Appending and closing are safe to retry: the case row is ETag-checked and re-read on a
 * conflict, so no one else's change is lost.
 */
import type { ClientDelayClose, ClientDelayCreate } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { CaseRecord, ClientDelay, TimelineEvent } from '../../domain/cases/model.js';
import { assertDateNotFuture } from '../../domain/deadlines/index.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadForWorker } from './model.js';

type Change = (c: CaseRecord, at: string) => { clientDelays: ClientDelay[]; event: Omit<TimelineEvent, 'seq'> };

async function changeDelays(deps: Deps, user: AuthUser, caseId: string, states: readonly string[], change: Change) {
  for (let attempt = 0; ; attempt++) {
    const { record: c, version } = await loadForWorker(deps, user, caseId, 'clientDelay');
    if (states.includes(c.state))
      throw new DomainError('case.wrongState', `No delays are changed in state ${c.state}`, { from: c.state, action: 'recordClientDelay' });
    const at = deps.clock.now().toISOString();
    const { clientDelays, event } = change(c, at);
    const next = { ...c, clientDelays, updatedAt: at };
    try {
      const caseVersion = await deps.cases.update(c, next, version, [event]);
      return { caseId, clientDelays: next.clientDelays, caseVersion };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version' && attempt < 5) continue;
      throw err;
    }
  }
}

export async function recordClientDelay(deps: Deps, user: AuthUser, caseId: string, input: ClientDelayCreate) {
  const now = deps.clock.now().toISOString();
  assertDateNotFuture(input.from, now, 'body.from');
  if (input.to !== undefined) assertDateNotFuture(input.to, now, 'body.to');
  return changeDelays(deps, user, caseId, ['CLOSED', 'PLACED'], (c, at) => {
    if (input.from < helsinkiDate(c.pendingAt))
      throw new DomainError('validation', 'The delay starts before the case became pending', { field: 'body.from' });
    const actor = actorOf(user);
    const delay: ClientDelay = { from: input.from, ...(input.to ? { to: input.to } : {}), reason: input.reason, recordedBy: actor, recordedAt: at };
    return {
      clientDelays: [...c.clientDelays, delay],
      event: { type: 'clientDelayRecorded', at, actor, reason: input.reason, data: { from: input.from, to: input.to ?? null } },
    };
  });
}

/** Closes an ongoing delay on its last day (not after today, not before it started). */
export async function closeClientDelay(deps: Deps, user: AuthUser, caseId: string, input: ClientDelayClose) {
  assertDateNotFuture(input.to, deps.clock.now().toISOString(), 'body.to');
  return changeDelays(deps, user, caseId, ['CLOSED'], (c, at) => {
    const delay = c.clientDelays[input.index];
    if (!delay) throw new DomainError('validation', 'No such delay', { field: 'body.index' });
    if (delay.to !== undefined) throw new DomainError('delay.alreadyClosed', 'The delay has already ended', { field: 'body.index' });
    if (input.to < delay.from) throw new DomainError('validation', 'The delay ends before it starts', { field: 'body.to' });
    const actor = actorOf(user);
    return {
      clientDelays: c.clientDelays.map((d, i) => (i === input.index ? { ...d, to: input.to } : d)),
      event: { type: 'clientDelayClosed', at, actor, data: { from: delay.from, to: input.to } },
    };
  });
}
