/** A case's place in its queue (the worker's view of their client; any role with a relation). */
import type { CaseQueueDto } from '../../contract/queue.js';
import type { AuthUser } from '../../domain/access.js';
import { loadCase } from '../case-access.js';
import type { Deps } from '../deps.js';
import { todayOf } from './case-commit.js';
import { readQueueRow } from './queue-entry.js';
import { caseQueueView } from './queue-view.js';

export async function getCaseQueue(deps: Deps, user: AuthUser, caseId: string): Promise<CaseQueueDto> {
  const { record, version } = await loadCase(deps, user, caseId, { action: 'read', what: 'queue.place' });
  return caseQueueView(deps, { value: record, version }, await readQueueRow(deps, caseId), todayOf(deps));
}
