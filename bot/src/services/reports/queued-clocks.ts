/**
 * The SHL 45 § clocks of the clients still queued today, read from the queue lists (one
 * partition query per queue; no client data: the copies hold reference, municipality and the
 * clock's dates). For the organiser's figure of clients queued past the limit
 * (domain/reports/queued-past-limit.ts).
 */
import type { QueuedClock } from '../../domain/reports/index.js';
import { SERVICES } from '../../domain/types.js';
import type { QueueRef } from '../../storage/queue-repository.js';
import type { Deps } from '../deps.js';
import { implementationClockOf } from '../queue/queue-view.js';

export async function queuedClocks(deps: Deps): Promise<QueuedClock[]> {
  const units = (await deps.providers.listUnits()).map((u) => u.value);
  const refs: QueueRef[] = [
    ...SERVICES.map((service) => ({ service, unitId: null })),
    ...units.flatMap((u) => u.services.map((service) => ({ service, unitId: u.id }))),
  ];
  const lists = await Promise.all(refs.map((ref) => deps.queues.list(ref)));
  const out = new Map<string, QueuedClock>();
  for (const l of lists.flat()) {
    if (l.entry.left || out.has(l.entry.caseId)) continue;
    const clock = implementationClockOf(deps, l.facts);
    if (!clock || (clock.ruleId !== 'implementation' && clock.ruleId !== 'implementation.urgent')) continue;
    out.set(l.entry.caseId, {
      caseId: l.entry.caseId,
      client: l.facts.clientId,
      municipality: l.facts.municipality,
      service: l.entry.service,
      ruleId: clock.ruleId,
      dueDate: clock.dueDate,
    });
  }
  return [...out.values()];
}
