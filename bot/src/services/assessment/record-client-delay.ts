/**
 * Recording a delay caused by the client (from, to, reason). Only such delays extend the
 * SHL 45 § three-month clock (domain/deadlines merges overlapping periods, so a repeated
 * record never counts twice). Appending is safe to retry: the case row is ETag-checked and
 * re-read on a conflict, so no one else's change is lost.
 */
import type { ClientDelayCreate } from '../../contract/assessment.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import type { ClientDelay } from '../../domain/cases/model.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { loadForWorker } from './model.js';

export async function recordClientDelay(deps: Deps, user: AuthUser, caseId: string, input: ClientDelayCreate) {
  for (let attempt = 0; ; attempt++) {
    const { record: c, version } = await loadForWorker(deps, user, caseId, 'clientDelay');
    if (c.state === 'CLOSED' || c.state === 'PLACED')
      throw new DomainError('case.wrongState', `No delays are recorded in state ${c.state}`, { from: c.state, action: 'recordClientDelay' });
    if (input.from < helsinkiDate(c.pendingAt))
      throw new DomainError('validation', 'The delay starts before the case became pending', { field: 'body.from' });
    const at = deps.clock.now().toISOString();
    const actor = actorOf(user);
    const delay: ClientDelay = { from: input.from, to: input.to, reason: input.reason, recordedBy: actor, recordedAt: at };
    const next = { ...c, clientDelays: [...c.clientDelays, delay], updatedAt: at };
    try {
      const caseVersion = await deps.cases.update(c, next, version, [
        { type: 'clientDelayRecorded', at, actor, reason: input.reason, data: { from: input.from, to: input.to } },
      ]);
      return { caseId, clientDelays: next.clientDelays, caseVersion };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'conflict.version' && attempt < 5) continue;
      throw err;
    }
  }
}
