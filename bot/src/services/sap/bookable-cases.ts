/**
 * "My cases that can be booked": the signed-in worker's own cases whose assessment is finished
 * and waiting for SAP (state ASSESSMENT), by reference, sorted by reference. Workers only. Each
 * case shown is logged as read (what: 'sap.bookableCases'); no client name leaves this use case,
 * so the list can be shown in Teams chat.
 */
import type { BookableCases } from '../../contract/sap.js';
import { hasRole, type AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { logAccess } from '../case-access.js';
import type { Deps } from '../deps.js';

export async function bookableCases(deps: Deps, user: AuthUser): Promise<BookableCases> {
  if (!hasRole(user, 'Worker')) throw new DomainError('forbidden', 'Only workers book SAP slots');
  const mine = (await deps.cases.listByWorker(user.id)).filter((s) => s.state === 'ASSESSMENT');
  const found = await Promise.all(mine.map((s) => deps.cases.get(s.id)));
  const cases: BookableCases['cases'] = [];
  for (const f of found) {
    // The projection may lag the case row: the row decides.
    if (!f || f.value.workerId !== user.id || f.value.state !== 'ASSESSMENT') continue;
    await logAccess(deps, user, f.value, 'assignedWorker', { action: 'read', what: 'sap.bookableCases' });
    cases.push({ caseId: f.value.id, ref: f.value.ref, state: f.value.state });
  }
  cases.sort((a, b) => a.ref.localeCompare(b.ref));
  return { cases };
}
