/**
 * Who has processed this client's data (703/2023 11 §), for the admin. Reading it is itself an
 * entry in the client's log (relation 'audit'), so the answer includes this very query.
 */
import type { AuthUser } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { entryView } from './view.js';

export async function clientAccessLog(deps: Deps, admin: AuthUser, clientId: string) {
  const before = await deps.accessLog.forClient(clientId);
  if (before.length === 0) throw new DomainError('notFound', 'No access log for this client', { resource: 'client' });
  await deps.accessLog.record({
    at: deps.clock.now().toISOString(),
    actor: actorOf(admin),
    clientId,
    action: 'read',
    what: 'accessLog',
    relation: 'audit',
  });
  const entries = await deps.accessLog.forClient(clientId);
  return { clientId, entries: entries.map(entryView) };
}

/**
 * Checks the client's log: every record holding the client's entries verifies under the log key,
 * its chain is whole and agrees with the signed anchors, and the client's index matches the
 * chains (audit/verify.ts). `breaks` names each problem by chain and record.
 */
export async function verifyClientLog(deps: Deps, clientId: string) {
  const r = await deps.accessLog.verifyChain(clientId);
  if (r.entries === 0 && r.ok) throw new DomainError('notFound', 'No access log for this client', { resource: 'client' });
  return r;
}
