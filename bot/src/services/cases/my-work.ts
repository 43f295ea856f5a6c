/**
 * Oma työ: the signed-in worker's open cases with their clocks, most urgent first. The list
 * comes from the worker's projection partition (one query), the clocks from each case record.
 */
import type { AccessEntry } from '../../audit/access-log.js';
import type { AuthUser } from '../../domain/access.js';
import { compareClocks, mostUrgentClock } from '../../domain/deadlines/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { clocksOf } from './clocks.js';

export async function myCases(deps: Deps, user: AuthUser) {
  const summaries = (await deps.cases.listByWorker(user.id)).filter((s) => s.state !== 'CLOSED');
  const records = await Promise.all(summaries.map((s) => deps.cases.get(s.id)));
  const rows = [];
  const shown = [];
  for (const found of records) {
    if (!found || found.value.workerId !== user.id || found.value.state === 'CLOSED') continue;
    const c = found.value;
    const clocks = clocksOf(deps, c);
    rows.push({
      id: c.id,
      ref: c.ref,
      state: c.state,
      urgent: c.urgent,
      municipality: c.municipality,
      service: c.service,
      clientName: `${c.client.lastName} ${c.client.firstName}`,
      pendingAt: c.pendingAt,
      clocks,
      nextClock: mostUrgentClock(clocks.filter((k) => k.state !== 'met' && k.state !== 'metLate')),
    });
    shown.push(c);
  }
  // One access-log row per client shown: the clients' chains are written concurrently and the day
  // copies in one transaction (audit/access-log.ts recordMany), as my-bookings does.
  const at = deps.clock.now().toISOString();
  const reads: AccessEntry[] = shown.map((c) => ({
    at,
    actor: actorOf(user),
    clientId: c.clientId,
    caseId: c.id,
    action: 'read',
    what: 'myWork.list',
    relation: 'assignedWorker',
  }));
  await deps.accessLog.recordMany(reads);
  rows.sort((a, b) => {
    if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
    if (a.nextClock && b.nextClock) return compareClocks(a.nextClock, b.nextClock);
    return a.nextClock ? -1 : b.nextClock ? 1 : a.pendingAt.localeCompare(b.pendingAt);
  });
  return rows;
}
